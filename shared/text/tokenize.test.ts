import { describe, expect, it } from 'vitest';
import { normalizeWord } from './normalize.ts';
import { tokenize, words } from './tokenize.ts';

const spans = (text: string) => {
  const t = tokenize(text);
  return Array.from({ length: t.count }, (_, k) => text.slice(t.start[k], t.end[k]));
};

describe('normalizeWord', () => {
  it('folds case and writes umlauts the way German does without them', () => {
    expect(normalizeWord('Pjöngjang')).toBe('pjoengjang');
    expect(normalizeWord('SÜDKOREA')).toBe('suedkorea');
    expect(normalizeWord('Außenministerium')).toBe('aussenministerium');
  });
  it('drops other accents and invisible characters', () => {
    expect(normalizeWord('Zinóviev')).toBe('zinoviev');
    expect(normalizeWord('Nord\u00ADkorea')).toBe('nordkorea');
    expect(normalizeWord('Kreml\u200Bchef')).toBe('kremlchef');
  });
  it('treats composed and decomposed umlauts alike', () => {
    expect(normalizeWord('Su\u0308dkorea')).toBe(normalizeWord('Südkorea'));
  });
});

describe('tokenize', () => {
  it('splits on hyphens and dashes so hyphenated and spaced names meet', () => {
    expect(words('Kim Jong-un')).toEqual(words('Kim Jong Un'));
    expect(words('Kim Jong‑un')).toEqual(['kim', 'jong', 'un']); // non-breaking hyphen
    expect(spans('Nord- und Südkorea')).toEqual(['Nord', 'und', 'Südkorea']);
  });
  it('keeps a word whole across soft hyphens and zero-width characters, with offsets into the original', () => {
    const text = 'Der Krem\u00ADl\u200Bchef sprach.';
    const t = tokenize(text);
    expect(t.norm).toEqual(['der', 'kremlchef', 'sprach']);
    expect(text.slice(t.start[1], t.end[1])).toBe('Krem\u00ADl\u200Bchef');
  });
  it('splits possessives and German quotes off the word', () => {
    expect(words("Putin's „Drohung“")).toEqual(['putin', 's', 'drohung']);
  });
  it('handles NBSP, astral characters and right-to-left script with valid UTF-16 offsets', () => {
    const text = 'Kim\u00A0Jong Un 😀 𝒜x שלום';
    expect(spans(text)).toEqual(['Kim', 'Jong', 'Un', '𝒜x', 'שלום']);
  });
  it('gives nothing for text without words', () => {
    expect(tokenize('  –– …  ').count).toBe(0);
    expect(tokenize('').count).toBe(0);
  });
  it('is linear: a 2 MB text of one repeated word is tokenised in one pass', () => {
    const text = 'Waffenlieferung '.repeat(130_000);
    const t = tokenize(text);
    expect(t.count).toBe(130_000);
    expect(t.end[t.count - 1]).toBe(text.length - 1);
  });
});
