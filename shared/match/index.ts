/**
 * The matcher: pure functions over strings, the same code in the content script, the command line, the
 * build and the tests. Build once per knowledge base with buildMatcher, then match any number of texts.
 */
import type { Claim, KnowledgeBase } from '../kb/types.ts';
import { splitSentences, type Sentence } from '../text/sentences.ts';
import { tokenize, type Tokens } from '../text/tokenize.ts';
import { calibrated } from './calibration.ts';
import { ClaimIndex } from './claims.ts';
import { pointsBack } from './context.ts';
import { buildEntityIndex, scanEntities, type EntityIndex, type ShortMention } from './entities.ts';
import { FeatureSet, FeatureSpace, passageFeatures, SentenceFeaturizer } from './features.ts';
import { Lexicon } from './lexicon.ts';
import { resolveShortForms } from './resolve.ts';
import type { ClaimMatch, EntityMatch, Matcher, MatcherOptions, MatchResult } from './types.ts';

export type { ClaimMatch, EntityMatch, Matcher, MatcherOptions, MatchResult } from './types.ts';

/** What the matcher needs of a knowledge base: no source texts. */
export type MatcherKb = Pick<KnowledgeBase, 'entities' | 'claims' | 'concepts'>;

/**
 * Raw coverage from which a sentence is reported as stating a claim: the highest recall at 90 % precision on the
 * labelled real articles (npm run eval shows it chosen again with each article left out).
 */
export const DEFAULT_THRESHOLD = 0.48;

function findEntities(index: EntityIndex, text: string, tokens: Tokens, sentences: readonly Sentence[]): EntityMatch[] {
  const { full, short } = scanEntities(index, text, tokens);
  return resolveShortForms(full, short, index.byId, sentences);
}

/** In a claim's own passage a short form names whichever candidate the claim is about. */
function claimEntities(index: EntityIndex, claim: Claim, text: string, tokens: Tokens): EntityMatch[] {
  const { full, short } = scanEntities(index, text, tokens);
  const own = new Set([...claim.about, ...(claim.speaker ? [claim.speaker] : [])]);
  const pick = (m: ShortMention) => m.candidates.filter((id) => own.has(id));
  const resolved = short.flatMap((m) => {
    const [only, ...more] = pick(m);
    return only && more.length === 0 ? [{ entity: only, start: m.start, end: m.end }] : [];
  });
  return [...full, ...resolved].sort((a, b) => a.start - b.start);
}

/** The claims as the matcher sees them: without the excluded source, and without claims only it stated. */
function visibleClaims(claims: readonly Claim[], excludeSource: string | undefined): Claim[] {
  if (!excludeSource) return [...claims];
  return claims
    .map((c) => ({ ...c, occurrences: c.occurrences.filter((o) => o.source !== excludeSource) }))
    .filter((c) => c.occurrences.length > 0);
}

function renderingsOf(claim: Claim, statements: boolean): string[] {
  const quotes = claim.occurrences.map((o) => o.selector[0].exact);
  return statements ? [claim.statement.de, claim.statement.en, ...quotes] : quotes;
}

/** Share of a further claim's weight a sentence must cover beyond the claims already found in it; tuned like the threshold. */
export const DEFAULT_DISTINCT = 0.35;

/** Compiles a knowledge base into a matcher. */
export function buildMatcher(kb: MatcherKb, options: MatcherOptions = {}): Matcher {
  const steps = matcherBuildSteps(kb, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What {@link buildMatcherInSlices} asks of its caller's scheduler. */
export interface BuildSlicer {
  /** True when the current slice of work has used up its budget. */
  timeUp(): boolean;
  /** Gives the thread back; resolves when the build may go on (rejects to cancel it). */
  pause(): Promise<void>;
}

/** Compiles a knowledge base like {@link buildMatcher}, pausing between steps whenever the slicer's time is up. */
export async function buildMatcherInSlices(kb: MatcherKb, options: MatcherOptions, slicer: BuildSlicer): Promise<Matcher> {
  const steps = matcherBuildSteps(kb, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slicer.timeUp()) await slicer.pause();
  }
}

/**
 * The build as a generator, so one code path serves both builders: it yields between steps (entity index,
 * lexicon, each claim's renderings, the claim index), where an incremental caller may give the thread back.
 */
export function* matcherBuildSteps(kb: MatcherKb, options: MatcherOptions = {}): Generator<void, Matcher, void> {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const distinct = options.distinct ?? DEFAULT_DISTINCT;
  const entityIndex = buildEntityIndex(kb.entities);
  yield;
  const lexicon = new Lexicon(kb.concepts);
  yield;
  const space = new FeatureSpace(kb.entities);
  const claims = visibleClaims(kb.claims, options.excludeSource);
  const renderings: { claim: number; features: ReturnType<typeof passageFeatures> }[] = [];
  for (let index = 0; index < claims.length; index++) {
    const claim = claims[index]!;
    for (const text of renderingsOf(claim, options.statements ?? true)) {
      const tokens = tokenize(text);
      const entities = claimEntities(entityIndex, claim, text, tokens);
      const features = passageFeatures(tokens, 0, tokens.count, entities, lexicon, space, true, text);
      // A source's passage often leaves who and what to the sentences around it ("Diese Entscheidung sei eine
      // Reaktion auf Waffenlieferungen an die Ukraine": Putin's, about North Korea). The claim's speaker and
      // entities belong to what it says all the same, so a sentence must name them too to cover the rendering.
      for (const id of [...claim.about, ...(claim.speaker ? [claim.speaker] : [])]) {
        features.add(space.id(space.entityName(id), true));
      }
      renderings.push({ claim: index, features });
    }
    yield;
  }
  const claimIndex = new ClaimIndex(claims, renderings, space, options.symmetric ?? true);
  const featurizer = new SentenceFeaturizer(lexicon, space);
  // The sentence being matched and the one before it (its context, where it points back), swapped as it goes.
  let features = new FeatureSet(space.names.length);
  let before = new FeatureSet(space.names.length);
  const useContext = options.context ?? true;

  const matchClaims = (text: string, tokens: Tokens, sentences: readonly Sentence[], entities: readonly EntityMatch[]): ClaimMatch[] => {
    const out: ClaimMatch[] = [];
    let e = 0;
    before.clear();
    for (const sentence of sentences) {
      while (e < entities.length && entities[e]!.start < sentence.start) e++;
      let f = e;
      while (f < entities.length && entities[f]!.start < sentence.end) f++;
      [features, before] = [before, features];
      featurizer.features(text, tokens, sentence.first, sentence.last, entities, e, f, features);
      const context = useContext && before.size > 0 && pointsBack(text, tokens, sentence.first, sentence.last) ? before : undefined;
      for (const { claim, score } of claimIndex.select(features, threshold, distinct, context)) {
        out.push({ claim: claims[claim]!.id, start: sentence.start, end: sentence.end, score: Math.round(calibrated(score) * 1000) / 1000, coverage: score });
      }
    }
    return out;
  };

  return {
    matchEntities(text: string): EntityMatch[] {
      const tokens = tokenize(text);
      return findEntities(entityIndex, text, tokens, splitSentences(text, tokens));
    },
    match(text: string): MatchResult {
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens);
      const entities = findEntities(entityIndex, text, tokens, sentences);
      return { entities, claims: matchClaims(text, tokens, sentences, entities) };
    },
  };
}
