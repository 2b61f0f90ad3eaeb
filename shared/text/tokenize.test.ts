import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord } from './normalize.ts';
import { tokenize, WordCache, words } from './tokenize.ts';

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
  it('finds the words, offsets and normalised forms a plain reading by code points finds, on any text', () => {
    // The rules read one code point at a time: letters, digits and marks make words, ignorables inside a word are
    // skipped over, anything else ends it.
    const reference = (text: string) => {
      const out: [number, number, string][] = [];
      let from = -1;
      let to = -1;
      for (let i = 0; i <= text.length; ) {
        const cp = i < text.length ? text.codePointAt(i)! : 32;
        const width = cp > 0xffff ? 2 : 1;
        const ignorable = cp === 0xad || (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff;
        if (/[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(cp))) {
          if (from < 0) from = i;
          to = i + width;
        } else if (!ignorable && from >= 0) {
          out.push([from, to, normalizeWord(text.slice(from, to))]);
          from = -1;
        }
        i += width;
      }
      return out;
    };
    const piece = fc.oneof(
      fc.constantFrom('Kim', 'Jong-un', 'Südkorea', 'SÜDKOREA', 'Pjöngjang', 'Su\u0308dkorea', 'die', 'Die', 'der', 'Putin'),
      fc.constantFrom(' ', '\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff', '😀', '𝒜', '\ud83d', '\ude00', '\u0301', '-', '’', '\n', 'ß', 'İ', '٣', '中文'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        const t = tokenize(text);
        const actual = Array.from({ length: t.count }, (_, k) => [t.start[k], t.end[k], t.norm[k]]);
        expect(actual).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('word ids', () => {
  it('gives one id to every spelling of one normalised word, in any text, and the id reads back as that word', () => {
    const a = tokenize('Pjöngjang meldet: PJOENGJANG und Pjo\u0308ngjang.');
    const b = tokenize('Aus Pjoengjang kam nichts.');
    const id = a.word[0]!;
    expect([a.word[2], a.word[4], b.word[1]]).toEqual([id, id, id]);
    expect(a.vocabulary[id]).toBe('pjoengjang');
    expect(a.word[1]).not.toBe(id);
    expect(Array.from(b.word.subarray(0, b.count), (w) => b.vocabulary[w])).toEqual(b.norm);
  });
  it('keeps what a WordCache works out once per distinct word, and the right value for each', () => {
    const asked: string[] = [];
    const cache = new WordCache((word) => (asked.push(word), word.length));
    const t = tokenize('der Kreml und der kreml und DER KREML');
    cache.use(t);
    const lengths = Array.from(t.word.subarray(0, t.count), (w) => cache.get(w));
    expect(lengths).toEqual([3, 5, 3, 3, 5, 3, 3, 5]);
    expect(asked.sort()).toEqual(['der', 'kreml', 'und']);
    const again = tokenize('und der Kreml');
    cache.use(again);
    expect(Array.from(again.word.subarray(0, again.count), (w) => cache.get(w))).toEqual([3, 3, 5]);
    expect(asked).toHaveLength(3);
  });
});
