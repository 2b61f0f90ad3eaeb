/**
 * Held-out checks: text the knowledge base was not built from.
 * - leave-one-out: each corpus article matched by a KB built without it;
 * - our own articles (English and German, other outlets' wording) whose sentences name the corpus passage they
 *   restate: the gold claims of a sentence are the claims stated at that passage;
 * - distractor sentences on the same topic that state no known claim.
 */
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { buildMatcher } from '../../shared/match/index.ts';
import type { Matcher, MatcherOptions } from '../../shared/match/types.ts';
import { stripMarks } from './marks.ts';
import { emptyTally, tally, type Labelled, type Tally } from './metrics.ts';

/**
 * One sentence of an eval article: its marked text, and what it states: the corpus passages it restates (its
 * gold claims are those stated there), or the claims themselves, named by id.
 */
export interface EvalSentence {
  text: string;
  renders?: { source: string; quote: string }[];
  claims?: string[];
}

/** An eval article as written in scripts/eval/data. */
export interface EvalArticle {
  id: string;
  title: string;
  sentences: EvalSentence[];
}

/** A distractor sentence: states no known claim. */
export interface Distractor {
  lang: 'de' | 'en';
  text: string;
}

/** Claim and entity tallies of one run. */
export interface Scores {
  claims: Tally;
  entities: Tally;
}

/** Claims stated at a corpus passage: those with an occurrence in that source overlapping it. */
function claimsAt(kb: KnowledgeBase, source: string, quote: string): string[] {
  const text = kb.sources.find((s) => s.id === source)?.text ?? '';
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`eval data: quote not found in ${source}: ${quote.slice(0, 60)}`);
  const end = start + quote.length;
  return kb.claims
    .filter((c) => c.occurrences.some((o) => o.source === source && o.selector[1].start < end && start < o.selector[1].end))
    .map((c) => c.id);
}

/** Leave-one-out over the corpus: article k matched by a KB without it. */
export function leaveOneOut(kb: KnowledgeBase, options: MatcherOptions = {}): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const source of kb.sources) {
    const matcher = buildMatcher(kb, { ...options, excludeSource: source.id });
    const visible = kb.claims.filter((c) => c.occurrences.some((o) => o.source !== source.id));
    const gold: Labelled[] = visible.flatMap((c) =>
      c.occurrences
        .filter((o) => o.source === source.id)
        .map((o) => ({ id: c.id, start: o.selector[1].start, end: o.selector[1].end })),
    );
    const found = matcher.match(source.text).claims.map((m) => ({ id: m.claim, start: m.start, end: m.end }));
    out.set(source.id, tally(emptyTally(), gold, found));
  }
  return out;
}

/** An eval article as one text with its gold claim and entity spans. */
export interface PreparedArticle {
  text: string;
  claims: Labelled[];
  entities: Labelled[];
}

/** Joins an eval article's sentences into one text and places its gold labels in it. */
export function prepareArticle(kb: KnowledgeBase, article: EvalArticle): PreparedArticle {
  let text = '';
  const claims: Labelled[] = [];
  const entities: Labelled[] = [];
  article.sentences.forEach((sentence, k) => {
    if (k > 0) text += k === 1 ? '\n' : ' ';
    const plain = stripMarks(sentence.text);
    const start = text.length;
    text += plain.text;
    for (const m of plain.mentions) entities.push({ id: m.entity, start: start + m.start, end: start + m.end });
    const ids = new Set([...(sentence.claims ?? []), ...(sentence.renders ?? []).flatMap((r) => claimsAt(kb, r.source, r.quote))]);
    for (const id of sentence.claims ?? []) {
      if (!kb.claims.some((c) => c.id === id)) throw new Error(`eval data: unknown claim ${id} in ${article.id}`);
    }
    for (const id of ids) claims.push({ id, start, end: text.length });
  });
  return { text, claims, entities };
}

/** Our own articles: each sentence's gold claims against what the matcher finds in the whole article. */
export function scoreArticle(kb: KnowledgeBase, article: EvalArticle, options: MatcherOptions = {}): Scores {
  const matcher = buildMatcher(kb, options);
  const { text, claims, entities } = prepareArticle(kb, article);
  const result = matcher.match(text);
  return {
    claims: tally(emptyTally(), claims, result.claims.map((m) => ({ id: m.claim, start: m.start, end: m.end }))),
    entities: tally(emptyTally(), entities, result.entities.map((m) => ({ id: m.entity, start: m.start, end: m.end }))),
  };
}

/** A matcher's claims with their raw coverage, as labelled spans. */
function claimsFound(matcher: Matcher, text: string): (Labelled & { coverage: number })[] {
  return matcher.match(text).claims.map((m) => ({ id: m.claim, start: m.start, end: m.end, coverage: m.coverage ?? m.score }));
}

/** Claim tallies at each threshold of `grid`, from one run of a matcher built with a threshold at most the lowest. */
function sweepOf(gold: readonly Labelled[], found: readonly (Labelled & { coverage: number })[], grid: readonly number[]): Tally[] {
  return grid.map((t) => tally(emptyTally(), gold, found.filter((f) => f.coverage >= t)));
}

/** An own article's claim tallies at each threshold of `grid` (`matcher` built with a threshold at most grid[0]). */
export function sweepArticle(kb: KnowledgeBase, article: EvalArticle, matcher: Matcher, grid: readonly number[]): Tally[] {
  const { text, claims } = prepareArticle(kb, article);
  return sweepOf(claims, claimsFound(matcher, text), grid);
}

/** Each claim a matcher reports in an own article, with its raw coverage and whether a gold label bears it out. */
export function judgeArticle(kb: KnowledgeBase, article: EvalArticle, matcher: Matcher): { coverage: number; right: boolean }[] {
  const { text, claims } = prepareArticle(kb, article);
  return claimsFound(matcher, text).map((f) => ({
    coverage: f.coverage,
    right: claims.some((g) => g.id === f.id && g.start < f.end && f.start < g.end),
  }));
}

/** Leave-one-out over the corpus, as tallies at each threshold of `grid`, one list per article. */
export function sweepLeaveOneOut(kb: KnowledgeBase, grid: readonly number[], options: MatcherOptions = {}): Tally[][] {
  return kb.sources.map((source) => {
    const matcher = buildMatcher(kb, { ...options, threshold: grid[0], excludeSource: source.id });
    const gold: Labelled[] = kb.claims
      .filter((c) => c.occurrences.some((o) => o.source !== source.id))
      .flatMap((c) =>
        c.occurrences
          .filter((o) => o.source === source.id)
          .map((o) => ({ id: c.id, start: o.selector[1].start, end: o.selector[1].end })),
      );
    return sweepOf(gold, claimsFound(matcher, source.text), grid);
  });
}

/** Distractors: every claim found in one is a false positive. */
export function scoreDistractors(kb: KnowledgeBase, items: readonly Distractor[], options: MatcherOptions = {}) {
  const matcher = buildMatcher(kb, options);
  const falsePositives: { text: string; claims: string[] }[] = [];
  const entities = emptyTally();
  for (const item of items) {
    const plain = stripMarks(item.text);
    const result = matcher.match(plain.text);
    if (result.claims.length) falsePositives.push({ text: plain.text, claims: result.claims.map((c) => c.claim) });
    tally(
      entities,
      plain.mentions.map((m) => ({ id: m.entity, start: m.start, end: m.end })),
      result.entities.map((m) => ({ id: m.entity, start: m.start, end: m.end })),
    );
  }
  return { total: items.length, falsePositives, entities };
}
