/**
 * Normalisation on random and hostile Unicode: it never throws, is idempotent (normalising twice changes nothing,
 * so aliases and page words meet whatever the order), leaves no invisible characters, upper case or combining
 * marks behind, and costs time linear in the word's length.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWord } from './normalize.ts';

const TRICKY = [
  '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u202E', '\u2066', '\u2069', '\u200F',
  '\u0308', '\u0301', '\u0327', '\u0345', '😀', '𝔘', '\uD83D', '\uDE00', 'ß', 'ẞ', 'İ', 'ı', 'ǅ', 'ﬃ', 'Ä', 'ö', 'Ü',
  'a\u0308', 'A\u030A', 'ᾼ', 'Ω', 'K', 'ſ', '٣', 'Ⅻ',
];
const word = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''));

describe('normalizeWord on random Unicode', () => {
  it('never throws, is idempotent, and leaves no ignorable characters, upper case or combining marks', () => {
    fc.assert(
      fc.property(word, (w) => {
        const once = normalizeWord(w);
        expect(normalizeWord(once)).toBe(once);
        expect(once).not.toMatch(/[\u00AD\u200B-\u200D\u2060\uFEFF]/);
        expect(once).not.toMatch(/\p{M}/u);
        expect(once).toBe(once.toLowerCase());
      }),
      { numRuns: 3000 },
    );
  });

  it('maps the German spellings of one name to one form', () => {
    fc.assert(
      fc.property(fc.constantFrom('Pjöngjang', 'PJÖNGJANG', 'Pjo\u0308ngjang', 'Pjoengjang', 'Pjön\u00ADgjang', 'Pjö\u200Bngjang'), (w) => {
        expect(normalizeWord(w)).toBe('pjoengjang');
      }),
    );
  });

  it('takes time linear in the length of one very long word', () => {
    const fastest = (s: string) =>
      Math.min(...[0, 1, 2, 3, 4].map(() => { const t0 = performance.now(); normalizeWord(s); return performance.now() - t0; }));
    for (const unit of ['a', 'ä\u0301\u00AD', '😀\u200B', 'ẞ\u0308']) {
      const small = unit.repeat(4_000 / unit.length);
      const large = unit.repeat(256_000 / unit.length);
      fastest(small);
      // 64× the text: linear gives about 64, quadratic about 4,096. The margin (8× either way) absorbs a machine
      // shared by several busy processes, which a 16× text with a 4× margin did not.
      expect(fastest(large) / Math.max(fastest(small), 0.5)).toBeLessThan(512);
    }
  });
});
