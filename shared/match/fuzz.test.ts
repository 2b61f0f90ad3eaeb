/**
 * The matcher on hostile and random text: any Unicode (surrogate pairs, combining marks, zero-width and bidi
 * controls, very long words) must give no exception, only valid offsets, the same answer twice, and time
 * that grows with the input linearly, not faster.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { buildMatcher } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const matcher = buildMatcher(kb);

/** Pieces real pages are made of, and the characters that break naive text code. */
const ALIASES = kb.entities.flatMap((e) => e.aliases).slice(0, 400);
const TRICKY = [
  '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', // soft hyphen, zero-width
  '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u200E', // bidi controls
  '\u0308', '\u0301', '\u0327', // combining marks
  '😀', '𝔘', '\uD83D', '\uDE00', // astral, and lone surrogates
  '\u00A0', '\u2011', '–', '—', '„', '“', '”', '«', '»', '’', '.', '!', '?', ':', '\n', ' ', '-',
  'ß', 'ẞ', 'İ', 'ı', 'ǅ', 'Ⅻ', '٣',
];
const piece = fc.oneof(
  fc.constantFrom(...ALIASES),
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('Putin droht Nordkorea mit Waffen.', 'Kim', 'Kim Jong', 'Jong-un', 'USA', 'U.S.', 'Südkoreas'),
);
const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

/** Whether offset k cuts a surrogate pair in two. */
const splitsPair = (s: string, k: number) =>
  k > 0 && k < s.length && /[\uD800-\uDBFF]/.test(s[k - 1]!) && /[\uDC00-\uDFFF]/.test(s[k]!);

describe('matcher on random text', () => {
  it('never throws, and every span lies inside the text, in order, without cutting a character in two', () => {
    fc.assert(
      fc.property(text, (s) => {
        const { entities, claims } = matcher.match(s);
        for (const list of [entities, claims]) {
          for (const m of list) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(s.length);
            expect(splitsPair(s, m.start) || splitsPair(s, m.end)).toBe(false);
          }
          const starts = list.map((m) => m.start);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
        }
        for (const c of claims) expect(c.score > 0 && c.score <= 1).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same answer for the same text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(matcher.match(s)).toEqual(matcher.match(s));
      }),
      { numRuns: 150 },
    );
  });

  it('finds a name however it is wrapped in invisible and bidi characters next to it', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u200B', '\u2066', '\u202E', '\u00A0', ' '), fc.constantFrom('Wladimir Putin', 'Nordkorea'), (wrap, name) => {
        const s = `Gestern ${wrap}${name}${wrap === ' ' ? '' : '\u2069'} sprach.`;
        expect(matcher.matchEntities(s).map((m) => s.slice(m.start, m.end).replace(/[\u2066-\u2069\u202A-\u202E\u200B]/g, ''))).toContain(name);
      }),
    );
  });

  it('tokenizes and splits sentences with offsets that stay inside the text', () => {
    fc.assert(
      fc.property(text, (s) => {
        const t = tokenize(s);
        for (let k = 0; k < t.count; k++) {
          expect(0 <= t.start[k]! && t.start[k]! < t.end[k]! && t.end[k]! <= s.length).toBe(true);
          if (k > 0) expect(t.start[k]!).toBeGreaterThanOrEqual(t.end[k - 1]!);
        }
        let end = 0;
        for (const sentence of splitSentences(s, t)) {
          expect(sentence.start).toBeGreaterThanOrEqual(end);
          expect(sentence.end).toBeLessThanOrEqual(s.length);
          end = sentence.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('matcher time grows linearly with the input', () => {
  /** Fastest of three runs, in ms: the least disturbed by other work on the machine. */
  const fastest = (s: string) =>
    Math.min(
      ...[0, 1, 2].map(() => {
        const t0 = performance.now();
        matcher.match(s);
        return performance.now() - t0;
      }),
    );

  // Inputs built to trip backtracking or quadratic scans: one endless word, endless prefixes of a
  // multi-word alias, a sentence that never ends, ambiguous short forms with no context, endless hyphens.
  const SHAPES: Record<string, (n: number) => string> = {
    'one long word': (n) => 'a'.repeat(n),
    'alias prefixes': (n) => 'Kim Jong '.repeat(n / 9),
    'a sentence that never ends': (n) => 'Putin droht Nordkorea mit Waffen und '.repeat(n / 37),
    'ambiguous short forms': (n) => 'Kim sagte, Kim. '.repeat(n / 16),
    'dashes and invisible characters': (n) => '-\u00AD\u200B–'.repeat(n / 4),
  };

  for (const [name, make] of Object.entries(SHAPES)) {
    it(`on ${name}: 16× the text costs far less than 256× the time`, () => {
      const small = make(16_000);
      const large = make(256_000);
      fastest(small); // warm up the JIT on the same shape
      // The best of three measurements: a pause of the busy machine inflates one ratio, never all three, while a
      // quadratic cost gives about 256 every time.
      const ratio = Math.min(...[0, 1, 2].map(() => fastest(large) / Math.max(fastest(small), 0.5)));
      // Linear work gives about 16; quadratic would give about 256. The margin absorbs a busy machine.
      expect(ratio).toBeLessThan(64);
    });
  }
});
