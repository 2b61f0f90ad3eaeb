/**
 * Statement extraction: the sentences of an article's main text that state something another outlet may
 * report too, each with its kinds, its names, its speaker and its span.
 *
 * A statement is a sentence of the running text (not a heading, byline, credit, caption or navigation line)
 * with at least five words that
 * - quotes someone ("…", „…“, «…»): `quote`;
 * - reports speech: "X said / told / warned / according to", "sagte / erklärte / teilte mit / laut / zufolge /
 *   nach Angaben", or German reported speech in the subjunctive ("sei", "habe", "werde"): `reported`;
 * - announces or agrees something ("announced", "will", "agreed", "kündigte an", "beschlossen"): `announcement`;
 * - gives a figure (a number, or "drei Milliarden", "five"): `figure`;
 * - names who did what (a name, in a sentence of six words or more): `event`;
 * - or, in six words or more, states anything else ("The talks lasted for an entire day."): `fact`.
 * The speaker is the name nearest the reporting words outside the quotation, or, for "he said" / "sagte er",
 * the person last named as a speaker or with a title before it.
 */
import type { Lang } from '../kb/types.ts';
import { splitSentences, type Sentence } from '../text/sentences.ts';
import { tokenize, type Tokens } from '../text/tokenize.ts';
import { detectLang } from './lang.ts';
import { findNames, type NameMention } from './names.ts';

export type StatementKind = 'quote' | 'reported' | 'announcement' | 'figure' | 'event' | 'fact';

/** One statement-bearing sentence. Offsets are UTF-16 offsets into the text given to {@link extractStatements}. */
export interface Statement {
  start: number;
  end: number;
  text: string;
  kinds: StatementKind[];
  /** The names it mentions, in text order. */
  names: NameMention[];
  /** Who made it, when it reports speech and the text says who. */
  speaker?: NameMention;
}

/** What an article yields. */
export interface Extraction {
  lang: Lang;
  names: NameMention[];
  statements: Statement[];
}

export const REPORTING: ReadonlySet<string> = new Set(
  (
    'said says say told tells stated states added adds warned warns confirmed confirms declared declares explained ' +
    'explains claimed claims denied denies insisted insists stressed stresses noted notes urged urges described ' +
    'acknowledged admitted argued reported reports wrote writes tweeted replied replies revealed estimated ' +
    'according quoted cited ' +
    'sagte sagt sagten sagen gesagt erklaerte erklaerten erklaert teilte teilten mitteilte mitgeteilt warnte warnt ' +
    'warnten betonte betont bestaetigte bestaetigt bestaetigten berichtete berichtet berichteten sprach aeusserte ' +
    'aeussert fuegte forderte fordert verkuendete bezeichnete kritisierte hiess heisst laut zufolge angaben meldete ' +
    'schrieb schreibt raeumte bekraeftigte unterstrich versicherte dementierte dementiert wies gab erwaehnte'
  ).split(' '),
);

/** German subjunctive forms that mark reported speech ("Die Lage sei ernst"). */
const SUBJUNCTIVE = new Set('sei seien habe werde koenne muesse gebe wolle solle duerfe liege stehe bestehe fehle'.split(' '));

const ANNOUNCING = new Set(
  (
    'announced announces announce will plans plan planned agreed agrees decided intends pledged promised launched ' +
    'approved unveiled ordered signed ' +
    'kuendigte angekuendigt kuendigt verkuendet will wollen plant planen geplant beschlossen beschloss vereinbart vereinbarten ' +
    'einigten einigte bekanntgegeben bekannt zugesagt versprach ordnete unterzeichnet unterzeichnete genehmigt'
  ).split(' '),
);

const NUMBER_WORDS = new Set(
  (
    'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand ' +
    'thousands million millions billion billions trillion dozen dozens percent half ' +
    'zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf zwanzig dreissig vierzig fuenfzig hundert ' +
    'hunderte tausend tausende million millionen milliarde milliarden billion billionen dutzend dutzende prozent haelfte'
  ).split(' '),
);

const PRONOUNS = new Set('he she they er sie'.split(' '));

const QUOTE_CHARS = /[„“”"«»]/g;
const OPENING_MARKS = new Set(['„', '“', '"', '«', '»', '‚', '‘', '(']);
const DIGIT = /\d/;

/** Lines that are not running text: credits, copyright, bylines, dates, prompts to read on, navigation. */
const BOILERPLATE: readonly RegExp[] = [
  /^\s*(?:fotos?|photos?|bilder?|images?|credits?|quelle|source|video)\s*:/i,
  /©|\(c\)\s|\bcopyright\b|all rights reserved|alle rechte vorbehalten/i,
  /\b(?:read more|read also|see also|related|more on this|mehr zum thema|lesen sie auch|lesen sie mehr|auch interessant|weiterlesen|jetzt abonnieren|subscribe|newsletter|sign up|share this|zum artikel)\b/i,
  /\b(?:via (?:ap|afp|reuters|getty)|getty images|\/ap\/|\/dpa\b|\/afp\b|\(photo\b|\(foto\b|^file\s+[-–—])/i,
  /^\s*(?:published|updated|veröffentlicht|aktualisiert|stand)\b[^\n]{0,60}\d/i,
  /^\s*(?:[Bb]y|[Vv]on)\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s*(?:[,|/·•(–-].*)?$/u,
  /^\s*(?:[^|›·•>]*\s[|›·•>]\s){2,}[^|›·•>]*$/,
];

/** Whether a line of the text is boilerplate rather than article prose. */
export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((re) => re.test(line));
}

/** A heading or a navigation item: short, and no end punctuation. */
function isHeading(line: string, words: number): boolean {
  return words < 12 && !/[.!?…"“”»«'’:]\s*$/.test(line);
}

const MIN_WORDS = 5;
const EVENT_WORDS = 6;

/** The statements of an article's main text. */
export function extractStatements(text: string, lang: Lang = detectLang(text)): Extraction {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens);
  const names = findNames(text, tokens, sentences, lang);
  const statements: Statement[] = [];
  const skip = skippedLines(text, tokens);
  let n = 0;
  let lastPerson: NameMention | undefined;
  for (const sentence of sentences) {
    const own: NameMention[] = [];
    while (n < names.length && names[n]!.start < sentence.start) n++;
    for (let m = n; m < names.length && names[m]!.start < sentence.end; m++) own.push(names[m]!);
    const words = sentence.last - sentence.first;
    if (words < MIN_WORDS || skip(sentence)) continue;
    const kinds = kindsOf(text, tokens, sentence, own, lang);
    const speaker = kinds.includes('quote') || kinds.includes('reported') ? speakerOf(text, tokens, sentence, own, lastPerson) : undefined;
    const person = speaker ?? own.find((m) => m.person);
    if (person && !person.acronym) lastPerson = person;
    if (kinds.length === 0) continue;
    // A quotation's opening mark stands before the sentence's first word: it belongs to the statement.
    let start = sentence.start;
    while (start > 0 && OPENING_MARKS.has(text[start - 1]!)) start--;
    const statement: Statement = { start, end: sentence.end, text: text.slice(start, sentence.end), kinds, names: own };
    if (speaker) statement.speaker = speaker;
    statements.push(statement);
  }
  return { lang, names, statements };
}

/** A test for sentences that lie in boilerplate or heading lines. */
function skippedLines(text: string, tokens: Tokens): (s: Sentence) => boolean {
  const bad: { start: number; end: number }[] = [];
  let from = 0;
  let k = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl === -1 ? text.length : nl;
    const line = text.slice(from, to);
    let words = 0;
    while (k < tokens.count && tokens.start[k]! < to) (words += tokens.start[k]! >= from ? 1 : 0), k++;
    if (line.trim() !== '' && (isBoilerplate(line) || isHeading(line.trim(), words))) bad.push({ start: from, end: to });
    if (nl === -1) break;
    from = nl + 1;
  }
  return (s) => bad.some((b) => s.start >= b.start && s.start < b.end);
}

function kindsOf(text: string, tokens: Tokens, s: Sentence, names: readonly NameMention[], lang: Lang): StatementKind[] {
  const kinds: StatementKind[] = [];
  const opening = s.start > 0 && OPENING_MARKS.has(text[s.start - 1]!) ? text[s.start - 1]! : '';
  const body = opening + text.slice(s.start, s.end);
  const quotes = body.match(QUOTE_CHARS)?.length ?? 0;
  if (quotes > 0 && quotedWords(body) >= 3) kinds.push('quote');
  let reported = false;
  let announced = false;
  let figure = false;
  for (let k = s.first; k < s.last; k++) {
    const w = tokens.norm[k]!;
    if (REPORTING.has(w) || (lang === 'de' && SUBJUNCTIVE.has(w))) reported = true;
    if (ANNOUNCING.has(w)) announced = true;
    if (DIGIT.test(w) || NUMBER_WORDS.has(w)) figure = true;
  }
  if (lang === 'de' && /,\s+so\s+(?:der|die|\p{Lu})/u.test(body)) reported = true;
  if (reported) kinds.push('reported');
  if (announced) kinds.push('announcement');
  if (figure) kinds.push('figure');
  if (names.length > 0 && s.last - s.first >= EVENT_WORDS) kinds.push('event');
  if (kinds.length === 0 && s.last - s.first >= EVENT_WORDS) kinds.push('fact');
  return kinds;
}

/** Words inside quotation marks (from the first quote mark to the last, or to the end when one is open). */
function quotedWords(body: string): number {
  const first = body.search(QUOTE_CHARS);
  let last = -1;
  for (const m of body.matchAll(QUOTE_CHARS)) last = m.index;
  const inner = last > first ? body.slice(first + 1, last) : body.slice(first + 1);
  return inner.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** Where the quotation of a sentence lies, so that names inside it are not taken for its speaker. */
function quotedRange(text: string, s: Sentence): { start: number; end: number } | undefined {
  const from = s.start > 0 && OPENING_MARKS.has(text[s.start - 1]!) ? s.start - 1 : s.start;
  const body = text.slice(from, s.end);
  const marks = [...body.matchAll(QUOTE_CHARS)].map((m) => m.index + from - s.start);
  if (marks.length === 0) return undefined;
  if (marks.length === 1) {
    // One mark: a quotation that opens here and runs on, or one that began in an earlier sentence.
    return marks[0]! < body.length / 2 ? { start: s.start + marks[0]!, end: s.end } : { start: s.start, end: s.start + marks[0]! };
  }
  return { start: s.start + marks[0]!, end: s.start + marks[marks.length - 1]! + 1 };
}

function speakerOf(
  text: string,
  tokens: Tokens,
  s: Sentence,
  names: readonly NameMention[],
  lastPerson: NameMention | undefined,
): NameMention | undefined {
  const quoted = quotedRange(text, s);
  const outside = names.filter((m) => !quoted || m.end <= quoted.start || m.start >= quoted.end);
  let cue = -1;
  for (let k = s.first; k < s.last && cue < 0; k++) if (REPORTING.has(tokens.norm[k]!)) cue = k;
  if (cue >= 0) {
    // "Ljungqvist said", "said Prigozhin", "sagte Prigoschin", "laut Mauger": the name next to the reporting word.
    const at = tokens.start[cue]!;
    const after = tokens.end[cue]!;
    const next = outside.find(
      (m) => (m.end <= at && /^[\s,]*$/.test(text.slice(m.end, at))) || (m.start >= after && /^\s*(?:to\s+)?$/.test(text.slice(after, m.start))),
    );
    if (next) return next;
    for (let k = Math.max(s.first, cue - 2); k < Math.min(s.last, cue + 3); k++) {
      if (PRONOUNS.has(tokens.norm[k]!)) return lastPerson;
    }
  }
  const person = outside.find((m) => m.person);
  if (person) return person;
  if (outside.length > 0 && cue >= 0) {
    const at = tokens.start[cue]!;
    const distance = (m: NameMention) => (m.end <= at ? at - m.end : m.start - at);
    return [...outside].sort((a, b) => distance(a) - distance(b))[0];
  }
  return undefined;
}
