/**
 * A span of a text as W3C Web Annotation selectors: the quote with the text around it (TextQuoteSelector) and its
 * offsets (TextPositionSelector). Pure string work, so the content script, the options page and tests share it.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../kb/types.ts';

/** The two selectors an annotation is anchored by, quote first (as kb.json occurrences store them). */
export type TextSelectors = [TextQuoteSelector, TextPositionSelector];

/** Characters of context kept on each side: enough to tell repeated quotes apart, short enough to survive edits. */
export const CONTEXT_CHARS = 32;

/** Selectors for `[start, end)` of `text`. Throws on a span outside the text or running backwards. */
export function describeSpan(text: string, start: number, end: number, context = CONTEXT_CHARS): TextSelectors {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`describeSpan: bad span ${start}..${end} of ${text.length}`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
