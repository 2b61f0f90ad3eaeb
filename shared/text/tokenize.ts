/**
 * Splits text into words with their UTF-16 offsets, in one linear pass.
 * A word is a run of letters, digits and combining marks (any script); soft hyphens and zero-width characters
 * inside it are skipped over. Everything else separates words: spaces, punctuation, hyphens and dashes (so
 * "Kim Jong-un" and "Kim Jong Un" give the same words), apostrophes (so "Putin's" gives "Putin").
 */
import { normalizeWord } from './normalize.ts';

/**
 * The words of a text: parallel arrays, so a 5 MB page costs no object per word. Each word is the id of its
 * normalised form in a vocabulary shared by every text tokenised (see {@link vocabularyGeneration}), so that
 * the matcher looks each distinct word up once, by index, rather than each word of the page by its string.
 */
export interface Tokens {
  count: number;
  /** Offset of each word's first UTF-16 unit. */
  start: Int32Array;
  /** Offset just past each word. */
  end: Int32Array;
  /** Each word as the id of its normalised form: `vocabulary[word[k]]`. */
  word: Int32Array;
  /** The normalised words by id: more than this text's, as the ids are shared by all texts tokenised. */
  vocabulary: readonly string[];
  /** Each word normalised (see normalizeWord), in order; made on first use, as the matcher needs only the ids. */
  readonly norm: string[];
}

class TokenList implements Tokens {
  private normalised: string[] | undefined;

  constructor(
    readonly count: number,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly word: Int32Array,
    readonly vocabulary: readonly string[],
  ) {}

  get norm(): string[] {
    if (this.normalised === undefined) {
      const out: string[] = new Array<string>(this.count);
      for (let k = 0; k < this.count; k++) out[k] = this.vocabulary[this.word[k]!]!;
      this.normalised = out;
    }
    return this.normalised;
  }
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
  if (vocabulary.length >= VOCABULARY_LIMIT) resetVocabulary();
  const n = text.length;
  // About one word per six characters in running text: one allocation, rarely a second.
  let start: Int32Array<ArrayBuffer> = new Int32Array(Math.max(16, Math.ceil(n / 5)));
  let end = new Int32Array(start.length);
  let word = new Int32Array(start.length);
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
    // The cache's hash of the word's code units, taken on the way (hashEnd: as far as its last letter).
    let h = c;
    if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0;
    let hashEnd = h;
    let wordEnd = i + width;
    i += width;
    // Inside: to the first character that is neither a letter nor an ignorable (skipped over).
    while (i < n) {
      c = text.charCodeAt(i);
      width = 1;
      if (c < 0x3000) cls = CLASS[c]!;
      else (cls = slowClass(text, i)), (width = cpWidth);
      if (cls === OTHER) break;
      h = (Math.imul(h, 31) + c) | 0;
      if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0;
      i += width;
      if (cls === WORD) (wordEnd = i), (hashEnd = h);
    }
    if (count === start.length) {
      start = grow(start);
      end = grow(end);
      word = grow(word);
    }
    start[count] = wordStart;
    end[count] = wordEnd;
    word[count] = wordId(text, wordStart, wordEnd, hashEnd);
    count++;
  }
  return new TokenList(count, start, end, word, vocabulary);
}

/**
 * The vocabulary: every distinct normalised word seen, by id. It is shared by all texts so that a matcher can keep
 * what it worked out about a word by id from one text to the next (see {@link WordCache}). Past VOCABULARY_LIMIT
 * words (a background that has matched very many pages) it starts afresh as a new array: tokens made before keep
 * the old one, so their words still read right, and a WordCache that sees the new array forgets the old ids.
 */
const VOCABULARY_LIMIT = 1 << 20;
let vocabulary: string[] = [];
let idOf = new Map<string, number>();

function resetVocabulary(): void {
  vocabulary = [];
  idOf = new Map();
  slotRaw.fill(undefined);
}

/**
 * Words repeat (articles, the, names): a cache of word ids, looked up by a hash of the characters in place, so that a
 * word seen before costs neither a substring nor a hash-map lookup. Direct-mapped: a word whose slot another took
 * is normalised and looked up again, which gives the same id.
 */
const SLOTS = 1 << 16;
const slotRaw: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const slotId = new Int32Array(SLOTS);
const slotHash = new Int32Array(SLOTS);

/** The id of the normalised form of text[from, to), one word; `h` is the hash of its code units. */
function wordId(text: string, from: number, to: number, h: number): number {
  const length = to - from;
  const slot = (h ^ (h >>> 16) ^ length) & (SLOTS - 1);
  const seen = slotRaw[slot];
  if (seen !== undefined && slotHash[slot] === h && seen.length === length) {
    let same = true;
    for (let k = 0; k < length && same; k++) same = seen.charCodeAt(k) === text.charCodeAt(from + k);
    if (same) return slotId[slot]!;
  }
  const raw = text.slice(from, to);
  const norm = normalizeWord(raw);
  let id = idOf.get(norm);
  if (id === undefined) {
    const word = detached(norm);
    id = vocabulary.length;
    vocabulary.push(word);
    idOf.set(word, id);
  }
  slotRaw[slot] = raw;
  slotId[slot] = id;
  slotHash[slot] = h;
  return id;
}

/**
 * A copy of a word that holds on to nothing else. A word cut from a page may be a view into the whole page's
 * string (V8 shares the characters of a slice of 13 or more), and normalising a word already in lower case returns
 * it as it is: the vocabulary, which lives as long as the matchers, would keep every such page alive.
 */
function detached(word: string): string {
  return word.length < 13 ? word : word.split('').join('');
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

/**
 * What a caller works out about each distinct word (its node in a trie, its lexicon sense), kept by word id: the
 * work is done once per distinct word, and each word of a text then costs an array read instead of a hash-map
 * lookup by its string. Call {@link use} with a text's tokens before {@link get} with their ids.
 */
export class WordCache<T> {
  private vocabulary: readonly string[] = [];
  private values: (T | undefined)[] = [];

  /** @param compute what to keep for a normalised word; pure (the same word must always give the same value). */
  constructor(private readonly compute: (word: string) => T) {}

  /** Readies the cache for the ids of `tokens`: a new vocabulary (it started afresh) empties it. */
  use(tokens: Tokens): void {
    if (tokens.vocabulary !== this.vocabulary) (this.vocabulary = tokens.vocabulary), (this.values = []);
    // Grown with explicit undefined, so that the array stays packed rather than becoming a sparse dictionary.
    for (let id = this.values.length; id < this.vocabulary.length; id++) this.values.push(undefined);
  }

  /** The value for word id `id` of the tokens last given to {@link use}. */
  get(id: number): T {
    let value = this.values[id];
    if (value === undefined) this.values[id] = value = this.compute(this.vocabulary[id]!);
    return value;
  }
}
