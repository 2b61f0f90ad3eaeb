/**
 * Anchors a curated quote in its source and describes it as W3C Web Annotation selectors: a TextQuoteSelector
 * (survives small edits to the page) and a TextPositionSelector (fast, exact on the text we hold).
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/kb/types.ts';

/** How much context a TextQuoteSelector keeps on each side. */
export const CONTEXT_CHARS = 32;

/** Where a quote sits in its source, or why it could not be placed there. */
export type Anchor =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: 'not-found' | 'ambiguous' | 'prefix-not-before' | 'prefix-ambiguous'; count: number };

/** Every offset at which `quote` starts in `text`. */
export function findAll(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

/** Places `quote` in `text`; a quote found more than once needs a `prefix` that ends right where one of them starts. */
export function anchorQuote(text: string, quote: string, prefix?: string): Anchor {
  const all = findAll(text, quote);
  if (all.length === 0) return { ok: false, reason: 'not-found', count: 0 };
  const picked = prefix === undefined ? all : all.filter((i) => text.slice(0, i).endsWith(prefix));
  if (picked.length === 1) return { ok: true, start: picked[0]!, end: picked[0]! + quote.length };
  if (prefix === undefined) return { ok: false, reason: 'ambiguous', count: all.length };
  return { ok: false, reason: picked.length === 0 ? 'prefix-not-before' : 'prefix-ambiguous', count: all.length };
}

/** Both selectors for the span `start..end` of `text`. */
export function selectorsFor(text: string, start: number, end: number): [TextQuoteSelector, TextPositionSelector] {
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: contextBefore(text, start),
      suffix: contextAfter(text, end),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch);
}

/** Up to CONTEXT_CHARS before `start`, dropping a word the cut would split, unless that leaves nothing. */
export function contextBefore(text: string, start: number): string {
  const from = keepPair(text, Math.max(0, start - CONTEXT_CHARS), 1);
  let cut = from;
  if (from > 0 && isWordChar(text[from - 1])) while (cut < start && isWordChar(text[cut])) cut++;
  return text.slice(cut < start ? cut : from, start);
}

/** Up to CONTEXT_CHARS after `end`, dropping a word the cut would split, unless that leaves nothing. */
export function contextAfter(text: string, end: number): string {
  const to = keepPair(text, Math.min(text.length, end + CONTEXT_CHARS), -1);
  let cut = to;
  if (to < text.length && isWordChar(text[to])) while (cut > end && isWordChar(text[cut - 1])) cut--;
  return text.slice(end, cut > end ? cut : to);
}

/** Moves a cut off the middle of a surrogate pair (by `step`), so no half of an emoji or rare letter is kept. */
function keepPair(text: string, at: number, step: 1 | -1): number {
  const c = text.charCodeAt(at);
  return c >= 0xdc00 && c <= 0xdfff ? at + step : at;
}
