/**
 * One page's life: the full scan at start, partial scans as the page changes, and the report to the background.
 * Scans run one at a time in order; each is extract → match → draw, timed with performance marks that the
 * benchmark reads (cl-extract, cl-match, cl-draw).
 */
import type { ClaimMatch, MatchResult } from '../../shared/match/types.ts';
import type { Knowledge } from './match/knowledge.ts';
import { matchPieces, type PieceMatcher } from './match/remote.ts';
import { offsetInView } from './extract/in-view.ts';
import type { PageText } from './extract/page-text.ts';
import type { TextMap } from './extract/text-map.ts';
import { extractText, type Extraction } from './extract/walk.ts';
import { isLive, type Finding, type FindingKind, type FindingStore } from './findings.ts';
import type { CardSession } from './hover-card/controller.ts';
import type { ToBackground } from './messaging.ts';
import { findingsFor, type Painter } from './render/index.ts';
import { Slicer } from './schedule.ts';
import { insideAny, outermost, type Rescan } from './watch/changes.ts';
import { buildReport } from './report.ts';
import { statementText } from './learn/statement-text.ts';
import { isRejected, pageKey, passageKey, type UserRejection } from '../../shared/userdata/types.ts';

/** Ranges made between clock reads: tens of thousands at once held the page for ~100 ms in Firefox. */
export const DRAW_SLICE = 500;

/** `all` without the matches of `part`, a piece whose matches are in `all` too (the same objects). */
function withoutPart(all: MatchResult, part: MatchResult): MatchResult {
  const seen = new Set<object>([...part.entities, ...part.claims]);
  return { entities: all.entities.filter((m) => !seen.has(m)), claims: all.claims.filter((m) => !seen.has(m)) };
}

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

/** What a page session works with; passed in, so that the content script's parts share one of each. */
export interface SessionDeps {
  /** The knowledge base by id, for the cards; filled when it comes, which the scans do not wait for. */
  knowledge: Knowledge;
  /** Matches a piece of the page's text (the background's matcher, match/remote.ts). */
  match: PieceMatcher;
  /** The page's findings, which the session fills and the hover card, keyboard and annotations read. */
  store: FindingStore;
  /** The page's one full text map. */
  text: PageText;
  painter: Painter;
  /** Runs our own DOM writes out of the change watcher's sight. */
  guard: WriteGuard;
  send: ToBackground;
  signal: AbortSignal;
  /**
   * The page's links to what was read on other sites (content/learn/link.ts): asked beside the local match on
   * every full scan, its spans (into the text given) drawn with the curated claims.
   */
  learned?: (text: string) => Promise<ClaimMatch[]>;
}

/** Scans, draws and reports one page. */
export class PageSession implements CardSession {
  readonly knowledge: Knowledge;
  private readonly match: PieceMatcher;
  private readonly store: FindingStore;
  private readonly text: PageText;
  private readonly painter: Painter;
  private readonly guard: WriteGuard;
  private readonly send: ToBackground;
  private readonly signal: AbortSignal;
  private queue: Promise<void> = Promise.resolve();
  /** The partial rescan queued but not yet started, which later batches join. */
  private pending: { roots: Set<Node>; removed: boolean } | null = null;
  private reportTimer = 0;
  /** Passages the reader rejected for a claim on this page ("Not this claim"): never drawn. */
  private rejected: Array<Pick<UserRejection, 'claimId' | 'quote'>> = [];
  private readonly learned: ((text: string) => Promise<ClaimMatch[]>) | undefined;
  /** Resolves once the passages rejected on this page are known (see rejectionsFrom). */
  private rejectionsIn: Promise<void> = Promise.resolve();
  /** Full scans started so far: links to pages read that arrive after a newer full scan are stale. */
  private fullScans = 0;

  constructor(deps: SessionDeps) {
    this.knowledge = deps.knowledge;
    this.match = deps.match;
    this.store = deps.store;
    this.text = deps.text;
    this.painter = deps.painter;
    this.guard = deps.guard;
    this.send = deps.send;
    this.signal = deps.signal;
    this.learned = deps.learned;
    deps.signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** Every finding in page order. */
  findings(): readonly Finding[] {
    return this.store.all();
  }

  /** The `index`-th highlight of a claim or entity in page order. */
  nth(kind: FindingKind, id: string, index: number): Finding | undefined {
    return this.store.nth(kind, id, index);
  }

  /** Marks the finding the card or the keyboard is on, or none. */
  focus(finding: Finding | null): void {
    this.painter.focus(finding);
  }

  /** Briefly emphasises a finding the page was scrolled to. */
  flash(finding: Finding): void {
    this.painter.flash(finding);
  }

  /** Sets the passages rejected on this page before the first scan (later rejections come through {@link reject}). */
  setRejections(rejections: ReadonlyArray<Pick<UserRejection, 'claimId' | 'quote'>>): void {
    this.rejected = [...rejections];
  }

  /** Like {@link setRejections} from an answer still to come: nothing is drawn before it is in. */
  rejectionsFrom(rejections: Promise<ReadonlyArray<Pick<UserRejection, 'claimId' | 'quote'>>>): void {
    this.rejectionsIn = rejections.then(
      (list) => this.setRejections(list),
      () => undefined,
    );
  }

  private isRejected(f: Finding): boolean {
    return f.kind === 'claim' && isRejected(this.rejected, f.id, f.text);
  }

  /**
   * "Not this claim": the background remembers the rejection (and drops the page as a source through this passage),
   * then every highlight of that claim on a passage worded the same leaves the page. False if the background refused.
   */
  reject(finding: Finding): Promise<boolean> {
    let done = false;
    return this.enqueue(async () => {
      const answer = await this.send('claim.reject', { url: pageKey(location.href), claimId: finding.id, quote: finding.text.slice(0, 10_000) });
      if (!answer.ok) throw new Error(answer.error);
      this.rejected.push({ claimId: finding.id, quote: passageKey(finding.text) });
      this.drop((f) => this.isRejected(f));
      this.scheduleReport();
      done = true;
    }).then(() => done);
  }

  /**
   * "Not this claim" on another source of a claim found here: the background takes that source's passage out and
   * remembers it; a learned claim loses the passage here too, and leaves the page when none is left. The report
   * that follows tells the sidebar. False if the background refused.
   */
  rejectSource(finding: Finding, sourceId: string, quote: string): Promise<boolean> {
    let done = false;
    return this.enqueue(async () => {
      const answer = await this.send('source.reject', { claimId: finding.id, sourceId, quote: quote.slice(0, 10_000), passage: finding.text.slice(0, 10_000) });
      if (!answer.ok) throw new Error(answer.error);
      const claim = this.knowledge.claims.get(finding.id);
      if (claim) {
        const key = passageKey(quote);
        const occurrences = claim.occurrences.filter((o) => !(o.source === sourceId && passageKey(o.selector[0].exact) === key));
        this.knowledge.claims.set(finding.id, { ...claim, occurrences });
      }
      if (answer.value.claimGone) this.drop((f) => f.kind === 'claim' && f.id === finding.id);
      this.scheduleReport();
      done = true;
    }).then(() => done);
  }

  /** Queues a scan of the whole page, dropping every earlier finding. */
  rescanAll(): Promise<void> {
    return this.enqueue(async () => {
      this.drop(() => true);
      await this.scan(() => this.text.read(), true);
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
      if (roots.length > 0) await this.scan(() => extractText(roots, this.signal), false);
      if (batch.removed) this.scheduleReport();
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(task).catch((err: unknown) => {
      if (!this.signal.aborted) console.warn('Crossread: scan failed', err);
    });
    return this.queue;
  }

  /**
   * Extract → match → draw over the whole page's text or a batch of changed roots, as one text. The piece the
   * reader is looking at is matched first and drawn on its own (`cl-view`), then the rest in one draw.
   */
  private async scan(extract: () => Promise<Extraction>, full: boolean): Promise<void> {
    if (!document.body) return;
    const { map, complete } = await timed('cl-extract', extract);
    const generation = full ? ++this.fullScans : this.fullScans;
    // The background links the page to what was read while it matches the rest. Linking can take a second or more
    // once many pages were read, so the page's own findings are drawn first and the links join them when they
    // come; only the <mark> fallback, which splits the page's text nodes as it draws, has to wait for both.
    performance.mark('cl-match-start');
    // The <mark> fallback splits text nodes as it draws, which would leave the rest's text map stale: one draw.
    const pieces = matchPieces(this.match, map.text, this.painter.movesText ? null : offsetInView(map), this.signal);
    const view = await pieces.view;
    this.signal.throwIfAborted();
    // Linking is asked once the piece in view is matched: the background answers one message at a time, and the
    // link (seconds with many pages read) must not hold the first highlights back.
    const learning = full && this.learned ? this.learned(statementText(map)).catch(() => []) : null;
    const viewDrawn = view.entities.length + view.claims.length > 0;
    if (viewDrawn) {
      await this.draw(map, view);
      if (full) performance.mark('cl-view');
    }
    const all = await pieces.all;
    performance.measure('cl-match', 'cl-match-start');
    this.signal.throwIfAborted();
    // What the view piece drew is left out of the second draw (its matches are in `all` too, in text order).
    const result = viewDrawn ? withoutPart(all, view) : all;
    if (learning && this.painter.movesText) {
      const learned = await learning;
      if (learned.length > 0) result.claims = [...result.claims, ...learned].sort((a, b) => a.start - b.start || b.score - a.score);
    } else if (learning) {
      void learning.then((learned) => {
        if (learned.length === 0) return;
        // Drawn from the same text map, unless a newer full scan has replaced what this one drew.
        void this.enqueue(async () => {
          if (this.signal.aborted || generation !== this.fullScans) return;
          await this.draw(map, { entities: [], claims: learned });
          this.scheduleReport();
        });
      });
    }
    await timed('cl-draw', () => this.draw(map, result));
    // How many highlights the page has: on big pages only a window of them is registered (render/highlight-painter.ts).
    if (full) performance.mark('cl-found', { detail: this.store.size });
    this.scheduleReport();
    // The page changed under a long walk: the missing part gets its own pass rather than being lost.
    if (!complete && full) void this.rescanAll();
  }

  /**
   * Turns matches into Ranges a slice at a time, yielding once a slice's budget is spent, then paints them in one
   * go: adding to a registered highlight slice by slice made Chromium restyle and repaint the growing set after
   * every slice (118,000 highlights on the 5 MB page took 10.6 s to draw instead of 39 ms).
   */
  private async draw(map: TextMap<Text>, result: Parameters<typeof findingsFor>[1]): Promise<void> {
    await this.rejectionsIn;
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
    const shown = this.rejected.length > 0 ? found.filter((f) => !this.isRejected(f)) : found;
    this.write(() => this.painter.add(shown));
    this.store.add(shown);
  }

  private drop(which: (f: Finding) => boolean): void {
    const gone = this.store.removeWhere(which);
    if (gone.length > 0) this.write(() => this.painter.remove(gone));
  }

  /** Our own drawing; where it splits and joins text nodes (<mark> fallback), the page's text map is redone. */
  private write(draw: () => void): void {
    this.guard(draw);
    if (this.painter.movesText) this.text.invalidate();
  }

  /** Reports once per burst of scans: infinite scroll would otherwise send a report per paragraph. */
  private scheduleReport(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = window.setTimeout(() => void this.report(), 150);
  }

  private async report(): Promise<void> {
    if (this.signal.aborted) return;
    const answer = await this.send('page.report', buildReport(this.store.all(), location.href, document.title));
    if (!answer.ok && !this.signal.aborted) console.warn('Crossread:', answer.error);
  }

  private destroy(): void {
    clearTimeout(this.reportTimer);
    this.guard(() => this.painter.destroy());
  }
}
