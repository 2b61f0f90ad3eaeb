/**
 * Splits text into words with their UTF-16 offsets, in one linear pass.
 * A word is a run of letters, digits and combining marks (any script); soft hyphens and zero-width characters
 * inside it are skipped over. Everything else separates words: spaces, punctuation, hyphens and dashes (so
 * "Kim Jong-un" and "Kim Jong Un" give the same words), apostrophes (so "Putin's" gives "Putin").
 */
import { normalizeWord } from './normalize.ts';

/** The words of a text: parallel arrays, so a 5 MB page costs no object per word. */
export interface Tokens {
  count: number;
  /** Offset of each word's first UTF-16 unit. */
  start: Int32Array;
  /** Offset just past each word. */
  end: Int32Array;
  /** Each word normalised (see normalizeWord). */
  norm: string[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const OTHER = 0;
const WORD = 1;
const IGNORE = 2;

/** Classes of the first 0x3000 code units, computed once. */
const CLASS = buildClassTable(0x3000);

function buildClassTable(size: number): Uint8Array {
  const table = new Uint8Array(size);
  for (let c = 0; c < size; c++) {
    if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060) table[c] = IGNORE;
    else if (WORD_CHAR.test(String.fromCharCode(c))) table[c] = WORD;
  }
  return table;
}

/** Class of the code point at `i` beyond the table; `cpWidth` says how many code units it takes. */
let cpWidth = 1;
function slowClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  cpWidth = 1;
  if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return IGNORE;
  const cp = text.codePointAt(i)!;
  if (cp > 0xffff) cpWidth = 2;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? WORD : OTHER;
}

/** All words of `text`, in order. Linear in the length of the text. */
export function tokenize(text: string): Tokens {
  const n = text.length;
  // About one word per six characters in running text: one allocation, rarely a second.
  let start: Int32Array<ArrayBuffer> = new Int32Array(Math.max(16, Math.ceil(n / 5)));
  let end = new Int32Array(start.length);
  const norm: string[] = [];
  let count = 0;
  let i = 0;
  while (i < n) {
    // Outside a word: on to its first letter (ignorables at its edges are not part of it).
    let c = text.charCodeAt(i);
    let cls: number;
    let width = 1;
    if (c < 0x3000) cls = CLASS[c]!;
    else (cls = slowClass(text, i)), (width = cpWidth);
    if (cls !== WORD) {
      i += width;
      continue;
    }
    const wordStart = i;
    let wordEnd = i + width;
    i += width;
    // Inside: to the first character that is neither a letter nor an ignorable (skipped over).
    while (i < n) {
      c = text.charCodeAt(i);
      width = 1;
      if (c < 0x3000) cls = CLASS[c]!;
      else (cls = slowClass(text, i)), (width = cpWidth);
      if (cls === OTHER) break;
      i += width;
      if (cls === WORD) wordEnd = i;
    }
    if (count === start.length) {
      start = grow(start);
      end = grow(end);
    }
    start[count] = wordStart;
    end[count] = wordEnd;
    norm.push(normalizeAt(text, wordStart, wordEnd));
    count++;
  }
  return { count, start, end, norm };
}

/**
 * Words repeat (articles, the, names): a cache of normalised words, looked up by a hash of the characters in
 * place, so that a word seen before costs neither a substring nor a hash-map lookup. Direct-mapped: a word whose
 * slot another took is normalised again, which gives the same answer.
 */
const SLOTS = 1 << 16;
const slotRaw: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const slotNorm: string[] = new Array<string>(SLOTS).fill('');
const slotHash = new Int32Array(SLOTS);

/** The normalised form of text[from, to), one word. */
function normalizeAt(text: string, from: number, to: number): string {
  let h = to - from;
  for (let k = from; k < to; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
  const slot = (h ^ (h >>> 16)) & (SLOTS - 1);
  const raw = slotRaw[slot];
  if (raw !== undefined && slotHash[slot] === h && raw.length === to - from) {
    let same = true;
    for (let k = 0; k < raw.length && same; k++) same = raw.charCodeAt(k) === text.charCodeAt(from + k);
    if (same) return slotNorm[slot]!;
  }
  const word = text.slice(from, to);
  const norm = normalizeWord(word);
  slotRaw[slot] = word;
  slotNorm[slot] = norm;
  slotHash[slot] = h;
  return norm;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The normalised words of a short phrase (an alias, a lexicon term). */
export function words(phrase: string): string[] {
  return tokenize(phrase).norm;
}
