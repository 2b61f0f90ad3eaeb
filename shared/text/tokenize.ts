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
  let start: Int32Array<ArrayBuffer> = new Int32Array(Math.max(16, text.length >> 3));
  let end = new Int32Array(start.length);
  const norm: string[] = [];
  let count = 0;
  let i = 0;
  let inWord = false;
  let wordStart = 0;
  let wordEnd = 0;
  const n = text.length;
  while (i <= n) {
    let cls = OTHER;
    let width = 1;
    if (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x3000) cls = CLASS[c]!;
      else {
        cls = slowClass(text, i);
        width = cpWidth;
      }
    }
    if (cls === WORD) {
      if (!inWord) {
        inWord = true;
        wordStart = i;
      }
      wordEnd = i + width;
    } else if (cls === OTHER && inWord) {
      // Ignorables inside a word are skipped over; at its edges they are not part of it.
      inWord = false;
      if (count === start.length) {
        start = grow(start);
        end = grow(end);
      }
      start[count] = wordStart;
      end[count] = wordEnd;
      norm.push(normalizeCached(text.slice(wordStart, wordEnd)));
      count++;
    }
    i += width;
  }
  return { count, start, end, norm };
}

/** Words repeat (articles, the, names): a bounded cache spares normalising each again. */
const NORM_CACHE = new Map<string, string>();
const NORM_CACHE_LIMIT = 50_000;

function normalizeCached(word: string): string {
  let norm = NORM_CACHE.get(word);
  if (norm === undefined) {
    norm = normalizeWord(word);
    if (NORM_CACHE.size >= NORM_CACHE_LIMIT) NORM_CACHE.clear();
    NORM_CACHE.set(word, norm);
  }
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
