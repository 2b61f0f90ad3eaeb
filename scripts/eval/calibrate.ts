/**
 * Calibration: what a claim's raw coverage says about whether it is right. Fitted on labelled passages (each
 * reported claim, right or wrong) by isotonic regression, so the share right never falls as coverage rises, then
 * thinned to a few breakpoints that shared/match/calibration.ts interpolates between.
 */

/** A labelled reported claim: its raw coverage and whether it was right. */
export interface Judged {
  coverage: number;
  right: boolean;
}

/** Pool-adjacent-violators: non-decreasing share right over coverage; blocks of [coverage from, to, share, count]. */
export function isotonic(items: readonly Judged[]): { from: number; to: number; share: number; count: number }[] {
  const sorted = [...items].sort((a, b) => a.coverage - b.coverage);
  const blocks: { from: number; to: number; sum: number; count: number }[] = [];
  for (const j of sorted) {
    blocks.push({ from: j.coverage, to: j.coverage, sum: j.right ? 1 : 0, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.count < b.sum / b.count) break;
      blocks.splice(blocks.length - 2, 2, { from: a.from, to: b.to, sum: a.sum + b.sum, count: a.count + b.count });
    }
  }
  return blocks.map((b) => ({ from: b.from, to: b.to, share: b.sum / b.count, count: b.count }));
}

/**
 * Breakpoints [coverage, probability] for interpolation: each block's middle at its share right, shrunk towards
 * the overall share by a prior of `prior` passages so that a block of two does not claim 100 %.
 */
export function breakpoints(items: readonly Judged[], prior = 4): [number, number][] {
  if (items.length === 0) return [];
  const base = items.filter((j) => j.right).length / items.length;
  const points = isotonic(items).map(
    (b) => [Math.round(((b.from + b.to) / 2) * 1000) / 1000, Math.round(((b.share * b.count + base * prior) / (b.count + prior)) * 1000) / 1000] as [number, number],
  );
  // Shrinking can break the order between a small block and its neighbour: keep it non-decreasing.
  for (let k = 1; k < points.length; k++) if (points[k]![1] < points[k - 1]![1]) points[k]![1] = points[k - 1]![1];
  return points;
}
