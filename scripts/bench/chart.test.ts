import { describe, expect, it } from 'vitest';
import { ratioChart } from './chart.ts';

describe('ratioChart', () => {
  it('draws one bar per value, longer for bigger ratios, and n/a for missing ones', () => {
    const svg = ratioChart('t', [
      { group: 'g', label: 'a', value: 10, color: '#000' },
      { group: 'g', label: 'b', value: 100, color: '#000' },
      { group: 'h', label: 'c', value: NaN, color: '#000' },
    ]);
    const widths = [...svg.matchAll(/<rect x="230" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(svg).toContain('>n/a<');
    expect(svg.startsWith('<svg')).toBe(true);
  });
});
