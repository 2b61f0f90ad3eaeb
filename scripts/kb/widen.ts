/**
 * `npm run kb:widen -- [--concept ID]... [--min-support N] [--json]`: proposes words to widen the lexicon's
 * concepts, for a person to review into shared/kb/lexicon.json. Nothing is written: the lexicon stays hand-kept
 * and versioned, and every word in it was read by someone.
 *
 * Two resources, read from Debian's packages when they are installed (`apt-get install wordnet-base trans-de-en`):
 * - WordNet 3.0 (Princeton's licence, free to use with attribution): for each English word of a concept, the
 *   other words of its most frequent senses (synonyms);
 * - the German–English dictionary of TU Chemnitz, "Ding" (GPL 2 or later; only single-word translation facts are
 *   taken from it, as proposals, never its text): for each English word the German words that translate it, and
 *   the other way round.
 * A proposal is a word that no term of any concept covers yet; its support is how many of the concept's own words
 * led to it (a synonym of two of its words is likelier right than a synonym of one). Proposals that another
 * concept already covers are left out: they would blur two concepts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Concept } from '../../shared/kb/types.ts';
import { Lexicon } from '../../shared/match/lexicon.ts';
import { normalizeWord } from '../../shared/text/normalize.ts';
import { isEntry } from '../cli/entry.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const WORDNET_DIR = process.env['WORDNET_DIR'] ?? '/usr/share/wordnet';
const DING_FILE = process.env['DING_FILE'] ?? '/usr/share/trans/de-en';

/** How many of a WordNet lemma's senses (most frequent first) count: rarer senses bring in other meanings. */
const SENSES = 2;

/** WordNet: lemma → synset offsets (most frequent sense first), per part of speech. */
export type WordNetIndex = Map<string, string[]>;

/** Parses one `index.<pos>` file: `lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…`. */
export function parseWordNetIndex(text: string): WordNetIndex {
  const out: WordNetIndex = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(/\s+/);
    const synsets = Number(f[2]);
    const pointers = Number(f[3]);
    if (!Number.isInteger(synsets) || !Number.isInteger(pointers)) continue;
    const offsets = f.slice(4 + pointers + 2, 4 + pointers + 2 + synsets);
    if (offsets.length === synsets) out.set(f[0]!, offsets);
  }
  return out;
}

/** Parses one `data.<pos>` file into synset offset → its words (underscores as spaces, lower case). */
export function parseWordNetData(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (!/^\d{8} /.test(line)) continue;
    const f = line.split(' ');
    const count = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) {
      const w = f[4 + 2 * k];
      // Adjective markers such as "(a)" are not part of the word.
      if (w) words.push(w.replace(/\(\w+\)$/, '').replace(/_/g, ' ').toLowerCase());
    }
    out.set(f[0]!, words);
  }
  return out;
}

/** One dictionary entry: German words and their English translations (first form of each sense, no notes). */
export interface DictEntry {
  de: string[];
  en: string[];
}

/** Removes Ding's notes: `{vt}`, `[ugs.]`, `(etw.)`, `<abbr>`, and the "to " of English verbs. */
function bareTerm(term: string, english: boolean): string {
  const bare = term
    .replace(/\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return english ? bare.replace(/^to /, '') : bare;
}

/**
 * Parses the dictionary: `German | inflected forms :: English | inflected forms`, synonyms within a part
 * separated by `;`. Only the first part of each side (the base forms) is read.
 */
export function parseDing(text: string): DictEntry[] {
  const out: DictEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.indexOf(' :: ');
    if (cut < 0) continue;
    const left = line.slice(0, cut).split(' | ')[0]!;
    const right = line.slice(cut + 4).split(' | ')[0]!;
    const de = left.split(';').map((t) => bareTerm(t, false)).filter(Boolean);
    const en = right.split(';').map((t) => bareTerm(t, true)).filter(Boolean);
    if (de.length && en.length) out.push({ de, en });
  }
  return out;
}

/** A word proposed for a concept, with the concept's words that led to it. */
export interface Proposal {
  concept: string;
  lang: 'de' | 'en';
  word: string;
  from: string[];
  via: 'wordnet' | 'dictionary';
}

/** The plain single words of a concept's terms (no phrases, no infixes), without the exact-word mark. */
function plainWords(terms: readonly string[]): string[] {
  return terms.filter((t) => !/\s/.test(t.trim()) && !t.startsWith('*')).map((t) => normalizeWord(t.replace(/\$$/, '')));
}

/** Whether a lemma is a form of a term: the term itself, or (for a stem) the stem with a short ending. */
function formOf(lemma: string, term: string, exact: boolean): boolean {
  if (exact) return lemma === term;
  return lemma.startsWith(term) && lemma.length - term.length <= 3;
}

/** Sorted keys, for finding every key that starts with a stem by binary search. */
class SortedKeys<T> {
  private readonly keys: string[];
  constructor(private readonly map: ReadonlyMap<string, T>) {
    this.keys = [...map.keys()].sort();
  }

  /** The keys that are forms of `term` (see {@link formOf}) with their values. */
  forms(term: string, exact: boolean): [string, T][] {
    if (exact) return this.map.has(term) ? [[term, this.map.get(term)!]] : [];
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    const out: [string, T][] = [];
    for (let k = lo; k < this.keys.length && this.keys[k]!.startsWith(term); k++) {
      if (formOf(this.keys[k]!, term, false)) out.push([this.keys[k]!, this.map.get(this.keys[k]!)!]);
    }
    return out;
  }
}

/** Dictionary entries by the normalised single words of one side. */
function bySide(dict: readonly DictEntry[], side: 'de' | 'en'): SortedKeys<DictEntry[]> {
  const map = new Map<string, DictEntry[]>();
  for (const entry of dict) {
    for (const term of entry[side]) {
      if (term.includes(' ')) continue;
      const key = normalizeWord(term);
      const list = map.get(key) ?? [];
      list.push(entry);
      map.set(key, list);
    }
  }
  return new SortedKeys(map);
}

/** Every proposal for the given concepts (all when `only` is empty). */
export function propose(
  concepts: readonly Concept[],
  wordnet: { index: WordNetIndex[]; data: Map<string, string[]>[] } | undefined,
  dict: readonly DictEntry[] | undefined,
  only: ReadonlySet<string> = new Set(),
): Proposal[] {
  const lexicon = new Lexicon(concepts);
  const covered = (phrase: string) => phrase.split(' ').some((w) => lexicon.sense(normalizeWord(w)).concepts.length > 0);
  const out = new Map<string, Proposal>();
  const offer = (concept: string, lang: 'de' | 'en', word: string, from: string, via: Proposal['via']) => {
    const w = word.toLowerCase();
    if (w.length < 3 || /[^\p{L} -]/u.test(w) || w.split(' ').length > 2 || covered(w)) return;
    const key = `${concept}\u0000${lang}\u0000${w}`;
    const p = out.get(key) ?? { concept, lang, word: w, from: [], via };
    if (!p.from.includes(from)) p.from.push(from);
    out.set(key, p);
  };
  const lemmas = wordnet?.index.map((index) => new SortedKeys(index));
  const english = dict && bySide(dict, 'en');
  const german = dict && bySide(dict, 'de');
  for (const c of concepts) {
    if (only.size && !only.has(c.id)) continue;
    const en = c.en.filter((t) => !/\s/.test(t.trim()) && !t.startsWith('*'));
    lemmas?.forEach((index, pos) => {
      for (const term of en) {
        const exact = term.endsWith('$');
        for (const [lemma, offsets] of index.forms(normalizeWord(term.replace(/\$$/, '')), exact)) {
          for (const offset of offsets.slice(0, SENSES)) {
            for (const w of wordnet!.data[pos]!.get(offset) ?? []) if (w !== lemma) offer(c.id, 'en', w, lemma, 'wordnet');
          }
        }
      }
    });
    if (english && german) {
      for (const stem of plainWords(c.en)) {
        for (const [word, entries] of english.forms(stem, false)) {
          for (const entry of entries) for (const d of entry.de) if (!d.includes(' ')) offer(c.id, 'de', d, word, 'dictionary');
        }
      }
      for (const stem of plainWords(c.de)) {
        for (const [word, entries] of german.forms(stem, false)) {
          for (const entry of entries) for (const e of entry.en) offer(c.id, 'en', e, word, 'dictionary');
        }
      }
    }
  }
  return [...out.values()].sort(
    (a, b) => a.concept.localeCompare(b.concept) || b.from.length - a.from.length || a.word.localeCompare(b.word),
  );
}

function loadWordNet(dir: string) {
  if (!existsSync(join(dir, 'index.verb'))) return undefined;
  const parts = ['verb', 'noun', 'adj'];
  return {
    index: parts.map((p) => parseWordNetIndex(readFileSync(join(dir, `index.${p}`), 'utf8'))),
    data: parts.map((p) => parseWordNetData(readFileSync(join(dir, `data.${p}`), 'utf8'))),
  };
}

function main(argv: readonly string[]): number {
  const only = new Set<string>();
  let minSupport = 1;
  let json = false;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === '--concept' && argv[k + 1]) only.add(argv[++k]!);
    else if (a === '--min-support' && argv[k + 1]) minSupport = Number(argv[++k]);
    else if (a === '--json') json = true;
    else {
      process.stderr.write(`kb:widen: unknown argument ${a}\nusage: npm run kb:widen -- [--concept ID]... [--min-support N] [--json]\n`);
      return 2;
    }
  }
  const wordnet = loadWordNet(WORDNET_DIR);
  const dict = existsSync(DING_FILE) ? parseDing(readFileSync(DING_FILE, 'utf8')) : undefined;
  if (!wordnet && !dict) {
    process.stderr.write('kb:widen: neither WordNet nor the German–English dictionary is installed (apt-get install wordnet-base trans-de-en)\n');
    return 1;
  }
  const raw = JSON.parse(readFileSync(join(ROOT, 'shared/kb/lexicon.json'), 'utf8')) as { concepts: Concept[] };
  const known = new Set(raw.concepts.map((c) => c.id));
  for (const id of only) if (!known.has(id)) return process.stderr.write(`kb:widen: no concept ${id}\n`), 1;
  const proposals = propose(raw.concepts, wordnet, dict, only).filter((p) => p.from.length >= minSupport);
  if (json) process.stdout.write(`${JSON.stringify(proposals, null, 2)}\n`);
  else {
    let last = '';
    for (const p of proposals) {
      if (p.concept !== last) process.stdout.write(`\n${(last = p.concept)}\n`);
      process.stdout.write(`  ${p.lang} ${p.word}  (${p.via}, from ${p.from.join(', ')})\n`);
    }
    process.stderr.write(`${proposals.length} proposals${wordnet ? '' : ' (WordNet not installed)'}${dict ? '' : ' (dictionary not installed)'}\n`);
  }
  return 0;
}

if (isEntry(import.meta.url)) process.exitCode = main(process.argv.slice(2));
