/**
 * What a claim's score means: the share of passages at that raw coverage that were right, fitted on labelled
 * passages (`npm run eval -- --calibrate` prints the table: isotonic regression over every claim the matcher
 * reported on the labelled real articles and on our own articles, shrunk towards the overall share). Between the
 * breakpoints the share is interpolated linearly; beyond the ends it stays flat.
 */

/** [raw coverage, share right] in increasing order of both. */
export const CALIBRATION: readonly (readonly [number, number])[] = [
  [0.27, 0.468], [0.36, 0.468], [0.407, 0.611], [0.437, 0.611], [0.464, 0.646], [0.485, 0.808], [0.513, 0.815],
  [0.57, 0.93], [0.634, 0.932], [0.803, 0.99],
];

/** The calibrated score of a raw coverage, 0..1; the raw coverage itself where no table is given. */
export function calibrated(coverage: number, points: readonly (readonly [number, number])[] = CALIBRATION): number {
  if (points.length === 0) return coverage;
  if (coverage <= points[0]![0]) return points[0]![1];
  for (let k = 1; k < points.length; k++) {
    const [x1, y1] = points[k]!;
    if (coverage <= x1) {
      const [x0, y0] = points[k - 1]!;
      return x1 === x0 ? y1 : y0 + ((coverage - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return points[points.length - 1]![1];
}
