/**
 * One page's life: the full scan at start, partial scans as the page changes, and the report to the background.
 * Scans run one at a time in order; each is extract → match → draw, timed with performance marks that the
 * benchmark reads (cl-extract, cl-match, cl-draw).
 */
import type { Knowledge } from './match/knowledge.ts';
import { matchText } from './match/run.ts';
import { extractText } from './extract/walk.ts';
import { FindingStore, isLive, type Finding } from './findings.ts';
import { createPainter, findingsFor, type Painter } from './render/index.ts';
import { Slicer } from './schedule.ts';
import { insideAny, outermost, type Rescan } from './watch/changes.ts';
import { buildReport } from './report.ts';
import { send } from './messaging.ts';

/** Ranges made between clock reads: tens of thousands at once held the page for ~100 ms in Firefox. */
export const DRAW_SLICE = 500;

/** Wraps a DOM write so the change watcher does not take our own changes for the page's. */
export type WriteGuard = (write: () => void) => void;

/** Times async `work` as a performance measure named `name`. */
async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  performance.mark(`${name}-start`);
  try {
    return await work();
  } finally {
    performance.measure(name, `${name}-start`);
  }
}

/** Times synchronous `work` the same way. */
function timedSync(name: string, work: () => void): void {
  performance.mark(`${name}-start`);
  try {
    work();
  } finally {
    performance.measure(name, `${name}-start`);
  }
}

/** Scans, draws and reports one page. */
export class PageSession {
  readonly store = new FindingStore();
  readonly painter: Painter;
  private queue: Promise<void> = Promise.resolve();
  /** The partial rescan queued but not yet started, which later batches join. */
  private pending: { roots: Set<Node>; removed: boolean } | null = null;
  private reportTimer = 0;

  constructor(
    readonly knowledge: Knowledge,
    private signal: AbortSignal,
    private guard: WriteGuard,
  ) {
    this.painter = createPainter();
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Queues a scan of the whole page, dropping every earlier finding. */
  rescanAll(): Promise<void> {
    return this.enqueue(async () => {
      this.drop(() => true);
      await this.scan(document.body, true);
    });
  }

  /**
   * Queues the work a batch of mutations calls for. Batches that arrive while an earlier one still waits its
   * turn are merged into it, so a page appending faster than we scan gets one larger scan, not a growing queue.
   */
  apply(plan: Rescan, removed: boolean): Promise<void> {
    if (plan.full) return this.rescanAll();
    if (this.pending) {
      for (const root of plan.roots) this.pending.roots.add(root);
      this.pending.removed ||= removed;
      return this.queue;
    }
    const batch = { roots: new Set(plan.roots), removed };
    this.pending = batch;
    return this.enqueue(async () => {
      this.pending = null;
      const roots = outermost([...batch.roots].filter((root) => root.isConnected));
      // One pass over the store for the whole batch: a pass per root made a batch O(roots × findings).
      const inRoots = insideAny(roots);
      this.drop((f) => (batch.removed && !isLive(f)) || inRoots(f.range.startContainer) || inRoots(f.range.endContainer));
      if (roots.length > 0) await this.scan(roots, false);
      if (batch.removed) this.scheduleReport();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      if (!this.signal.aborted) console.warn('Crossread: scan failed', err);
    });
    return this.queue;
  }

  /** Extract → match → draw over one root or a batch of them, as one text. */
  private async scan(roots: Node | readonly Node[] | null, full: boolean): Promise<void> {
    if (!roots) return;
    const { map, complete } = await timed('cl-extract', () => extractText(roots, this.signal));
    const result = await timed('cl-match', () => matchText(this.knowledge.matcher, map.text, this.signal));
    this.signal.throwIfAborted();
    await timed('cl-draw', () => this.draw(map, result));
    this.scheduleReport();
    // The page changed under a long walk: the missing part gets its own pass rather than being lost.
    if (!complete && full) void this.rescanAll();
  }

  /**
   * Turns matches into Ranges a slice at a time, yielding once a slice's budget is spent, then paints them in one
   * go: adding to a registered highlight slice by slice made Chromium restyle and repaint the growing set after
   * every slice (118,000 highlights on the 5 MB page took 10.6 s to draw instead of 39 ms).
   */
  private async draw(map: Parameters<typeof findingsFor>[0], result: Parameters<typeof findingsFor>[1]): Promise<void> {
    const slicer = new Slicer();
    const { entities, claims } = result;
    const found: Finding[] = [];
    for (let i = 0; i < claims.length + entities.length; i += DRAW_SLICE) {
      if (i > 0 && slicer.due()) await slicer.pause(this.signal);
      const part = {
        claims: claims.slice(i, i + DRAW_SLICE),
        entities: entities.slice(Math.max(0, i - claims.length), Math.max(0, i + DRAW_SLICE - claims.length)),
      };
      for (const f of findingsFor(map, part)) found.push(f);
    }
    this.guard(() => this.painter.add(found));
    this.store.add(found);
  }

  private drop(which: (f: Finding) => boolean): void {
    const gone = this.store.removeWhere(which);
    if (gone.length > 0) this.guard(() => this.painter.remove(gone));
  }

  /** Reports once per burst of scans: infinite scroll would otherwise send a report per paragraph. */
  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = window.setTimeout(() => void this.report(), 150);
  }

  private async report(): Promise<void> {
    if (this.signal.aborted) return;
    const answer = await send('page.report', buildReport(this.store.all(), location.href, document.title));
    if (!answer.ok && !this.signal.aborted) console.warn('Crossread:', answer.error);
  }

  private destroy(): void {
    clearTimeout(this.reportTimer);
    this.guard(() => this.painter.destroy());
  }
}
