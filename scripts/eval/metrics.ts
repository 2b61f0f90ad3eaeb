/** Counting hits against gold spans: a found span counts when it overlaps a gold span of the same id. */

/** An id with a span, found or gold. */
export interface Labelled {
  id: string;
  start: number;
  end: number;
}

/** Counts behind recall and precision. */
export interface Tally {
  gold: number;
  goldFound: number;
  found: number;
  foundRight: number;
}

export const emptyTally = (): Tally => ({ gold: 0, goldFound: 0, found: 0, foundRight: 0 });

const overlaps = (a: Labelled, b: Labelled) => a.id === b.id && a.start < b.end && b.start < a.end;

/** Adds one text's gold and found spans to a tally. */
export function tally(into: Tally, gold: readonly Labelled[], found: readonly Labelled[]): Tally {
  into.gold += gold.length;
  into.goldFound += gold.filter((g) => found.some((f) => overlaps(f, g))).length;
  into.found += found.length;
  into.foundRight += found.filter((f) => gold.some((g) => overlaps(f, g))).length;
  return into;
}

/** Adds one tally to another. */
export function add(into: Tally, more: Tally): Tally {
  into.gold += more.gold;
  into.goldFound += more.goldFound;
  into.found += more.found;
  into.foundRight += more.foundRight;
  return into;
}

export const recall = (t: Tally) => (t.gold ? t.goldFound / t.gold : 1);
export const precision = (t: Tally) => (t.found ? t.foundRight / t.found : 1);

/** "85.0% (17/20)" */
export function percent(part: number, whole: number): string {
  return `${whole ? ((100 * part) / whole).toFixed(1) : '—'}% (${part}/${whole})`;
}
