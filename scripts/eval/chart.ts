/** An SVG precision–recall chart: one curve per set of texts over the threshold grid, the operating point marked. */

/** One curve: a point per threshold, and which one is the operating point. */
export interface Curve {
  label: string;
  color: string;
  points: readonly { recall: number; precision: number; threshold: number }[];
  chosen: number;
  /** Drawn dashed (a set that is not real text). */
  dashed?: boolean;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Renders the curves on recall (x, 0–100 %) against precision (y, 40–100 %), with the 80 % / 90 % aim shaded. */
export function prChart(title: string, curves: readonly Curve[]): string {
  const [left, top, width, height] = [60, 40, 460, 320];
  const [pLo, pHi] = [0.4, 1];
  const x = (r: number) => left + r * width;
  const y = (p: number) => top + ((pHi - Math.max(pLo, Math.min(pHi, p))) / (pHi - pLo)) * height;
  const parts: string[] = [];
  parts.push(
    `<rect x="${x(0.8)}" y="${y(1)}" width="${x(1) - x(0.8)}" height="${y(0.9) - y(1)}" fill="#e8f5e9"/>`,
    `<text x="${x(0.8) + 4}" y="${y(0.9) - 4}" fill="#2e7d32">aim</text>`,
  );
  for (let k = 0; k <= 10; k++) {
    const r = k / 10;
    parts.push(
      `<line x1="${x(r)}" y1="${top}" x2="${x(r)}" y2="${top + height}" stroke="#eee"/>`,
      `<text x="${x(r)}" y="${top + height + 16}" text-anchor="middle">${k * 10}</text>`,
    );
  }
  for (let p = pLo; p <= pHi + 1e-9; p += 0.1) {
    parts.push(
      `<line x1="${left}" y1="${y(p)}" x2="${left + width}" y2="${y(p)}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${y(p) + 4}" text-anchor="end">${Math.round(p * 100)}</text>`,
    );
  }
  parts.push(
    `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="none" stroke="#999"/>`,
    `<text x="${left + width / 2}" y="${top + height + 34}" text-anchor="middle">recall: claim passages found (%)</text>`,
    `<text x="16" y="${top + height / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + height / 2})">precision: reported claims right (%)</text>`,
  );
  curves.forEach((c, i) => {
    const path = c.points.map((p, k) => `${k ? 'L' : 'M'}${x(p.recall).toFixed(1)},${y(p.precision).toFixed(1)}`).join('');
    parts.push(`<path d="${path}" fill="none" stroke="${c.color}" stroke-width="2"${c.dashed ? ' stroke-dasharray="5,3"' : ''}/>`);
    const op = c.points[c.chosen];
    if (op) {
      parts.push(
        `<circle cx="${x(op.recall).toFixed(1)}" cy="${y(op.precision).toFixed(1)}" r="5" fill="${c.color}" stroke="#000"/>`,
      );
    }
    const ly = top + 16 + 18 * i;
    const figures = op ? ` — at ${op.threshold.toFixed(2)}: R ${(100 * op.recall).toFixed(0)} %, P ${(100 * op.precision).toFixed(0)} %` : '';
    parts.push(
      `<line x1="${left + width + 16}" y1="${ly - 4}" x2="${left + width + 40}" y2="${ly - 4}" stroke="${c.color}" stroke-width="2"${c.dashed ? ' stroke-dasharray="5,3"' : ''}/>`,
      `<text x="${left + width + 46}" y="${ly}">${escapeXml(c.label + figures)}</text>`,
    );
  });
  const legendWidth = 400;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 46 + legendWidth}" height="${top + height + 50}" font-family="sans-serif" font-size="11">` +
    `<rect width="100%" height="100%" fill="#fff"/><text x="8" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>` +
    `${parts.join('')}</svg>\n`
  );
}
