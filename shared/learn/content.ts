/**
 * What two passages share beyond their names: the words that say what happened. Two sentences of one story
 * often share its names, its speaker and a reporting verb ("Biden said …", "sagte Biden …") and little else;
 * two outlets' renderings of one statement share some of its content too: a word, its translation through the
 * lexicon, a cognate, or a figure. Words that frame the report ("told reporters", "in a statement") count for neither.
 */
import type { Concept } from '../kb/types.ts';
import { Lexicon } from '../match/lexicon.ts';
import { STOPWORDS } from '../match/stopwords.ts';
import { tokenize } from '../text/tokenize.ts';
import { cognateKeys } from './cognates.ts';
import { REPORTING } from './extract.ts';
import type { Lang } from '../kb/types.ts';

/** Words that frame a report rather than say what happened ("told reporters", "in a statement"). */
const FRAMING = new Set(
  (
    'reporters reporter journalists statement statements spokesman spokeswoman spokesperson press conference briefing ' +
    'reportern journalisten journalistinnen erklaerung mitteilung sprecher sprecherin pressekonferenz'
  ).split(' '),
);

/** Reads the content words of passages, with the concepts a link is scored with. */
export class ContentWords {
  private readonly lexicon: Lexicon;

  constructor(
    concepts: readonly Concept[],
    /** Normalised words of names (people, places, organisations): never content. */
    private readonly nameWords: ReadonlySet<string>,
  ) {
    this.lexicon = new Lexicon(concepts);
  }

  /** Each content word of a passage, as the keys it may meet another passage's words by. */
  of(text: string, lang: Lang): string[][] {
    const t = tokenize(text);
    const out: string[][] = [];
    for (let i = 0; i < t.count; i++) {
      const w = t.norm[i]!;
      if (w.length < 3 || /\d/.test(w) || STOPWORDS.has(w) || REPORTING.has(w) || FRAMING.has(w) || this.nameWords.has(w)) continue;
      const keys = [`w:${w.slice(0, 5)}`, ...this.lexicon.sense(w).concepts.map((c) => `c:${c}`), ...cognateKeys(w, lang).map((k) => `k:${k}`)];
      out.push(keys);
    }
    return out;
  }

  /** How many content words of `a` meet a content word of `b`. */
  static shared(a: readonly string[][], b: readonly string[][]): number {
    const keys = new Set(b.flat());
    return a.filter((word) => word.some((k) => keys.has(k))).length;
  }
}
