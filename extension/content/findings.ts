/**
 * What the content script found on its page: each highlight as a live DOM Range with the entity or claim it
 * stands for, kept in page order. Shared state between rendering, the hover card, the keyboard and the report.
 */

/** Which highlight style a finding gets. */
export type FindingKind = 'entity' | 'claim';

/** One highlighted passage. */
export interface Finding {
  kind: FindingKind;
  /** Entity or claim id. */
  id: string;
  range: Range;
  /** The passage as the page words it. */
  text: string;
  /** Claim score (1 for entities). */
  score: number;
  /** Offsets into the text of the scan that found it. */
  start: number;
  end: number;
}

/** Document order of two findings; ties (same start) put the longer one first. */
export function comparePosition(a: Finding, b: Finding): number {
  try {
    return (
      a.range.compareBoundaryPoints(Range.START_TO_START, b.range) ||
      b.range.compareBoundaryPoints(Range.END_TO_END, a.range)
    );
  } catch {
    // Ranges in different trees (one was detached meanwhile) have no order; the next prune drops them.
    return 0;
  }
}

/** True while the finding still spans text that is in the page. */
export function isLive(f: Finding): boolean {
  return !f.range.collapsed && f.range.startContainer.isConnected && f.range.endContainer.isConnected;
}

/** The findings of one page, sorted on demand. */
export class FindingStore {
  private items: Finding[] = [];
  private sorted = true;
  /** Hit tests get ranges back from the browser once per frame: a lookup, not a search. */
  private owners = new WeakMap<AbstractRange, Finding>();

  /** Adds findings from a scan. */
  add(found: readonly Finding[]): void {
    if (found.length === 0) return;
    for (const f of found) {
      this.items.push(f);
      this.owners.set(f.range, f);
    }
    this.sorted = false;
  }

  /** Removes and returns the findings for which `drop` says true. */
  removeWhere(drop: (f: Finding) => boolean): Finding[] {
    const removed: Finding[] = [];
    this.items = this.items.filter((f) => (drop(f) ? (removed.push(f), false) : true));
    return removed;
  }

  /** Every finding in page order. */
  all(): readonly Finding[] {
    if (!this.sorted) {
      this.items.sort(comparePosition);
      this.sorted = true;
    }
    return this.items;
  }

  /** The `index`-th highlight of a claim or entity in page order. */
  nth(kind: FindingKind, id: string, index: number): Finding | undefined {
    return this.all().filter((f) => f.kind === kind && f.id === id)[index];
  }

  /** The finding that owns `range` (hit tests get ranges back from the browser). */
  byRange(range: AbstractRange): Finding | undefined {
    return this.owners.get(range);
  }

  get size(): number {
    return this.items.length;
  }
}
