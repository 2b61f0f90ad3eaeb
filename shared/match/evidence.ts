/**
 * What the words around a short form ("Kim", "Park", "Miller") say about it, read from the raw text:
 *
 * - whether it is part of a longer name the knowledge base does not know ("Kim Song", "Kim Hong-kyun" where only
 *   Kim Jong Un is known, "Hong-kyun Kim"): then it names nobody we know;
 * - the office or relation written before it ("Vizeaußenminister Kim", "Vice Foreign Minister Kim",
 *   "Schwester Kim"): then it names only an entity whose description holds that title.
 *
 * Pure and cheap: a few regular expressions on the characters next to the mention.
 */
import type { Entity } from '../kb/types.ts';
import { normalizeWord } from '../text/normalize.ts';
import { STOPWORDS } from './stopwords.ts';

/** How far before and after a mention the evidence is looked for. */
const WINDOW = 60;

/**
 * A capitalised word right after the mention and a space, maybe hyphenated itself ("Hong-kyun"). A hyphen right
 * after the mention makes a compound ("Kim-Regime", "Putin-Freund"), which still names the entity.
 */
const NEXT_WORD = /^[ \u00a0](\p{Lu}[\p{L}'’]*)(-\p{Ll}[\p{L}]*)?/u;
/** Short capitalised words that follow a name in a sentence without being part of it ("sagte Kim Ende Juni"). */
const NOT_A_NAME_PART = new Set(
  'ende mitte anfang jan feb maerz mai juni juli aug sept okt nov dez jan march may june july aug sept oct nov dec tag tage uhr jahr jahre heute'.split(' '),
);
/** A hyphenated given name right before the mention ("Hong-kyun Kim", "Yo-jong Kim"). */
const HYPHENATED_BEFORE = /\p{Lu}\p{Ll}+-\p{Ll}+[ \u00a0]$/u;
/** The longest given-name part of a longer name taken without asking a dictionary: Korean "Song", "Yong", "Tok". */
const MAX_UNHYPHENATED_PART = 5;

/**
 * True when the short form at [start, end) continues into (or follows) a longer name. `known(word)` says whether a
 * word starts a name of the knowledge base (then the mention is followed by another known name, not part of one).
 */
export function partOfLongerName(text: string, start: number, end: number, known: (normalized: string) => boolean): boolean {
  if (hyphenatedBefore(text, start)) return true;
  // NEXT_WORD starts with a space: without one after the short form (a comma, a full stop) no cut is needed.
  const after = text.charCodeAt(end);
  if (after !== 32 && after !== 0xa0) return false;
  const next = NEXT_WORD.exec(text.slice(end, end + WINDOW));
  if (!next) return false;
  const word = next[1]!;
  const norm = normalizeWord(word);
  if (known(norm) || STOPWORDS.has(norm) || NOT_A_NAME_PART.has(norm)) return false;
  // "Hong-kyun", "Yo-jong": a hyphenated part with a small letter after the hyphen is a given name.
  if (next[2]) return true;
  // A short capitalised word after a space ("Kim Song", "Kim Yong Chol"), not a common word.
  return word.length <= MAX_UNHYPHENATED_PART;
}

/** Offices and relations a person is named by; a word holding one of these before a short form is its title. */
/**
 * HYPHENATED_BEFORE on the window before `start`. The pattern is anchored at the window's end but tried from every
 * start in it; most short forms have no space right before them or no hyphen in the window, which rules it out.
 */
function hyphenatedBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - WINDOW);
  const space = text.charCodeAt(start - 1);
  if (start - 1 < from || (space !== 32 && space !== 0xa0)) return false;
  let hyphen = false;
  for (let k = from; k < start && !hyphen; k++) hyphen = text.charCodeAt(k) === 45;
  return hyphen && HYPHENATED_BEFORE.test(text.slice(from, start));
}

const TITLE_WORD =
  /(minister|botschafter|ambassador|sprecher|spokes|präsident|president|sekretär|secretary|diplomat|gesandte|envoy|berater|advis[eo]r|general|admiral|marschall|marshal|staatsanwalt|prosecutor|schwester|sister|bruder|brother|vorsitzende|chairman|chair|aktivist|activist|fotograf|photographer|professor|analyst|experte|expert)/i;
/** Words that may stand before an English title's head word and belong to the title ("Vice Foreign Minister"). */
const TITLE_MODIFIER = /^(vice|deputy|first|foreign|defen[cs]e|unification|prime|state|national|security|general|chief|erster|erste|stellvertretende[rn]?|nationale[rn]?)$/i;
/** The words right before a mention, nearest last, separated by single spaces. */
const WORDS_BEFORE = /((?:[\p{L}'’-]+ ){1,4})$/u;

/**
 * The title written right before the mention at `start` ("vizeaußenminister", "vice foreign minister"), in lower
 * case without hyphens; undefined when the word before is no title.
 */
export function titleBefore(text: string, start: number): string | undefined {
  const from = Math.max(0, start - WINDOW);
  // Most short forms have no title before them: the word right before is read by hand, and only a title word
  // goes on to the pattern (which tries every start in the window, the costly part on a long page).
  const last = wordBefore(text, from, start);
  if (last !== null && (last === '' || !TITLE_WORD.test(last))) return undefined;
  return titleByPattern(text, start);
}

/** {@link titleBefore} read with the pattern alone: the same answer, slower; exported for the tests. */
export function titleByPattern(text: string, start: number): string | undefined {
  const before = WORDS_BEFORE.exec(text.slice(Math.max(0, start - WINDOW), start));
  if (!before) return undefined;
  const words = before[1]!.trim().split(' ');
  const head = words.pop()!;
  if (!TITLE_WORD.test(head)) return undefined;
  const title = [head];
  while (words.length > 0 && TITLE_MODIFIER.test(words[words.length - 1]!)) title.unshift(words.pop()!);
  return squeeze(title.join(' '));
}

const NAME_CHAR = /^[\p{L}'’-]$/u;

/**
 * The word {@link WORDS_BEFORE} would take as its last (the run of letters, apostrophes and hyphens ending in the
 * single space right before `end`, from `from` on), '' when there is none, null when a surrogate pair is in the
 * way and only the pattern can tell.
 */
function wordBefore(text: string, from: number, end: number): string | null {
  const space = end - 1;
  if (space < from || text.charCodeAt(space) !== 32) return '';
  let k = space;
  while (k > from) {
    const c = text.charCodeAt(k - 1);
    if (c >= 0xd800 && c <= 0xdfff) return null;
    const letter = c < 0x80 ? (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45 : NAME_CHAR.test(text[k - 1]!);
    if (!letter) break;
    k--;
  }
  return text.slice(k, space);
}

/** Lower case without spaces and hyphens, so "Vize-Außenminister" and "Vizeaußenminister" compare equal. */
function squeeze(s: string): string {
  return s.toLowerCase().replace(/[\s\-‐‑–'’]+/g, '');
}

/** German inflection a title may carry that its description does not ("Außenministerin", "Botschafters"). */
const INFLECTION = /(innen|in|en|s|n)$/;

/** True when the entity's description (in either language) holds the title. */
export function titleFits(title: string, entity: Entity | undefined): boolean {
  if (!entity) return false;
  const described = squeeze(`${entity.description.de} ${entity.description.en}`);
  const stem = title.replace(INFLECTION, '');
  return described.includes(title) || (stem.length >= 5 && described.includes(stem));
}
