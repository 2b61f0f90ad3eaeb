import { describe, expect, it } from 'vitest';
import { alignInWindow, editDistance } from './align.ts';
import { anchorSelectors } from './anchor.ts';
import { describeSpan } from './describe.ts';

const ARTICLE =
  'Kremlchef Wladimir Putin hat mit Waffenlieferungen an Nordkorea gedroht. ' +
  'Russland könne Waffen an Nordkorea liefern, sagte Putin in Hanoi. ' +
  'Südkorea bestellte den russischen Botschafter ein. ' +
  'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs vor. ' +
  'Putin sagte, Russland könne Waffen an Nordkorea liefern, wenn der Westen die Ukraine weiter bewaffne.';

const spanOf = (text: string, quote: string, from = 0) => {
  const start = text.indexOf(quote, from);
  if (start < 0) throw new Error(`no ${quote}`);
  return [start, start + quote.length] as const;
};

describe('describeSpan', () => {
  it('gives the quote with up to 32 characters of context and its offsets', () => {
    const [start, end] = spanOf(ARTICLE, 'den russischen Botschafter');
    const [quote, position] = describeSpan(ARTICLE, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'den russischen Botschafter',
      prefix: ARTICLE.slice(start - 32, start),
      suffix: ARTICLE.slice(end, end + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('clips the context at the ends of the text and refuses empty or outside spans', () => {
    const [quote] = describeSpan('abc', 0, 3);
    expect(quote.prefix).toBe('');
    expect(quote.suffix).toBe('');
    expect(() => describeSpan('abc', 2, 2)).toThrow(RangeError);
    expect(() => describeSpan('abc', 1, 9)).toThrow(RangeError);
  });
});

describe('anchorSelectors', () => {
  it('takes the stored position when it still holds the quote', () => {
    const [start, end] = spanOf(ARTICLE, 'Südkorea bestellte');
    expect(anchorSelectors(ARTICLE, describeSpan(ARTICLE, start, end))).toEqual({ start, end, method: 'position', score: 1 });
  });

  it('finds the exact quote after text was inserted before it', () => {
    const [start, end] = spanOf(ARTICLE, 'Südkorea bestellte');
    const changed = 'Eilmeldung. ' + ARTICLE;
    const found = anchorSelectors(changed, describeSpan(ARTICLE, start, end));
    expect(found).toMatchObject({ method: 'quote', start: start + 12, end: end + 12 });
  });

  it('tells a repeated quote apart by its prefix and suffix', () => {
    const quote = 'Russland könne Waffen an Nordkorea liefern';
    const [start, end] = spanOf(ARTICLE, quote, 100);
    expect(start).toBeGreaterThan(200);
    const selectors = describeSpan(ARTICLE, start, end);
    // Shifted so the stored position no longer holds; both copies of the quote remain.
    const changed = 'Neu: ' + ARTICLE;
    expect(anchorSelectors(changed, selectors)).toMatchObject({ method: 'quote', start: start + 5 });
    const first = spanOf(ARTICLE, quote);
    expect(anchorSelectors(changed, describeSpan(ARTICLE, ...first))).toMatchObject({ start: first[0] + 5 });
  });

  it('finds a slightly edited passage fuzzily, at the edited words', () => {
    const [start, end] = spanOf(ARTICLE, 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs vor.');
    const selectors = describeSpan(ARTICLE, start, end);
    const changed = ARTICLE.replace('gegenseitigen Beistand', 'gegenseitige Hilfe').replace('Südkorea', 'Seoul');
    const found = anchorSelectors(changed, selectors);
    expect(found?.method).toBe('fuzzy');
    expect(changed.slice(found!.start, found!.end)).toBe('Der Vertrag sieht gegenseitige Hilfe im Fall eines Angriffs vor.');
  });

  it('copes with changed whitespace and typography', () => {
    const [start, end] = spanOf(ARTICLE, 'sagte Putin in Hanoi');
    const changed = ARTICLE.replace('sagte Putin in Hanoi', 'sagte  Putin in  Hanoi').replace(/\. /g, '.\n\n');
    const found = anchorSelectors(changed, describeSpan(ARTICLE, start, end));
    expect(found).not.toBeNull();
    expect(changed.slice(found!.start, found!.end)).toBe('sagte  Putin in  Hanoi');
  });

  it('gives null (an orphan) when the passage was rewritten or removed', () => {
    const [start, end] = spanOf(ARTICLE, 'Südkorea bestellte den russischen Botschafter ein.');
    const selectors = describeSpan(ARTICLE, start, end);
    const removed = ARTICLE.replace('Südkorea bestellte den russischen Botschafter ein. ', '');
    expect(anchorSelectors(removed, selectors)).toBeNull();
    const rewritten = ARTICLE.replace('Südkorea bestellte den russischen Botschafter ein.', 'Seoul protestierte scharf gegen das Abkommen.');
    expect(anchorSelectors(rewritten, selectors)).toBeNull();
    expect(anchorSelectors('', selectors)).toBeNull();
  });

  it('does not place a short quote on a lookalike in unrelated surroundings', () => {
    const text = 'Alpha beta gamma. Putin sagte dies. Delta epsilon.';
    const [start, end] = spanOf(text, 'Putin sagte');
    const selectors = describeSpan(text, start, end);
    expect(anchorSelectors('Völlig anderer Text, in dem Putin sagtr etwas Neues und ganz Fremdes.', selectors)).toBeNull();
  });

  it('stays fast on a long text where the passage is gone', () => {
    const long = ARTICLE.repeat(2000); // ~700,000 characters
    const [start, end] = spanOf(ARTICLE, 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs vor.');
    const selectors = describeSpan(ARTICLE, start, end);
    selectors[0].exact = 'Der Pakt regelt gemeinsame Manöver im Fall eines Angriffs.';
    const t0 = performance.now();
    anchorSelectors(long, selectors);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('alignment', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds the closest stretch of a window', () => {
    const text = 'xxxx hello wrld yyyy';
    expect(alignInWindow('hello world', text, 0, text.length, 15)).toEqual({ start: 5, end: 15, distance: 1 });
  });
});
