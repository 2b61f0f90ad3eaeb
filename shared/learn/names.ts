/**
 * Open-world names: the people, places and organisations of a text that no knowledge base lists. English
 * capitalises names only, so a capitalised word inside a sentence that is no function word, title or calendar
 * word starts a name. German capitalises every noun, so there a word must also not look like a common noun
 * (listed, or by its ending) and not follow an article or adjective the way nouns do. Words in capitals are
 * acronyms (UBS, NATO). A title before a name ("Präsident", "Rear Adm.") marks a person.
 */
import type { Lang } from '../kb/types.ts';
import type { Sentence } from '../text/sentences.ts';
import type { Tokens } from '../text/tokenize.ts';
import { endsInTitle, FUNCTION_AND_CALENDAR, isGermanCommonNoun, NOT_ACRONYMS, TITLE_PARTS, TITLE_WORDS } from './common-words.ts';

/** A name found in a text. */
export interface NameMention {
  start: number;
  end: number;
  /** The name as written. */
  text: string;
  /** Its spelling-insensitive key (see {@link looseKey}), one per word, space-separated. */
  key: string;
  /** Word count. */
  words: number;
  /** A title stands right before it: a person. */
  person: boolean;
  /** Written in capitals: an organisation or agency. */
  acronym: boolean;
}

const UPPER_START = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}][\p{Lu}\p{N}]{1,5}$/u;
/** Between the words of one name: a space, or a hyphen within a compound ("Keller-Sutter"). */
const NAME_GAP = /^(?: |-|‐|‑)$/;
const HYPHEN_GAP = /^(?:-|‐|‑)$/;
/** Before a word that starts a sentence of its own inside the sentence: an opening quote, a colon, a dash. */
const FRESH_START = /[„“"«»‚‘:([—–]\s*$/;
const GERMAN_DETERMINERS = new Set(
  'der die das den dem des ein eine einer eines einem einen kein keine keinen keinem keiner im am zum zur vom beim ins ans'.split(' '),
);
/** German adjective endings: a lower-case word so ending right before a capitalised word makes it a noun. */
const ADJECTIVE_END = /(?:e|en|er|es|em)$/;

/**
 * A spelling-insensitive key for a name word, so that transliterations in German and English meet:
 * Prigoschin / Prigozhin, Lukaschenko / Lukashenko, Jewgeni / Yevgeny, Selenskyj / Zelensky, Peskow / Peskov.
 */
export function looseKey(norm: string): string {
  return norm
    .replace(/tsch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/zh/g, 'sh')
    .replace(/kh/g, 'h')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/w/g, 'v')
    .replace(/[jy]/g, 'i')
    .replace(/z/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/(.)\1+/g, '$1')
    .replace(/ii/g, 'i');
}

/** What the name finder knows of each word of a sentence. */
interface WordInfo {
  raw: string;
  norm: string;
  candidate: boolean;
  acronym: boolean;
}

function wordInfo(text: string, tokens: Tokens, k: number, sentence: Sentence, lang: Lang): WordInfo {
  const raw = text.slice(tokens.start[k]!, tokens.end[k]!);
  const norm = tokens.norm[k]!;
  const acronym = ALL_CAPS.test(raw) && /\p{L}/u.test(raw) && !NOT_ACRONYMS.has(norm);
  if (acronym) return { raw, norm, candidate: true, acronym };
  if (!UPPER_START.test(raw) || raw.length < 2 || FUNCTION_AND_CALENDAR.has(norm) || TITLE_WORDS.has(norm) || TITLE_PARTS.has(norm)) {
    return { raw, norm, candidate: false, acronym };
  }
  if (lang === 'de' && (isGermanCommonNoun(norm) || endsInTitle(norm))) return { raw, norm, candidate: false, acronym };
  const before = k > sentence.first ? text.slice(tokens.end[k - 1]!, tokens.start[k]!) : '';
  const initial = k === sentence.first || FRESH_START.test(before);
  return { raw, norm, candidate: !initial, acronym };
}

/** A German capitalised word after an article or an adjective is a noun ("die Ermittler", "schwedische Ermittler"). */
function followsDeterminer(text: string, tokens: Tokens, k: number, first: number): boolean {
  if (k <= first) return false;
  const prev = tokens.norm[k - 1]!;
  if (GERMAN_DETERMINERS.has(prev)) return true;
  const prevRaw = text.slice(tokens.start[k - 1]!, tokens.end[k - 1]!);
  // Past tenses end like adjectives ("sagte Prigoschin", "erklärten Ermittler"): only -e/-en/-er/-es/-em after no t.
  return !UPPER_START.test(prevRaw) && ADJECTIVE_END.test(prev) && !/te[nm]?$/.test(prev) && prev.length > 3;
}

/**
 * The names of one sentence. German hyphenated compounds name only their first parts ("Nord-Stream-Lecks" →
 * "Nord Stream", "US-Küstenwache" → "US"), since the last part is the common noun they qualify.
 */
export function sentenceNames(text: string, tokens: Tokens, sentence: Sentence, lang: Lang): NameMention[] {
  const out: NameMention[] = [];
  const info: WordInfo[] = [];
  for (let k = sentence.first; k < sentence.last; k++) info.push(wordInfo(text, tokens, k, sentence, lang));
  let k = sentence.first;
  while (k < sentence.last) {
    const w = info[k - sentence.first]!;
    if (!w.candidate || (lang === 'de' && !w.acronym && followsDeterminer(text, tokens, k, sentence.first) && !nextIsCandidate(k))) {
      k++;
      continue;
    }
    let last = k;
    let noun = false;
    while (last + 1 < sentence.last && last - k < 3) {
      const gap = text.slice(tokens.end[last]!, tokens.start[last + 1]!);
      const next = info[last + 1 - sentence.first]!;
      if (!NAME_GAP.test(gap)) break;
      if (!next.candidate && !(lang === 'de' && HYPHEN_GAP.test(gap))) break;
      if (lang === 'de' && HYPHEN_GAP.test(gap) && endsCompound(last + 1)) {
        noun = true;
        break;
      }
      last++;
    }
    out.push(mention(k, last));
    // The noun that closes a compound ("-Lecks") is no name of its own.
    k = last + (noun ? 2 : 1);
  }
  return out;

  function nextIsCandidate(j: number): boolean {
    if (j + 1 >= sentence.last) return false;
    const gap = text.slice(tokens.end[j]!, tokens.start[j + 1]!);
    return NAME_GAP.test(gap) && info[j + 1 - sentence.first]!.candidate;
  }

  /** Word j closes a German hyphen compound when no hyphen follows it and it is not itself a name's second half. */
  function endsCompound(j: number): boolean {
    const after = j + 1 < sentence.last ? text.slice(tokens.end[j]!, tokens.start[j + 1]!) : '';
    if (HYPHEN_GAP.test(after)) return false;
    const w = info[j - sentence.first]!;
    // "Nord-Stream-Lecks", "US-Küstenwache": after two hyphens, or after an acronym, the last part is the noun.
    const hyphens = (text.slice(tokens.start[j - 1]!, tokens.start[j]!).match(/[-‐‑]/g) ?? []).length;
    const twoBefore = j - 2 >= sentence.first && HYPHEN_GAP.test(text.slice(tokens.end[j - 2]!, tokens.start[j - 1]!));
    if (hyphens > 0 && (twoBefore || info[j - 1 - sentence.first]!.acronym)) return true;
    return !w.candidate || isGermanCommonNoun(w.norm) || w.norm.length > 9;
  }

  function mention(first: number, last: number): NameMention {
    const start = tokens.start[first]!;
    const end = tokens.end[last]!;
    const key = tokens.norm.slice(first, last + 1).map(looseKey).join(' ');
    const words = last - first + 1;
    const acronym = words === 1 && info[first - sentence.first]!.acronym;
    return { start, end, text: text.slice(start, end), key, words, person: titled(first), acronym };
  }

  /** A title or role right before: "President Alain Berset", "Rear Adm. John Mauger", "Staatsanwalt Mats Ljungqvist". */
  function titled(first: number): boolean {
    if (first <= sentence.first) return false;
    const gap = text.slice(tokens.end[first - 1]!, tokens.start[first]!);
    const prev = tokens.norm[first - 1]!;
    return /^\.?\s$/.test(gap) && (TITLE_WORDS.has(prev) || (lang === 'de' && endsInTitle(prev)));
  }
}

/**
 * Every name of a text, sentence by sentence. A name that opens a sentence ("Prigozhin said later …") cannot be
 * told from an ordinary capitalised first word by itself; it counts when the text names it inside a sentence too.
 */
export function findNames(text: string, tokens: Tokens, sentences: readonly Sentence[], lang: Lang): NameMention[] {
  const found = sentences.map((s) => sentenceNames(text, tokens, s, lang));
  const known = new Set(found.flat().flatMap((m) => m.key.split(' ')));
  const out: NameMention[] = [];
  sentences.forEach((s, i) => {
    const names = found[i]!;
    const k = s.first;
    const raw = text.slice(tokens.start[k]!, tokens.end[k]!);
    const key = looseKey(tokens.norm[k]!);
    const taken = names.some((m) => m.start === tokens.start[k]);
    if (!taken && UPPER_START.test(raw) && known.has(key) && !FUNCTION_AND_CALENDAR.has(tokens.norm[k]!)) {
      const next = names[0];
      const gap = next && k + 1 < s.last && next.start === tokens.start[k + 1] ? text.slice(tokens.end[k]!, next.start) : undefined;
      if (next && gap !== undefined && NAME_GAP.test(gap)) {
        // "Nord Stream 1 transported …": the opening word and the name after it are one name.
        names[0] = { ...next, start: tokens.start[k]!, text: text.slice(tokens.start[k]!, next.end), key: `${key} ${next.key}`, words: next.words + 1 };
      } else {
        out.push({ start: tokens.start[k]!, end: tokens.end[k]!, text: raw, key, words: 1, person: false, acronym: false });
      }
    }
    out.push(...names);
  });
  // Once titled, a person stays one: "Präsident Alexander Lukaschenko" … "Lukaschenko".
  const people = new Set(out.filter((m) => m.person).flatMap((m) => [m.key, m.key.split(' ').at(-1)!]));
  for (const m of out) if (!m.person && !m.acronym && (people.has(m.key) || (m.words > 1 && people.has(m.key.split(' ').at(-1)!)))) m.person = true;
  return out;
}
