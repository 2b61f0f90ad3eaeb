/**
 * Claim matching. Each claim is known in several renderings: its canonical statement in German and English
 * and each source's own passage. Every rendering becomes a weighted feature set (see features.ts), a feature
 * weighing more the fewer claims share it. A sentence states a claim when it covers enough of the weight of
 * one rendering: coverage, not mere overlap, so "Putin" and "weapons" alone cover too little of any weapons
 * claim. Candidates come from an inverted index of distinctive features, so each sentence is scored only
 * against the few renderings it can state.
 */
import type { Claim } from '../kb/types.ts';
import { FeatureSpace, KIND_WEIGHT, type FeatureSet } from './features.ts';

/** One rendering of a claim as weighted features. */
interface Rendering {
  claim: number;
  features: Int32Array;
  weights: Float64Array;
  total: number;
  /** The weight of its features other than entities. */
  content: number;
  /** How many of its distinct non-entity features a sentence must share (see {@link MIN_CONTENT_HITS}). */
  minHits: number;
  /** Its features that are not distinctive (not in the postings), checked against a candidate sentence directly. */
  common: Int32Array;
  /** The weight of those: what a candidate can gain beyond its distinctive features. */
  commonWeight: number;
}

/**
 * Share of a rendering's non-entity weight a sentence must cover: names alone ("Putin", "North Korea") may
 * not carry a claim; the sentence has to say some of what the claim says. Chosen on leave-one-out runs.
 */
const CONTENT_SHARE = 0.3;

/**
 * And at least this many of its distinct non-entity features (two where the rendering has only two): one or two
 * shared words ("weapons", "visit") next to the claim's names are not a claim. Raised from two to three on the
 * real articles, where sentences on the same theme name the same people and countries.
 */
const MIN_CONTENT_HITS = 3;

/**
 * Every rendering counts as having this many more features, of average weight, that no sentence covers: so a
 * short rendering is not stated by whatever sentence shares its three or four words (4 of 5 features covered
 * scores 0.5, 12 of 15 scores 0.67). Raised from one to three on the real articles, leaving one article out:
 * the short renderings were the ones that background sentences covered.
 */
const PRIOR_FEATURES = 3;

/**
 * The other direction: how much of the sentence the rendering explains. A short sentence that says the claim and
 * little else ("Putin threatened to arm North Korea.") covers only part of a long rendering, and the prior above
 * keeps it under the threshold, although nothing in it is off the claim. So a candidate also scores the harmonic
 * mean of the share of the sentence's weight it covers and the share of the rendering's weight, each with half an
 * average feature as its own prior, and keeps the higher of the two scores. A background sentence on the same
 * theme says more of its own than the claim does, and scores low on the sentence side. Measured on the real
 * articles, leaving one article out: German 40 → 48 % found at 90 → 92 % right, English 38 → 56 % at 96 → 90 %.
 */
const SYMMETRIC_PRIOR_FEATURES = 0.5;

/**
 * A claim must share at least one distinctive feature with a sentence to be considered: one held by at most
 * a fifth of the claims, and, in a large knowledge base, by at most 64 claims or 1% of them. Features held by
 * more still count towards coverage. So "Putin" does not make every claim about him a candidate for every
 * sentence that names him, and in a knowledge base of 100,000 claims "said" or "government" do not pull in
 * thousands of candidates per sentence.
 */
const NOMINATING_SHARE = 0.2;
const NOMINATING_LARGE_MIN = 64;
const NOMINATING_LARGE_SHARE = 0.01;

/**
 * A sentence that points back at the one before ("Das wäre ein großer Fehler, ließ Putin verlauten." after a
 * sentence on South Korea's arms for Ukraine; see context.ts) states a claim together with it. Such a sentence may
 * cover a rendering's features that only the sentence before has, at this share of their weight. The context
 * nominates no candidate (the sentence must share a distinctive feature itself) and cannot put another actor in a
 * claim's place ({@link ClaimIndex.substitutes} looks at the sentence alone). Measured on the real articles,
 * leaving one article out: German 23 → 26 of 48 found at 91.7 → 92.6 % right, English unchanged (37 of 66).
 */
export const CONTEXT_SHARE = 0.5;

/**
 * And only where the sentence itself has at least this many of the rendering's own words: "Das ist äußerst
 * besorgniserregend" has two of "äußerst besorgt über Putins Drohung", while "This was his first trip abroad"
 * after the threat shares only one word with any rendering of it and says nothing of the threat itself.
 */
const CONTEXT_OWN_HITS = 2;

/** What most sentences state: no claim. */
const NONE: readonly { claim: number; score: number }[] = Object.freeze([]);

/** The compiled claim index. */
export class ClaimIndex {
  readonly renderings: Rendering[] = [];
  /** For each distinctive feature, the renderings that hold it. */
  private readonly postings: Int32Array[];
  private readonly weight: Float64Array;
  /** 1 for entity features, whose weight alone must not make a claim. */
  private readonly entity: Uint8Array;
  /** For entity features: 1 a person, 2 a country (see {@link FeatureSpace.roles}), else 0. */
  private readonly role: Uint8Array;
  /** For each claim, the people and countries any of its renderings names (each holds the speaker and `about`). */
  private readonly claimEntities: Set<number>[];
  /** For those features, the feature marking a mention as only the scene (see FeatureSpace.sceneMarkers), else -1. */
  private readonly sceneMarker: Int32Array;
  // Per-rendering accumulators for one sentence; `seen` says which sentence (round) last reset them.
  private readonly seen: Int32Array;
  private readonly covered: Float64Array;
  private readonly coveredContent: Float64Array;
  private readonly contentHits: Int32Array;
  /** The candidates of the sentence being scored, in the order first met. */
  private readonly candidates: Int32Array;
  private round = 0;
  /** {@link PRIOR_FEATURES} in weight: that many times the mean weight of a rendering's feature. */
  private readonly prior: number;
  /** {@link SYMMETRIC_PRIOR_FEATURES} in weight; 0 when the symmetric score is off. */
  private readonly symmetricPrior: number;

  constructor(
    readonly claims: readonly Claim[],
    renderingFeatures: readonly { claim: number; features: ReadonlySet<number> }[],
    space: FeatureSpace,
    /** Whether a candidate may also score by the share of the sentence it explains (see {@link SYMMETRIC_PRIOR_FEATURES}). */
    private readonly symmetric = true,
  ) {
    const df = new Map<number, number>();
    const perClaim = claims.map(() => new Set<number>());
    for (const r of renderingFeatures) for (const f of r.features) perClaim[r.claim]!.add(f);
    for (const set of perClaim) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1);
    const n = Math.max(1, claims.length);
    this.weight = new Float64Array(space.names.length);
    this.entity = Uint8Array.from(space.names, (name) => (name.startsWith('e:') ? 1 : 0));
    this.role = new Uint8Array(space.names.length);
    for (const [f, type] of space.roles) this.role[f] = type === 'person' ? 1 : 2;
    this.sceneMarker = new Int32Array(space.names.length).fill(-1);
    for (const [f, marker] of space.sceneMarkers) this.sceneMarker[f] = marker;
    this.claimEntities = perClaim.map((features) => new Set([...features].filter((f) => this.role[f])));
    for (const [f, count] of df) {
      const kind = space.names[f]!.charAt(0);
      this.weight[f] = (KIND_WEIGHT[kind] ?? 1) * Math.log(1 + n / count);
    }
    const lists: number[][] = Array.from({ length: space.names.length }, () => []);
    const cap = Math.max(
      2,
      Math.min(Math.ceil(n * NOMINATING_SHARE), Math.max(NOMINATING_LARGE_MIN, Math.ceil(n * NOMINATING_LARGE_SHARE))),
    );
    const nominating = Uint8Array.from(space.names, (_, f) => ((df.get(f) ?? 0) <= cap ? 1 : 0));
    for (const r of renderingFeatures) this.addRendering(r.claim, r.features, lists, nominating);
    this.postings = lists.map((list) => Int32Array.from(list));
    let weightSum = 0;
    let featureCount = 0;
    for (const r of this.renderings) (weightSum += r.total), (featureCount += r.features.length);
    this.prior = featureCount > 0 ? (PRIOR_FEATURES * weightSum) / featureCount : 0;
    this.symmetricPrior = featureCount > 0 ? (SYMMETRIC_PRIOR_FEATURES * weightSum) / featureCount : 0;
    const count = this.renderings.length;
    this.seen = new Int32Array(count);
    this.covered = new Float64Array(count);
    this.coveredContent = new Float64Array(count);
    this.contentHits = new Int32Array(count);
    this.candidates = new Int32Array(count);
  }

  private addRendering(claim: number, set: ReadonlySet<number>, lists: number[][], nominating: Uint8Array): void {
    const features = Int32Array.from(set).sort();
    const weights = Float64Array.from(features, (f) => this.weight[f]!);
    const total = weights.reduce((a, b) => a + b, 0);
    let content = 0;
    let contentCount = 0;
    features.forEach((f, k) => {
      if (this.entity[f]) return;
      content += weights[k]!;
      contentCount++;
    });
    const minHits = Math.max(2, Math.min(MIN_CONTENT_HITS, contentCount));
    if (total === 0) return;
    const index = this.renderings.length;
    const common = features.filter((f) => !nominating[f]);
    const commonWeight = common.reduce((sum, f) => sum + this.weight[f]!, 0);
    this.renderings.push({ claim, features, weights, total, content, minHits, common, commonWeight });
    for (const f of features) if (nominating[f]) lists[f]!.push(index);
  }

  /**
   * Whether the sentence puts another person or country in the place of one the rendering names: "Putin warned
   * Japan that … would be a grave mistake" is not the claim that he warned South Korea so, however much wording
   * the two share. True when the rendering names a person (or country) the sentence does not, and the sentence
   * names one that the claim never names in any of its renderings, other than as the scene ("in Vietnam").
   */
  private substitutes(rendering: Rendering, sentence: FeatureSet): boolean {
    const { role } = this;
    const own = this.claimEntities[rendering.claim]!;
    let missing = 0;
    for (const f of rendering.features) if (role[f] && !sentence.has(f)) missing |= role[f]!;
    if (missing === 0) return false;
    for (let i = 0; i < sentence.size; i++) {
      const g = sentence.ids[i]!;
      if (g >= role.length || !(role[g]! & missing) || own.has(g)) continue;
      if (!sentence.has(this.sceneMarker[g]!)) return true;
    }
    return false;
  }

  /**
   * The claims a sentence states, best first, with their coverage. A claim qualifies when the sentence covers
   * `threshold` of one of its renderings. Related claims share much of their wording ("Putin threatens to arm
   * North Korea" and "the US is troubled by Putin's threat to arm North Korea"), so a sentence that states one
   * would also cover most of the other. Claims are therefore taken greedily, best first, and a further claim
   * is kept only if the sentence also covers `distinct` of its rendering's weight with features that the claims
   * already taken do not explain: the sentence must say something of its own about it.
   *
   */
  select(
    sentence: FeatureSet,
    threshold: number,
    distinct: number,
    /** The sentence before, where the sentence points back at it (see {@link CONTEXT_SHARE}). */
    context?: FeatureSet,
  ): readonly { claim: number; score: number }[] {
    // Candidates: the renderings that share a distinctive feature with the sentence. Their coverage by
    // distinctive features accumulates along the postings; their common features are checked one by one.
    if (++this.round === 0x7fffffff) (this.round = 1), this.seen.fill(0);
    const round = this.round;
    const { seen, covered, coveredContent, contentHits, weight, entity, candidates } = this;
    let candidateCount = 0;
    for (let i = 0; i < sentence.size; i++) {
      const f = sentence.ids[i]!;
      const list = this.postings[f];
      if (!list) continue;
      const w = weight[f]!;
      const isContent = entity[f] === 0;
      for (let k = 0; k < list.length; k++) {
        const r = list[k]!;
        if (seen[r] !== round) {
          seen[r] = round;
          covered[r] = 0;
          coveredContent[r] = 0;
          contentHits[r] = 0;
          candidates[candidateCount++] = r;
        }
        covered[r] = covered[r]! + w;
        if (isContent) {
          coveredContent[r] = coveredContent[r]! + w;
          contentHits[r] = contentHits[r]! + 1;
        }
      }
    }
    let best: Map<number, { score: number; covered: number; rendering: number }> | undefined;
    let sentenceWeight = 0;
    if (this.symmetric && candidateCount > 0) for (let i = 0; i < sentence.size; i++) sentenceWeight += weight[sentence.ids[i]!] ?? 0;
    const sentenceSide = sentenceWeight + this.symmetricPrior;
    for (let c = 0; c < candidateCount; c++) {
      const r = candidates[c]!;
      const rendering = this.renderings[r]!;
      let sum = covered[r]!;
      // Even with every common feature (and all the rest from the context) it could not reach the threshold: most
      // candidates end here. (The symmetric score is at most 2x/(1+x) for a rendering share x.)
      const most = context ? sum + rendering.commonWeight + CONTEXT_SHARE * (rendering.total - sum) : sum + rendering.commonWeight;
      const side = most / (rendering.total + this.symmetricPrior);
      const bound = this.symmetric ? Math.max(most / (rendering.total + this.prior), (2 * side) / (1 + side)) : most / (rendering.total + this.prior);
      if (bound < threshold) continue;
      let sumContent = coveredContent[r]!;
      let hits = contentHits[r]!;
      for (const f of rendering.common) {
        if (!sentence.has(f)) continue;
        sum += weight[f]!;
        if (!entity[f]) (sumContent += weight[f]!), hits++;
      }
      // What the sentence before says of the rendering and this sentence does not, at a discount; it counts on the
      // sentence's side too, as part of what the two say together.
      let filled = 0;
      if (context && hits >= CONTEXT_OWN_HITS) {
        for (let k = 0; k < rendering.features.length; k++) {
          const f = rendering.features[k]!;
          if (sentence.has(f) || !context.has(f)) continue;
          const w = CONTEXT_SHARE * rendering.weights[k]!;
          filled += w;
          if (!entity[f]) (sumContent += w), hits++;
        }
        sum += filled;
      }
      let coverage = sum / (rendering.total + this.prior);
      if (this.symmetric && sum > 0) {
        const ofRendering = sum / (rendering.total + this.symmetricPrior);
        const ofSentence = sum / (sentenceSide + filled);
        coverage = Math.max(coverage, (2 * ofRendering * ofSentence) / (ofRendering + ofSentence));
      }
      if (coverage < threshold) continue;
      if (rendering.content > 0 && (sumContent / rendering.content < CONTENT_SHARE || hits < rendering.minHits)) continue;
      if (this.substitutes(rendering, sentence)) continue;
      const prior = (best ??= new Map()).get(rendering.claim);
      if (!prior || coverage > prior.score) best.set(rendering.claim, { score: coverage, covered: sum, rendering: r });
    }
    if (best === undefined) return NONE;
    // The best covered first; on a tie, the one that explains most of the sentence.
    const ranked = [...best].sort((a, b) => b[1].score - a[1].score || b[1].covered - a[1].covered || a[0] - b[0]);
    const explained = new Set<number>();
    const out: { claim: number; score: number }[] = [];
    for (const [claim, { score, rendering: r }] of ranked) {
      const rendering = this.renderings[r]!;
      let own = 0;
      for (let k = 0; k < rendering.features.length; k++) {
        const f = rendering.features[k]!;
        if (sentence.has(f) && !explained.has(f)) own += rendering.weights[k]!;
      }
      if (out.length > 0 && own / rendering.total < distinct) continue;
      out.push({ claim, score });
      for (const f of rendering.features) if (sentence.has(f)) explained.add(f);
    }
    return out;
  }
}
