/** An SVG bar chart of the highlighting ratios, drawn from the measured numbers (log scale, one row per bar). */
import { escapeHtml } from './pages.ts';

/** One bar: a label and a ratio (how many times faster Crossread was, or Crossread ÷ floor). */
export interface Bar {
  group: string;
  label: string;
  value: number;
  color: string;
}

/** Renders the bars grouped under their group titles, on a log10 axis from 0.1× to 1000×. */
export function ratioChart(title: string, bars: readonly Bar[]): string {
  const left = 230;
  const width = 520;
  const row = 18;
  const [lo, hi] = [-1, 3];
  const x = (v: number) => left + ((Math.log10(Math.max(v, 0.1)) - lo) / (hi - lo)) * width;
  const parts: string[] = [];
  let y = 40;
  let group = '';
  for (const bar of bars) {
    if (bar.group !== group) {
      group = bar.group;
      y += 8;
      parts.push(`<text x="8" y="${y + 12}" font-weight="bold">${escapeHtml(group)}</text>`);
      y += row;
    }
    const w = Number.isFinite(bar.value) ? Math.max(1, x(bar.value) - left) : 0;
    const label = Number.isFinite(bar.value) ? `${bar.value >= 10 ? Math.round(bar.value) : bar.value.toFixed(1)}×` : 'n/a';
    parts.push(
      `<text x="${left - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(bar.label)}</text>`,
      `<rect x="${left}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 5}" fill="${bar.color}"/>`,
      `<text x="${(left + w + 4).toFixed(1)}" y="${y + 12}">${label}</text>`,
    );
    y += row;
  }
  const axis = [0.1, 1, 10, 100, 1000]
    .map((v) => `<line x1="${x(v)}" y1="30" x2="${x(v)}" y2="${y + 4}" stroke="#ccc"/><text x="${x(v)}" y="${y + 18}" text-anchor="middle">${v}×</text>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 70}" height="${y + 30}" font-family="sans-serif" font-size="11">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="8" y="20" font-size="14" font-weight="bold">${escapeHtml(title)}</text>` +
    `${axis}${parts.join('')}</svg>\n`
  );
}
