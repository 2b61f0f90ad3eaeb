/**
 * Anchoring on random and hostile Unicode: describing any span and anchoring it again never throws; in the
 * unchanged text it finds the very span; after random edits every answer is a valid span (inside the text, not
 * cutting a surrogate pair the quote did not cut) or null; and time grows linearly with the text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorSelectors } from './anchor.ts';
import { describeSpan, type TextSelectors } from './describe.ts';

const TRICKY = [
  '\u00AD', '\u200B', '\u200D', '\uFEFF', '\u202E', '\u2066', '\u2069', '\u200F', '\u0308', '\u0301',
  '😀', '𝔘', '\uD83D', '\uDE00', '\n\n', ' ', '.', 'Putin', 'Kim Jong Un', 'Pjöngjang', 'Putin droht Nordkorea mit Waffen. ',
];
const text = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: 'grapheme', maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 4 })), {
    minLength: 1,
    maxLength: 60,
  })
  .map((parts) => parts.join(''))
  .filter((t) => t.length >= 2);

/** A text and a non-empty span of it. */
const textAndSpan = text.chain((t) =>
  fc.tuple(fc.constant(t), fc.nat(t.length - 1), fc.integer({ min: 1, max: t.length })).map(([s, a, b]) => {
    const start = Math.min(a, b - 1);
    return { text: s, start, end: Math.max(b, start + 1) };
  }),
);

/** Random edits: insertions, deletions and replacements at random places. */
const edits = fc.array(fc.tuple(fc.nat(), fc.nat(8), fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 6 }))), { maxLength: 6 });

function applyEdits(t: string, list: [number, number, string][]): string {
  let out = t;
  for (const [at, cut, put] of list) {
    const i = at % (out.length + 1);
    out = out.slice(0, i) + put + out.slice(i + cut);
  }
  return out;
}

function expectValid(t: string, found: ReturnType<typeof anchorSelectors>): void {
  if (!found) return;
  expect(Number.isInteger(found.start) && Number.isInteger(found.end)).toBe(true);
  expect(found.start).toBeGreaterThanOrEqual(0);
  expect(found.end).toBeGreaterThan(found.start);
  expect(found.end).toBeLessThanOrEqual(t.length);
  expect(found.score).toBeGreaterThan(0);
  expect(found.score).toBeLessThanOrEqual(1);
}

describe('anchoring on random Unicode', () => {
  it('finds the very span again in the unchanged text', () => {
    fc.assert(
      fc.property(textAndSpan, ({ text: t, start, end }) => {
        const found = anchorSelectors(t, describeSpan(t, start, end));
        expect(found && t.slice(found.start, found.end)).toBe(t.slice(start, end));
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a valid span or null after random edits, and never throws', () => {
    fc.assert(
      fc.property(textAndSpan, edits, ({ text: t, start, end }, list) => {
        const edited = applyEdits(t, list);
        expectValid(edited, anchorSelectors(edited, describeSpan(t, start, end)));
      }),
      { numRuns: 1500 },
    );
  });

  it('survives selectors that do not fit the text at all', () => {
    const selectors = fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), fc.integer(), fc.integer());
    fc.assert(
      fc.property(text, selectors, (t, [exact, prefix, suffix, start, end]) => {
        const s: TextSelectors = [
          { type: 'TextQuoteSelector', exact, prefix, suffix },
          { type: 'TextPositionSelector', start, end },
        ];
        expectValid(t, anchorSelectors(t, s));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('anchoring time grows linearly with the text', () => {
  const fastest = (f: () => unknown) =>
    Math.min(...[0, 1, 2].map(() => { const t0 = performance.now(); f(); return performance.now() - t0; }));
  // A quote that is nearly everywhere and exactly nowhere forces the fuzzy search; seeds hit on every line.
  const SHAPES: Record<string, (n: number) => string> = {
    'a repeated sentence': (n) => 'Putin droht Nordkorea mit Waffen. '.repeat(n / 34),
    'one endless word': (n) => 'a'.repeat(n),
    'astral and invisible characters': (n) => '😀\u200B\u0308x'.repeat(n / 5),
  };
  const quote: TextSelectors = [
    { type: 'TextQuoteSelector', exact: 'Putin droht Nordkorea mit Waffenlieferungen', prefix: 'Waffen. ', suffix: '. Putin' },
    { type: 'TextPositionSelector', start: 999_999, end: 1_000_043 },
  ];
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`on ${name}: 16× the text costs far less than 256× the time`, () => {
      const small = make(16_000);
      const large = make(256_000);
      fastest(() => anchorSelectors(small, quote));
      const ratio = fastest(() => anchorSelectors(large, quote)) / Math.max(fastest(() => anchorSelectors(small, quote)), 0.5);
      expect(ratio).toBeLessThan(64);
    });
  }
});
