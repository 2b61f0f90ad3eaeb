import { describe, expect, it } from 'vitest';
import { buildKb } from './build.ts';
import { FIXTURE_KB } from './fixtures/temp-kb.ts';
import { anchorQuote, contextAfter, contextBefore, CONTEXT_CHARS, selectorsFor } from './selectors.ts';

const TEXT = 'Der Hafen wächst. Berg sagte: „Wir bauen.“ Kritiker warnen. Berg sagte: „Wir bauen.“ Ende.';

describe('anchorQuote', () => {
  it('places a unique quote and picks one of several by its prefix', () => {
    expect(anchorQuote(TEXT, 'Kritiker warnen')).toEqual({ ok: true, start: 43, end: 58 });
    const second = anchorQuote(TEXT, '„Wir bauen.“', 'warnen. Berg sagte: ');
    expect(second).toEqual({ ok: true, start: TEXT.lastIndexOf('„Wir'), end: TEXT.lastIndexOf('„Wir') + 12 });
  });

  it('says why a quote cannot be placed', () => {
    expect(anchorQuote(TEXT, 'Wir bauen nicht')).toMatchObject({ ok: false, reason: 'not-found' });
    expect(anchorQuote(TEXT, '„Wir bauen.“')).toMatchObject({ ok: false, reason: 'ambiguous', count: 2 });
    expect(anchorQuote(TEXT, '„Wir bauen.“', 'Kosten. ')).toMatchObject({ ok: false, reason: 'prefix-not-before' });
    expect(anchorQuote(TEXT, '„Wir bauen.“', 'sagte: ')).toMatchObject({ ok: false, reason: 'prefix-ambiguous' });
  });
});

describe('selector context', () => {
  it('keeps whole words within the limit', () => {
    const text = 'Eins zwei drei vier fünf sechs sieben acht QUOTE neun zehn elf zwölf dreizehn vierzehn fünfzehn';
    const start = text.indexOf('QUOTE');
    const before = contextBefore(text, start);
    const after = contextAfter(text, start + 5);
    expect(before.length).toBeLessThanOrEqual(CONTEXT_CHARS);
    expect(before).toBe(' vier fünf sechs sieben acht ');
    expect(after).toBe(' neun zehn elf zwölf dreizehn ');
  });

  it('cuts mid-word only when one word fills the whole window', () => {
    const long = 'x'.repeat(50);
    expect(contextBefore(`${long}Q`, 50)).toBe('x'.repeat(CONTEXT_CHARS));
    expect(contextAfter(`Q${long}`, 1)).toBe('x'.repeat(CONTEXT_CHARS));
  });

  it('never splits a surrogate pair at the edge of the window', () => {
    const pairs = '😀'.repeat(20);
    // The odd 'x' puts the 32-unit window's edge inside a pair.
    expect(contextBefore(`${pairs}xQ`, 41)).toBe(`${'😀'.repeat(15)}x`);
    expect(contextAfter(`Qx${pairs}`, 1)).toBe(`x${'😀'.repeat(15)}`);
  });

  it('stops at the start and end of the text', () => {
    expect(selectorsFor('abc def', 0, 3)).toEqual([
      { type: 'TextQuoteSelector', exact: 'abc', prefix: '', suffix: ' def' },
      { type: 'TextPositionSelector', start: 0, end: 3 },
    ]);
  });
});

describe('built selectors', () => {
  it('resolve back to their quote, and their context surrounds it', () => {
    const { kb } = buildKb(FIXTURE_KB);
    const texts = new Map(kb.sources.map((s) => [s.id, s.text]));
    const occurrences = kb.claims.flatMap((c) => c.occurrences);
    expect(occurrences).toHaveLength(3);
    for (const { source, selector } of occurrences) {
      const [quote, position] = selector;
      const text = texts.get(source)!;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(position.start - quote.prefix.length, position.end + quote.suffix.length)).toBe(
        quote.prefix + quote.exact + quote.suffix,
      );
    }
  });
});
