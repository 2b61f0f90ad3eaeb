/**
 * Approximate string matching for re-anchoring: edit distance between short strings, and the best approximate
 * occurrence of a pattern inside a window of text (Sellers' semi-global alignment). Both are O(pattern × window),
 * so callers keep windows small.
 */

/** Levenshtein distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length || !b.length) return a.length + b.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let row = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      row[j] = Math.min(sub, (prev[j] as number) + 1, (row[j - 1] as number) + 1);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length] as number;
}

/** Similarity in 0..1: 1 for equal strings, falling with each edit. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** A stretch of the text and its edit distance to the pattern. */
export interface Alignment {
  start: number;
  end: number;
  distance: number;
}

/**
 * The substring of `text[from, to)` closest to `pattern` by edit distance: the pattern may start and end anywhere
 * in the window for free. Ties go to the end nearest `preferEnd`.
 */
export function alignInWindow(pattern: string, text: string, from: number, to: number, preferEnd: number): Alignment {
  const w = to - from;
  // dist[j]/origin[j]: best distance of the pattern's first i characters ending at window column j, and where it began.
  let dist = new Int32Array(w + 1);
  let origin = new Int32Array(w + 1);
  let nextDist = new Int32Array(w + 1);
  let nextOrigin = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) origin[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const c = pattern.charCodeAt(i - 1);
    nextDist[0] = i;
    nextOrigin[0] = 0;
    for (let j = 1; j <= w; j++) {
      let best = (dist[j - 1] as number) + (text.charCodeAt(from + j - 1) === c ? 0 : 1);
      let bestOrigin = origin[j - 1] as number;
      const up = (dist[j] as number) + 1;
      if (up < best) (best = up), (bestOrigin = origin[j] as number);
      const left = (nextDist[j - 1] as number) + 1;
      if (left < best) (best = left), (bestOrigin = nextOrigin[j - 1] as number);
      nextDist[j] = best;
      nextOrigin[j] = bestOrigin;
    }
    [dist, nextDist] = [nextDist, dist];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let bestJ = 0;
  for (let j = 1; j <= w; j++) {
    const d = dist[j] as number;
    const b = dist[bestJ] as number;
    if (d < b || (d === b && Math.abs(from + j - preferEnd) < Math.abs(from + bestJ - preferEnd))) bestJ = j;
  }
  return { start: from + (origin[bestJ] as number), end: from + bestJ, distance: dist[bestJ] as number };
}
