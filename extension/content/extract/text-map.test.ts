import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, TextMapBuilder, resolveOffset, type TextMap } from './text-map.ts';

/** Builds a map from a list where strings are pieces (owned by their index) and null is a block break. */
function build(items: (string | null)[]): TextMap<number> {
  const builder = new TextMapBuilder<number>();
  items.forEach((item, i) => (item === null ? builder.addBreak() : builder.addText(i, item)));
  return builder.finish();
}

describe('TextMapBuilder', () => {
  it('keeps a word split across inline elements joined', () => {
    expect(build(['Pu', 'tin', ' droht']).text).toBe('Putin droht');
  });

  it('separates blocks once, never at the start or twice in a row', () => {
    const map = build([null, 'Erster Absatz.', null, null, 'Zweiter', null]);
    expect(map.text).toBe(`Erster Absatz.${BLOCK_SEPARATOR}Zweiter${BLOCK_SEPARATOR}`);
  });

  it('drops empty pieces', () => {
    const map = build(['', 'a', '']);
    expect(map.nodes).toEqual([1]);
  });
});

describe('resolveOffset', () => {
  const map = build(['Pu', 'tin', null, 'Kim']);
  // text: "Putin\n\nKim"; Kim starts at 7

  it('maps offsets inside and across pieces', () => {
    expect(resolveOffset(map, 0, 'start')).toEqual({ node: 0, offset: 0 });
    expect(resolveOffset(map, 2, 'start')).toEqual({ node: 1, offset: 0 });
    expect(resolveOffset(map, 5, 'end')).toEqual({ node: 1, offset: 3 });
    expect(resolveOffset(map, 8, 'start')).toEqual({ node: 3, offset: 1 });
  });

  it('gives an end at a piece boundary to the piece it closes', () => {
    expect(resolveOffset(map, 2, 'end')).toEqual({ node: 0, offset: 2 });
  });

  it('moves boundaries that fall in a separator onto text', () => {
    expect(resolveOffset(map, 6, 'start')).toEqual({ node: 3, offset: 0 });
    expect(resolveOffset(map, 6, 'end')).toEqual({ node: 1, offset: 3 });
    expect(resolveOffset(map, 7, 'end')).toEqual({ node: 1, offset: 3 });
  });

  it('rejects offsets outside the text', () => {
    expect(resolveOffset(map, -1, 'start')).toBeNull();
    expect(resolveOffset(map, 99, 'end')).toBeNull();
    expect(resolveOffset(build([]), 0, 'start')).toBeNull();
  });
});
