/**
 * Sentence boundaries over already tokenised text, decided from the gap between two words: a line break, or
 * a full stop, question or exclamation mark followed by space and a capital, a digit or an opening quote.
 * Abbreviations (Dr., U.S., z. B.) and German ordinals (19. Juni) do not end a sentence. Very long runs
 * without punctuation (navigation menus, lists) are cut so that matching stays local and linear.
 */
import type { Tokens } from './tokenize.ts';

/** A sentence as a range of word indexes [first, last) and the character span it covers. */
export interface Sentence {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Longest sentence in words before it is cut at the next comma, or hard at twice the length. */
const MAX_WORDS = 70;

const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'st', 'prof', 'nr', 'bzw', 'vgl', 'ca', 'usw', 'etc', 'inc', 'ltd', 'jr', 'sr',
  'gen', 'col', 'lt', 'sgt', 'gov', 'sen', 'rep', 'no', 'vs', 'jan', 'feb', 'aug', 'sept', 'oct', 'nov', 'dec',
  'okt', 'dez', 'abs', 'art', 'ggf', 'evtl', 'inkl', 'zzgl', 'mio', 'mrd', 'bzgl', 'sog', 'ua', 'dt',
]);

const END_PUNCT = /[.!?]/;
const OPENING = /[„“"«»‚‘([]/;
const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;

function endsSentence(text: string, tokens: Tokens, k: number): boolean {
  const gapStart = tokens.end[k - 1]!;
  const gapEnd = tokens.start[k]!;
  // Nearly every gap is a space or a comma: those are decided from the characters in place, since cutting each
  // gap out as a string made a string per word of the page for the collector.
  let punct = false;
  for (let i = gapStart; i < gapEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return true; // \n
    if (c === 46 || c === 33 || c === 63) punct = true; // . ! ?, as END_PUNCT
  }
  if (!punct) return false;
  const gap = text.slice(gapStart, gapEnd);
  if (!/\s/.test(gap)) return false;
  const next = text[gapEnd] ?? '';
  if (!UPPER_OR_DIGIT.test(next) && !OPENING.test(gap.slice(gap.search(END_PUNCT)))) return false;
  if (gap[0] !== '.') return true;
  const prev = tokens.vocabulary[tokens.word[k - 1]!]!;
  const prevLength = gapStart - tokens.start[k - 1]!;
  if (prevLength === 1 && /\p{L}/u.test(prev)) return false; // U.S., z. B., initials
  if (ABBREVIATIONS.has(prev)) return false;
  if (/^\d{1,2}$/.test(prev) && /^\.\s+$/.test(gap)) return false; // 19. Juni
  return true;
}

function softBreak(text: string, tokens: Tokens, k: number): boolean {
  return /[,;:–—]/.test(text.slice(tokens.end[k - 1]!, tokens.start[k]!));
}

/** The sentences of a tokenised text, in order, covering every word once. */
export function splitSentences(text: string, tokens: Tokens): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    if (last <= first) return;
    out.push({ first, last, start: tokens.start[first]!, end: sentenceEnd(text, tokens, last) });
    first = last;
  };
  for (let k = 1; k < tokens.count; k++) {
    const length = k - first;
    if (endsSentence(text, tokens, k)) close(k);
    else if (length >= MAX_WORDS * 2 || (length >= MAX_WORDS && softBreak(text, tokens, k))) close(k);
  }
  close(tokens.count);
  return out;
}

/** End of a sentence's span: past its last word and any closing punctuation or quote, not past a line break. */
function sentenceEnd(text: string, tokens: Tokens, last: number): number {
  let end = tokens.end[last - 1]!;
  const limit = last < tokens.count ? tokens.start[last]! : text.length;
  while (end < limit && /[.!?…“”"»«'’)\]]/.test(text[end]!)) end++;
  return end;
}
