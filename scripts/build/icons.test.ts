import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { drawIcon, encodePng, renderIcons } from './icons.ts';

describe('icons', () => {
  it('writes a valid PNG header and image data that inflates to the pixels', () => {
    const png = encodePng(16, drawIcon(16));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(16);
    const idatLength = png.readUInt32BE(33);
    expect(png.toString('latin1', 37, 41)).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect(rows.length).toBe(16 * (16 * 4 + 1));
  });

  it('is deterministic', () => {
    expect(renderIcons().map(([, b]) => b.toString('base64'))).toEqual(
      renderIcons().map(([, b]) => b.toString('base64')),
    );
  });

  it('leaves the corners transparent and fills the middle', () => {
    const px = drawIcon(32);
    expect(px[3]).toBe(0);
    expect(px[(16 * 32 + 4) * 4 + 3]).toBe(255);
  });

  it('draws the marked line solid, not as a hollow frame that reads as an empty badge', () => {
    for (const size of [16, 32]) {
      const px = drawIcon(size);
      const at = (x: number, y: number) => [...px.subarray((y * size + x) * 4, (y * size + x) * 4 + 3)];
      // The middle of the marked line, and a point a quarter in from its left end: both the mark's amber.
      for (const x of [Math.floor(size / 2), Math.floor(size * 0.34)]) expect(at(x, Math.floor(size / 2))).toEqual([242, 193, 78]);
    }
  });
});
