import { describe, expect, it } from 'vitest';
import { locate, paragraphs } from './passages.ts';

describe('locate', () => {
  const text = 'Putin droht. Kim lacht. Putin droht.';

  it('trusts stored offsets that still hold the quote', () => {
    expect(locate(text, 'Putin droht.', 24, 36)).toEqual({ start: 24, end: 36 });
  });

  it('falls back to the prefix, then to the first occurrence', () => {
    expect(locate(text, 'Putin droht.', 0, 3, 'lacht. ')).toEqual({ start: 24, end: 36 });
    expect(locate(text, 'Kim lacht.', 99, 100)).toEqual({ start: 13, end: 23 });
  });

  it('gives up on a quote the text does not hold', () => {
    expect(locate(text, 'Seoul', 0, 5)).toBeNull();
  });
});

describe('paragraphs', () => {
  it('splits at blank lines, trims, and marks passages inside paragraphs', () => {
    const text = ' Titel.\n\nErster Satz. Zweiter Satz.\n \nDritter.';
    const start = text.indexOf('Zweiter');
    expect(paragraphs(text, [{ start, end: start + 'Zweiter Satz.'.length }])).toEqual([
      [{ text: 'Titel.', marked: false }],
      [
        { text: 'Erster Satz. ', marked: false },
        { text: 'Zweiter Satz.', marked: true },
      ],
      [{ text: 'Dritter.', marked: false }],
    ]);
  });

  it('marks a passage that crosses a paragraph break in both paragraphs', () => {
    const text = 'A b.\n\nC d.';
    expect(paragraphs(text, [{ start: 2, end: 7 }])).toEqual([
      [{ text: 'A ', marked: false }, { text: 'b.', marked: true }],
      [{ text: 'C', marked: true }, { text: ' d.', marked: false }],
    ]);
  });
});

describe('the dateline', () => {
  const text = ' date 2024-06 Berlin. Russland schließt einen Pakt.\n\nZweiter Absatz.';

  it('is not shown as part of the article, and passages keep their offsets in the full text', () => {
    const start = text.indexOf('Russland');
    const parts = paragraphs(text, [{ start, end: start + 8 }]);
    expect(parts.map((p) => p.map((r) => r.text).join(''))).toEqual(['Berlin. Russland schließt einen Pakt.', 'Zweiter Absatz.']);
    expect(parts[0]?.find((r) => r.marked)?.text).toBe('Russland');
  });

  it('leaves a text without one as it is', () => {
    expect(paragraphs('Das Datum 2024-06 steht im Text.', []).map((p) => p[0]?.text)).toEqual(['Das Datum 2024-06 steht im Text.']);
  });
});
