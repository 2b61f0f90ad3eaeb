/**
 * Draws the extension's icons as PNGs at build time, so the repository holds no binary files and every size is
 * sharp. The picture: a rounded blue square with three lines of "text", the middle one a solid highlighter stroke.
 * (It used to be an amber frame around a blue line, which at toolbar size read as an empty badge.)
 * Pure (no file access) and deterministic: the same size always gives the same bytes.
 */
import { deflateSync } from 'node:zlib';

/** The sizes the manifest refers to as icons/icon-N.png. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

type Rgba = [number, number, number, number];

const BACKGROUND: Rgba = [38, 84, 124, 255];
const LINE: Rgba = [255, 255, 255, 255];
const MARK: Rgba = [242, 193, 78, 255];

/** Which colour covers the unit-square point (x, y), or null for transparent. */
function colourAt(x: number, y: number): Rgba | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  const inLine = (top: number, left: number, right: number) =>
    y >= top && y <= top + 0.1 && x >= left && x <= right;
  if (y >= 0.42 && y <= 0.58 && x >= 0.18 && x <= 0.82) return MARK;
  if (inLine(0.22, 0.22, 0.78) || inLine(0.68, 0.22, 0.62)) return LINE;
  return BACKGROUND;
}

/** RGBA pixels of a size×size icon, anti-aliased by averaging a 4×4 grid of samples per pixel. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((pxl + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          for (let k = 0; k < 3; k++) sum[k]! += c[k]! * c[3];
          sum[3]! += c[3];
        }
      }
      const o = (py * size + pxl) * 4;
      const a = sum[3]!;
      for (let k = 0; k < 3; k++) px[o + k] = a ? Math.round(sum[k]! / a) : 0;
      px[o + 3] = Math.round(a / (n * n));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of the given square RGBA pixels. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Every icon as [file name, PNG bytes]. */
export function renderIcons(): Array<[string, Buffer]> {
  return ICON_SIZES.map((size) => [`icon-${size}.png`, encodePng(size, drawIcon(size))]);
}
