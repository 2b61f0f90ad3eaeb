/**
 * Choosing the operating point (the claim threshold) and leaving articles out while doing it: for each article, the
 * threshold is chosen on the other articles only and the article is scored at it. Articles are scored at every
 * threshold of a grid from one low-threshold run each (see realtext.ts), so this is cheap.
 */
import { add, emptyTally, precision, recall, type Tally } from './metrics.ts';

/** The thresholds tried, on the raw coverage. */
export const GRID: readonly number[] = Array.from({ length: 51 }, (_, k) => Math.round((0.25 + 0.01 * k) * 100) / 100);

/** Precision the operating point must reach on the articles it is chosen on, where any threshold reaches it. */
export const TARGET_PRECISION = 0.9;

/** One article's tallies at each threshold of {@link GRID}. */
export type Sweep = readonly Tally[];

/** The pooled tally of several articles at grid point `k`. */
export function pooled(sweeps: readonly Sweep[], k: number): Tally {
  return sweeps.reduce((t, s) => add(t, s[k]!), emptyTally());
}

const f1 = (t: Tally) => {
  const p = precision(t);
  const r = recall(t);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
};

/**
 * The grid index to use given the articles it is chosen on: the highest recall at which the pooled precision is
 * at least {@link TARGET_PRECISION} (on a tie, the higher threshold); where no threshold gets there, the best F1.
 */
export function choose(sweeps: readonly Sweep[]): number {
  let best = -1;
  for (let k = 0; k < GRID.length; k++) {
    const t = pooled(sweeps, k);
    if (precision(t) < TARGET_PRECISION || t.found === 0) continue;
    if (best < 0 || recall(t) >= recall(pooled(sweeps, best))) best = k;
  }
  if (best >= 0) return best;
  best = 0;
  for (let k = 1; k < GRID.length; k++) if (f1(pooled(sweeps, k)) >= f1(pooled(sweeps, best))) best = k;
  return best;
}

/** Leave one article out: each article scored at the threshold chosen on all the others. */
export function leaveOneArticleOut(sweeps: readonly Sweep[]): { tallies: Tally[]; thresholds: number[] } {
  const tallies: Tally[] = [];
  const thresholds: number[] = [];
  sweeps.forEach((sweep, i) => {
    const k = choose(sweeps.filter((_, j) => j !== i));
    thresholds.push(GRID[k]!);
    tallies.push({ ...sweep[k]! });
  });
  return { tallies, thresholds };
}
