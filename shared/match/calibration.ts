/**
 * What a claim's score means: the share of passages at that raw coverage that were right, fitted on labelled
 * passages (`npm run eval -- --calibrate` prints the table: isotonic regression over every claim the matcher
 * reported on the labelled real articles and on our own articles, shrunk towards the overall share). Between the
 * breakpoints the share is interpolated linearly; beyond the ends it stays flat.
 */

/** [raw coverage, share right] in increasing order of both. */
export const CALIBRATION: readonly (readonly [number, number])[] = [
  [0.274, 0.477], [0.307, 0.62], [0.364, 0.702], [0.444, 0.752], [0.491, 0.901], [0.55, 0.969], [0.708, 0.985],
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
