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
import type { Rescan } from './watch/changes.ts';
import { buildReport } from './report.ts';
import { send } from './messaging.ts';

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

  /** Queues the work a batch of mutations calls for. */
  apply(plan: Rescan, removed: boolean): Promise<void> {
    if (plan.full) return this.rescanAll();
    return this.enqueue(async () => {
      if (removed) this.drop((f) => !isLive(f));
      for (const root of plan.roots) {
        if (!root.isConnected) continue;
        this.drop((f) => f.range.intersectsNode(root));
        await this.scan(root, false);
      }
      if (removed) this.scheduleReport();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      if (!this.signal.aborted) console.warn('Crossread: scan failed', err);
    });
    return this.queue;
  }

  private async scan(root: Node | null, full: boolean): Promise<void> {
    if (!root) return;
    const { map, complete } = await timed('cl-extract', () => extractText(root, this.signal));
    const result = await timed('cl-match', () => matchText(this.knowledge.matcher, map.text, this.signal));
    this.signal.throwIfAborted();
    const found = findingsFor(map, result);
    timedSync('cl-draw', () => this.guard(() => this.painter.add(found)));
    this.store.add(found);
    this.scheduleReport();
    // The page changed under a long walk: the missing part gets its own pass rather than being lost.
    if (!complete && full) void this.rescanAll();
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
