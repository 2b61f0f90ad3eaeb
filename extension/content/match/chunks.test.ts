import { describe, expect, it } from 'vitest';
import { appendShifted, chunkText } from './chunks.ts';

describe('chunkText', () => {
  it('covers the text exactly, cutting after separators', () => {
    const text = 'aaaa\n\nbbbb\n\ncccc';
    const chunks = [...chunkText(text, 8)];
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    expect(chunks[0]).toEqual({ start: 0, text: 'aaaa\n\n' });
    for (const c of chunks) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
  });

  it('cuts a paragraph longer than a piece hard instead of growing', () => {
    expect([...chunkText('x'.repeat(25), 10)].map((c) => c.text.length)).toEqual([10, 10, 5]);
  });

  it('yields nothing for empty text', () => {
    expect([...chunkText('')]).toEqual([]);
  });
});

describe('appendShifted', () => {
  it('moves offsets by the piece start', () => {
    const into = { entities: [], claims: [] };
    appendShifted(into, { entities: [{ entity: 'e', start: 1, end: 3 }], claims: [{ claim: 'c', start: 0, end: 4, score: 1 }] }, 10);
    expect(into).toEqual({ entities: [{ entity: 'e', start: 11, end: 13 }], claims: [{ claim: 'c', start: 10, end: 14, score: 1 }] });
  });
});
