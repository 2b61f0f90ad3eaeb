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
}

/** Features shared by more than this share of the claims do not nominate candidates (they still score). */
const NOMINATING_SHARE = 0.2;

/** The compiled claim index. */
export class ClaimIndex {
  readonly renderings: Rendering[] = [];
  private readonly postings = new Map<number, number[]>();
  private readonly weight: Float64Array;

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
    if (total === 0) return;
    const index = this.renderings.length;
    this.renderings.push({ claim, features, weights, total });
    for (const f of features) {
      if ((df.get(f) ?? 0) > maxNominating) continue;
      let list = this.postings.get(f);
      if (!list) this.postings.set(f, (list = []));
      list.push(index);
    }
  }

  /** Each claim's best coverage by a sentence's features, for the claims that reach `threshold`. */
  score(sentence: ReadonlySet<number>, threshold: number): Map<number, number> {
    const candidates = new Set<number>();
    for (const f of sentence) for (const r of this.postings.get(f) ?? []) candidates.add(r);
    const best = new Map<number, number>();
    for (const r of candidates) {
      const rendering = this.renderings[r]!;
      let covered = 0;
      for (let k = 0; k < rendering.features.length; k++) {
        if (sentence.has(rendering.features[k]!)) covered += rendering.weights[k]!;
      }
      const coverage = covered / rendering.total;
      if (coverage >= threshold && coverage > (best.get(rendering.claim) ?? 0)) best.set(rendering.claim, coverage);
    }
    return best;
  }
}
