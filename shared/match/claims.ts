/**
 * Claim matching. Each claim is known in several renderings: its canonical statement in German and English
 * and each source's own passage. Every rendering becomes a weighted feature set (see features.ts), a feature
 * weighing more the fewer claims share it. A sentence states a claim when it covers enough of the weight of
 * one rendering: coverage, not mere overlap, so "Putin" and "weapons" alone cover too little of any weapons
 * claim. Candidates come from an inverted index, so each sentence is scored only against claims it touches.
 */
import type { Claim } from '../kb/types.ts';
import { FeatureSpace, KIND_WEIGHT } from './features.ts';

/** One rendering of a claim as weighted features. */
interface Rendering {
  claim: number;
  features: Int32Array;
  weights: Float64Array;
  total: number;
  /** The weight of its features other than entities. */
  content: number;
}

/** Features shared by more than this share of the claims do not nominate candidates (they still score). */
const NOMINATING_SHARE = 0.2;

/**
 * Share of a rendering's non-entity weight a sentence must cover: names alone ("Putin", "North Korea") may
 * not carry a claim; the sentence has to say some of what the claim says. Chosen on leave-one-out runs.
 */
const CONTENT_SHARE = 0.3;

/** And at least this many of its distinct non-entity features: one shared word ("weapons") is not a claim. */
const MIN_CONTENT_HITS = 2;

/** The compiled claim index. */
export class ClaimIndex {
  readonly renderings: Rendering[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly weight: Float64Array;
  /** 1 for entity features, whose weight alone must not make a claim. */
  private readonly entity: Uint8Array;

  constructor(
    readonly claims: readonly Claim[],
    renderingFeatures: readonly { claim: number; features: ReadonlySet<number> }[],
    space: FeatureSpace,
  ) {
    const df = new Map<number, number>();
    const perClaim = claims.map(() => new Set<number>());
    for (const r of renderingFeatures) for (const f of r.features) perClaim[r.claim]!.add(f);
    for (const set of perClaim) for (const f of set) df.set(f, (df.get(f) ?? 0) + 1);
    const n = Math.max(1, claims.length);
    this.weight = new Float64Array(space.names.length);
    this.entity = Uint8Array.from(space.names, (name) => (name.startsWith('e:') ? 1 : 0));
    for (const [f, count] of df) {
      const kind = space.names[f]!.charAt(0);
      this.weight[f] = (KIND_WEIGHT[kind] ?? 1) * Math.log(1 + n / count);
    }
    const maxNominating = Math.max(2, Math.ceil(n * NOMINATING_SHARE));
    for (const r of renderingFeatures) this.addRendering(r.claim, r.features, df, maxNominating);
  }

  private addRendering(claim: number, set: ReadonlySet<number>, df: Map<number, number>, maxNominating: number): void {
    const features = Int32Array.from(set).sort();
    const weights = Float64Array.from(features, (f) => this.weight[f]!);
    const total = weights.reduce((a, b) => a + b, 0);
    let content = 0;
    features.forEach((f, k) => (content += this.entity[f] ? 0 : weights[k]!));
    if (total === 0) return;
    const index = this.renderings.length;
    this.renderings.push({ claim, features, weights, total, content });
    for (const f of features) {
      if ((df.get(f) ?? 0) > maxNominating) continue;
      let list = this.postings.get(f);
      if (!list) this.postings.set(f, (list = []));
      list.push(index);
    }
  }

  /**
   * The claims a sentence states, best first, with their coverage. A claim qualifies when the sentence covers
   * `threshold` of one of its renderings. Related claims share much of their wording ("Putin threatens to arm
   * North Korea" and "the US is troubled by Putin's threat to arm North Korea"), so a sentence that states one
   * would also cover most of the other. Claims are therefore taken greedily, best first, and a further claim
   * is kept only if the sentence also covers `distinct` of its rendering's weight with features that the claims
   * already taken do not explain: the sentence must say something of its own about it.
   */
  select(sentence: ReadonlySet<number>, threshold: number, distinct: number): { claim: number; score: number }[] {
    const candidates = new Set<number>();
    for (const f of sentence) for (const r of this.postings.get(f) ?? []) candidates.add(r);
    const best = new Map<number, { score: number; covered: number; rendering: number }>();
    for (const r of candidates) {
      const rendering = this.renderings[r]!;
      let covered = 0;
      let coveredContent = 0;
      let contentHits = 0;
      for (let k = 0; k < rendering.features.length; k++) {
        const f = rendering.features[k]!;
        if (!sentence.has(f)) continue;
        covered += rendering.weights[k]!;
        if (!this.entity[f]) (coveredContent += rendering.weights[k]!), contentHits++;
      }
      const coverage = covered / rendering.total;
      if (coverage < threshold) continue;
      if (rendering.content > 0 && (coveredContent / rendering.content < CONTENT_SHARE || contentHits < MIN_CONTENT_HITS)) continue;
      const prior = best.get(rendering.claim);
      if (!prior || coverage > prior.score) best.set(rendering.claim, { score: coverage, covered, rendering: r });
    }
    // Whichever explains most of the sentence first; on a tie, the one the sentence covers best.
    const ranked = [...best].sort((a, b) => b[1].covered - a[1].covered || b[1].score - a[1].score || a[0] - b[0]);
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
