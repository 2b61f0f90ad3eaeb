/**
 * The bilingual concept lexicon compiled for lookup: which concepts a normalised word expresses.
 * Term syntax is documented on the `Concept` type: `stem` (word starts with it), `word$` (exactly),
 * `*part` (anywhere in the word, for German compounds), several words for a phrase.
 * Single-word terms live in two character tries (prefix and infix) and a map (exact), so one walk over a
 * word's letters finds them all; results are cached per distinct word.
 */
import type { Concept } from '../kb/types.ts';
import { normalizeWord } from '../text/normalize.ts';

type PatternKind = 'prefix' | 'exact' | 'infix';

interface Pattern {
  kind: PatternKind;
  text: string;
}

interface CharNode {
  next: Map<string, CharNode>;
  concepts: number[];
  phrases: number[];
}

/** A phrase term: its concept and the patterns of its second and later words. */
interface Phrase {
  concept: number;
  rest: Pattern[];
}

/** What one word says: the concepts it expresses alone, and the phrases it may start. */
export interface WordSense {
  concepts: readonly number[];
  phrases: readonly number[];
}

const NOTHING: WordSense = { concepts: [], phrases: [] };
const CACHE_LIMIT = 200_000;

function parsePattern(raw: string): Pattern {
  if (raw.startsWith('*')) return { kind: 'infix', text: normalizeWord(raw.slice(1)) };
  if (raw.endsWith('$')) return { kind: 'exact', text: normalizeWord(raw.slice(0, -1)) };
  return { kind: 'prefix', text: normalizeWord(raw) };
}

/** Whether a normalised word fits a pattern (used for the later words of phrases). */
export function fits(pattern: Pattern, word: string): boolean {
  if (pattern.kind === 'exact') return word === pattern.text;
  if (pattern.kind === 'prefix') return word.startsWith(pattern.text);
  return word.includes(pattern.text);
}

function newNode(): CharNode {
  return { next: new Map(), concepts: [], phrases: [] };
}

/** The lexicon compiled: concept ids by index, and lookup of a word's sense. */
export class Lexicon {
  readonly ids: string[] = [];
  private readonly prefix = newNode();
  private readonly infix = newNode();
  private readonly exact = new Map<string, { concepts: number[]; phrases: number[] }>();
  private readonly phraseList: Phrase[] = [];
  private readonly cache = new Map<string, WordSense>();

  constructor(concepts: readonly Concept[]) {
    concepts.forEach((concept, index) => {
      this.ids.push(concept.id);
      for (const term of [...concept.de, ...concept.en]) this.addTerm(index, term);
    });
  }

  private addTerm(concept: number, term: string): void {
    const parts = term.trim().split(/\s+/).filter(Boolean).map(parsePattern).filter((p) => p.text.length > 0);
    const [head, ...rest] = parts;
    if (!head) return;
    let phrase = -1;
    if (rest.length > 0) {
      phrase = this.phraseList.length;
      this.phraseList.push({ concept, rest });
    }
    const slot = this.slotFor(head);
    if (phrase >= 0) slot.phrases.push(phrase);
    else if (!slot.concepts.includes(concept)) slot.concepts.push(concept);
  }

  private slotFor(pattern: Pattern): { concepts: number[]; phrases: number[] } {
    if (pattern.kind === 'exact') {
      let slot = this.exact.get(pattern.text);
      if (!slot) this.exact.set(pattern.text, (slot = { concepts: [], phrases: [] }));
      return slot;
    }
    let node = pattern.kind === 'prefix' ? this.prefix : this.infix;
    for (const ch of pattern.text) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = newNode()));
      node = next;
    }
    return node;
  }

  /** The concepts and phrase starts of one normalised word. */
  sense(word: string): WordSense {
    let sense = this.cache.get(word);
    if (sense) return sense;
    const concepts: number[] = [];
    const phrases: number[] = [];
    const collect = (slot: { concepts: number[]; phrases: number[] } | undefined) => {
      if (!slot) return;
      for (const c of slot.concepts) if (!concepts.includes(c)) concepts.push(c);
      for (const p of slot.phrases) if (!phrases.includes(p)) phrases.push(p);
    };
    collect(this.exact.get(word));
    this.walk(this.prefix, word, 0, collect);
    for (let from = 0; from < word.length; from++) this.walk(this.infix, word, from, collect);
    sense = concepts.length || phrases.length ? { concepts, phrases } : NOTHING;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, sense);
    return sense;
  }

  private walk(root: CharNode, word: string, from: number, collect: (slot: CharNode) => void): void {
    let node: CharNode | undefined = root;
    for (let i = from; i < word.length; i++) {
      node = node.next.get(word[i]!);
      if (!node) return;
      if (node.concepts.length || node.phrases.length) collect(node);
    }
  }

  /**
   * The concept of phrase `phrase` if the words from `at` on complete it, else -1; the words are ids into
   * `vocabulary`, as the tokenizer gives them.
   */
  completes(phrase: number, words: Int32Array, vocabulary: readonly string[], at: number, limit: number): number {
    const entry = this.phraseList[phrase]!;
    if (at + entry.rest.length > limit) return -1;
    for (let k = 0; k < entry.rest.length; k++) if (!fits(entry.rest[k]!, vocabulary[words[at + k]!]!)) return -1;
    return entry.concept;
  }
}
