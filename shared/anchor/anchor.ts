/**
 * Finds an annotation's passage in a page's text again, in three steps, each cheaper and stricter than the next:
 * 1. position: the TextPositionSelector's offsets still hold the quote;
 * 2. quote: the exact quote elsewhere, repeated quotes told apart by prefix/suffix and nearness to the old position;
 * 3. fuzzy: the page changed a little. Short exact pieces ("seeds") of the quote and its context vote for where
 *    the passage may start; only the best few places get an edit-distance alignment, so the cost grows with the
 *    text's length only through indexOf scans. A place is accepted only above a similarity threshold.
 * Null means the passage is gone: the caller shows the annotation as orphaned.
 */
import { alignInWindow, similarity } from './align.ts';
import type { TextSelectors } from './describe.ts';

/** How a passage was found. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** Where the passage is now. */
export interface Anchored {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 1 for exact finds; the combined similarity for fuzzy ones. */
  score: number;
}

/** Fuzzy finds below this similarity of the quote itself are refused. */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** And below this score with the context and position weighed in. */
export const MIN_SCORE = 0.72;
/** Longer quotes are not searched fuzzily: alignment cost grows with the square of the quote. */
export const MAX_FUZZY_QUOTE = 2000;
/** Work budget of the alignments, in DP cells. */
const ALIGN_BUDGET = 2e7;
/** A seed found more often than this says nothing about where the passage is. */
const MAX_SEED_HITS = 64;
const MAX_EXACT_HITS = 1000;

/** How much of `context` agrees with the text next to a hit, counting outwards from the hit (0..1). */
function contextAgreement(context: string, text: string, at: number, side: 'before' | 'after'): number {
  if (!context) return 1;
  let same = 0;
  if (side === 'before') {
    while (same < context.length && at - same - 1 >= 0 && context[context.length - 1 - same] === text[at - same - 1]) same++;
  } else {
    while (same < context.length && at + same < text.length && context[same] === text[at + same]) same++;
  }
  return same / context.length;
}

function nearness(at: number, hint: number | undefined, textLength: number): number {
  if (hint === undefined) return 1;
  return 1 - Math.min(1, Math.abs(at - hint) / Math.max(1000, textLength));
}

/** Every exact occurrence of the quote, the best by context (then nearness) first. */
function findExact(text: string, [quote]: TextSelectors, hint: number | undefined): Anchored | null {
  let best: { at: number; score: number } | null = null;
  let hits = 0;
  for (let at = text.indexOf(quote.exact); at >= 0 && hits < MAX_EXACT_HITS; at = text.indexOf(quote.exact, at + 1)) {
    hits++;
    const context =
      contextAgreement(quote.prefix, text, at, 'before') + contextAgreement(quote.suffix, text, at + quote.exact.length, 'after');
    const score = context + 0.01 * nearness(at, hint, text.length);
    if (!best || score > best.score) best = { at, score };
  }
  return best && { start: best.at, end: best.at + quote.exact.length, method: 'quote', score: 1 };
}

/** Seeds: pieces of the quote and its context, each with where the passage would start if the piece is found. */
function seeds(quote: TextSelectors[0]): Array<{ piece: string; shift: number }> {
  const m = quote.exact.length;
  const len = Math.max(4, Math.min(16, Math.floor(m / 5)));
  const out: Array<{ piece: string; shift: number }> = [];
  const count = Math.min(8, Math.max(1, Math.floor(m / len)));
  for (let k = 0; k < count; k++) {
    const offset = count === 1 ? 0 : Math.round((k * (m - len)) / (count - 1));
    out.push({ piece: quote.exact.slice(offset, offset + len), shift: -offset });
  }
  if (quote.prefix.length >= len) out.push({ piece: quote.prefix.slice(-len), shift: len });
  if (quote.suffix.length >= len) out.push({ piece: quote.suffix.slice(0, len), shift: -m });
  return out.filter((s) => s.piece.trim().length >= 3);
}

/** Likely starts of the passage, most supported first. */
function candidateStarts(text: string, quote: TextSelectors[0], hint: number | undefined, limit: number): number[] {
  const bucket = Math.max(8, Math.floor(quote.exact.length / 4));
  const votes = new Map<number, { votes: number; at: number }>();
  const vote = (at: number, weight: number) => {
    const key = Math.round(at / bucket);
    const entry = votes.get(key) ?? { votes: 0, at };
    entry.votes += weight;
    votes.set(key, entry);
  };
  for (const { piece, shift } of seeds(quote)) {
    const hits: number[] = [];
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      hits.push(at + shift);
      if (hits.length > MAX_SEED_HITS) break;
    }
    if (hits.length <= MAX_SEED_HITS) for (const at of hits) vote(at, 1);
  }
  if (hint !== undefined && hint <= text.length) vote(hint, 0.5);
  return [...votes.values()]
    .sort((a, b) => b.votes - a.votes || nearness(b.at, hint, text.length) - nearness(a.at, hint, text.length))
    .slice(0, limit)
    .map((v) => v.at);
}

/** The best approximate occurrence above the thresholds, or null. */
function findFuzzy(text: string, [quote, position]: TextSelectors): Anchored | null {
  const m = quote.exact.length;
  if (m > MAX_FUZZY_QUOTE || m < 4) return null;
  const slack = Math.ceil(m * (1 - MIN_QUOTE_SIMILARITY)) + 8;
  const limit = Math.max(4, Math.floor(ALIGN_BUDGET / (m * (m + 2 * slack))));
  let best: Anchored | null = null;
  for (const guess of candidateStarts(text, quote, position?.start, limit)) {
    const from = Math.max(0, guess - slack);
    const to = Math.min(text.length, guess + m + slack);
    if (to <= from) continue;
    const found = alignInWindow(quote.exact, text, from, to, guess + m);
    if (found.end <= found.start) continue;
    const quoteSim = 1 - found.distance / m;
    if (quoteSim < MIN_QUOTE_SIMILARITY) continue;
    const contexts: number[] = [];
    if (quote.prefix) contexts.push(similarity(quote.prefix, text.slice(Math.max(0, found.start - quote.prefix.length), found.start)));
    if (quote.suffix) contexts.push(similarity(quote.suffix, text.slice(found.end, found.end + quote.suffix.length)));
    const context = contexts.length ? contexts.reduce((a, b) => a + b, 0) / contexts.length : quoteSim;
    // A short quote alone proves little: its surroundings must agree too.
    if (m < 24 && context < 0.5) continue;
    const score = 0.75 * quoteSim + 0.2 * context + 0.05 * nearness(found.start, position?.start, text.length);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { start: found.start, end: found.end, method: 'fuzzy', score };
  }
  return best;
}

/** Where the selectors' passage is in `text` now, or null when it cannot be placed any more (an orphan). */
export function anchorSelectors(text: string, selectors: TextSelectors): Anchored | null {
  const [quote, position] = selectors;
  if (!quote.exact) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position', score: 1 };
  }
  return findExact(text, selectors, position?.start) ?? findFuzzy(text, selectors);
}
