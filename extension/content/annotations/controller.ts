/**
 * The user's annotations on this page: loads them, anchors them in the page's text (orphans kept aside), draws
 * them, opens the toolbar on a selection, and records the page as a source of the known claims found on it.
 * It reads the session's one text map (extract/page-text.ts) and draws through render/, like the matcher's findings.
 *
 *   selection ──extract/offsets──▶ [start,end) ──shared/anchor──▶ selectors ──▶ background (Dexie)
 *   background ──▶ selectors ──shared/anchor──▶ [start,end) ──render/ranges──▶ Range ──render/annotation-painter──▶ highlight
 */
import { browser } from '../../browser-api.ts';
import { anchorSelectors } from '../../../shared/anchor/anchor.ts';
import { describeSpan, type TextSelectors } from '../../../shared/anchor/describe.ts';
import type { AnnotationStatus, PageArticle, ReadClaim } from '../../../shared/messages.ts';
import { pageKey, type UserAnnotation } from '../../../shared/userdata/types.ts';
import { uiLang } from '../../ui/i18n.ts';
import { rangeOffsets } from '../extract/offsets.ts';
import type { PageText } from '../extract/page-text.ts';
import type { TextMap } from '../extract/text-map.ts';
import type { Finding } from '../findings.ts';
import type { UiChunk, UiLoader } from '../lazy-ui/load.ts';
import type { ToBackground } from '../messaging.ts';
import { AnnotationPainter } from '../render/annotation-painter.ts';
import { rangeFor } from '../render/ranges.ts';
import type { ShadowHost } from '../render/shadow-host.ts';
import { pageArticle } from './article.ts';
import { NoteHover, type NotedPassage } from './note-hover.ts';
import { firstPerPassage, recordable } from '../report.ts';
import { articlePublished } from '../article-date.ts';
import type { ToolbarActions } from './Toolbar.tsx';

/** A private window leaves no trace: its pages are neither recorded nor offered as articles. */
const inPrivateWindow = () => browser.extension.inIncognitoContext === true;

/** Wait after a change batch before anchoring orphans again: infinite scroll brings many batches in a row. */
const REANCHOR_DELAY_MS = 200;

/** Room the toolbar's menu needs below a selection before it is placed above it instead. */
const TOOLBAR_ROOM_PX = 60;

/**
 * Where the toolbar goes for a selection whose box (in window coordinates) is `box`: just below it, or just above
 * it when the window has no room below. It moves with the selection, off the window too, rather than stay behind.
 */
export function toolbarPlace(box: Pick<DOMRect, 'top' | 'bottom' | 'left'>, width: number, height: number): { top: number; left: number; above: boolean } {
  const left = Math.max(4, Math.min(box.left, width - 360));
  const above = box.bottom + 6 + TOOLBAR_ROOM_PX > height && box.top - 6 - TOOLBAR_ROOM_PX >= 0;
  return { top: above ? box.top - 6 : box.bottom + 6, left, above };
}

/** What the annotations need from the rest of the content script. */
export interface AnnotationDeps {
  /** The page's one text map. */
  text: PageText;
  /** The matcher's findings on this page, in page order (none until the page session runs). */
  findings: () => readonly Finding[];
  send: ToBackground;
  /** The lazy UI chunk, which holds the toolbar's views. */
  ui: UiLoader;
  signal: AbortSignal;
}

/** Runs annotations on this page until `signal` aborts. */
export class AnnotationController {
  private painter = new AnnotationPainter();
  private annotations: UserAnnotation[] = [];
  private placed = new Map<number, Range>();
  private orphans: number[] = [];
  private recorded: number | null = null;
  private recording: Promise<void> = Promise.resolve();
  private reanchorTimer = 0;
  private host: ShadowHost | null = null;
  /** Stops the open toolbar from following its selection as the page scrolls. */
  private following: AbortController | null = null;
  private readonly text: PageText;
  private readonly findings: () => readonly Finding[];
  private readonly send: ToBackground;
  private readonly ui: UiLoader;
  private readonly signal: AbortSignal;
  private readonly noteHover: NoteHover;

  constructor({ text, findings, send, ui, signal }: AnnotationDeps) {
    this.text = text;
    this.findings = findings;
    this.send = send;
    this.ui = ui;
    this.signal = signal;
    this.noteHover = new NoteHover(ui, signal);
    const onUp = (e: Event) => {
      if (this.host && e.composedPath().includes(this.host.host)) return;
      requestAnimationFrame(() => void this.offerToolbar().catch((err: unknown) => console.warn('Crossread: toolbar', err)));
    };
    // A selection being made is the cue to fetch the toolbar's views, so they are in by the time it ends.
    document.addEventListener('selectionchange', () => getSelection()?.isCollapsed === false && ui.preload(), { signal });
    document.addEventListener('mouseup', onUp, { signal });
    document.addEventListener('keyup', (e) => e.shiftKey && onUp(e), { signal });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  /** The placed passages that carry a note, for the keyboard's steps. */
  notes(): readonly NotedPassage[] {
    return this.noteHover.notes();
  }

  /** Shows a note as the keyboard reaches its passage; `null` hides the one shown. */
  showNote(id: number | null): void {
    if (id === null) this.noteHover.hide();
    else void this.noteHover.showFor(id).catch((err: unknown) => console.warn('Crossread: note', err));
  }

  /** Loads the page's annotations and anchors each; those that cannot be placed become orphans. */
  async refresh(): Promise<void> {
    const answer = await this.send('annotations.list', { url: pageKey(location.href) });
    if (!answer.ok) throw new Error(answer.error);
    this.annotations = answer.value;
    await this.anchorAll();
  }

  /** Anchors the loaded annotations in the page's text as it is now. */
  private async anchorAll(): Promise<void> {
    // A page without annotations (most pages) has nothing to anchor, and no reason to read the page's text.
    const map = this.annotations.length > 0 ? await this.text.current() : null;
    this.placed.clear();
    this.orphans = [];
    for (const a of this.annotations) {
      const range = map && this.place(map, a);
      if (range) this.placed.set(a.id as number, range);
      else this.orphans.push(a.id as number);
    }
    this.painter.show(this.placed.values());
    this.noteHover.set(
      this.annotations.flatMap((a) => {
        const range = this.placed.get(a.id as number);
        return range && a.note.trim() ? [{ id: a.id as number, range, note: a.note.trim() }] : [];
      }),
    );
  }

  /**
   * Called with each batch of page changes: an orphan's passage may have arrived (infinite scroll, late content),
   * or a placed passage may have been removed. Batches in a burst share one anchoring pass.
   */
  pageChanged(removed: boolean): void {
    if (this.orphans.length === 0 && !(removed && this.placed.size > 0)) return;
    clearTimeout(this.reanchorTimer);
    this.reanchorTimer = window.setTimeout(() => {
      void this.anchorAll().catch((err: unknown) => this.signal.aborted || console.warn('Crossread: annotations', err));
    }, REANCHOR_DELAY_MS);
  }

  private place(map: TextMap<Text>, a: UserAnnotation): Range | null {
    if (!Array.isArray(a.selectors)) return null;
    const found = anchorSelectors(map.text, a.selectors);
    return found && rangeFor(map, found.start, found.end);
  }

  /** The placed annotations with the text they cover now, the orphans, and what recording the page answered. */
  status(): AnnotationStatus {
    return {
      placed: [...this.placed].map(([id, range]) => ({ id, text: range.toString() })),
      orphans: this.orphans,
      recorded: this.recorded,
    };
  }

  /** Scrolls to an annotation; false if it is not on the page. */
  scrollTo(id: number): boolean {
    const range = this.placed.get(id);
    if (!range) return false;
    (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
    return true;
  }

  /** The page as an article for the knowledge base, with the known claims found in it. */
  async article(): Promise<PageArticle> {
    if (inPrivateWindow()) throw new Error('this is a private window; nothing is recorded from it');
    const map = await this.text.current();
    return pageArticle(map, this.findings(), { url: pageKey(location.href), title: document.title, lang: document.documentElement.lang });
  }

  /** Records the page as a source of the known claims the matcher found on it (unless recording is off). */
  recordFindings(): Promise<void> {
    return this.recordReading(this.findings(), []);
  }

  /**
   * Records the page as a source of the claims found on it, or those the user confirmed. One request at a time,
   * in order: a confirmation resolves only after the matcher's earlier record is answered.
   */
  private recordReading(findings: readonly Finding[], confirmed: ReadClaim[]): Promise<void> {
    const next = this.recording.then(() => this.sendReading(findings, confirmed));
    this.recording = next.catch(() => undefined);
    return next;
  }

  private async sendReading(findings: readonly Finding[], confirmed: ReadClaim[]): Promise<void> {
    // Only confident matches become sources; a passage the reader confirmed always does.
    const claims = firstPerPassage(recordable(findings));
    if (claims.length === 0 && confirmed.length === 0) return;
    if (inPrivateWindow()) {
      this.recorded = 0;
      return;
    }
    const map = await this.text.current();
    const read: ReadClaim[] = [...confirmed];
    for (const f of claims) {
      const span = rangeOffsets(map, f.range);
      if (span) read.push({ claimId: f.id, selector: describeSpan(map.text, span.start, span.end), confirmed: false });
    }
    if (read.length === 0) return;
    const published = articlePublished(document);
    const page = { url: pageKey(location.href), title: document.title, ...(published ? { published } : {}) };
    const answer = await this.send('page.read', { ...page, claims: read });
    if (answer.ok) this.recorded = answer.value.recorded;
    else if (!this.signal.aborted) console.warn('Crossread:', answer.error);
  }

  private async offerToolbar(): Promise<void> {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return this.closeToolbar();
    const range = selection.getRangeAt(0);
    if (!document.body.contains(range.commonAncestorContainer)) return;
    const map = await this.text.current();
    const span = rangeOffsets(map, range);
    if (!span) return;
    const selectors = describeSpan(map.text, span.start, span.end);
    // The toolbar's views come with the lazy UI chunk; its first load takes a few milliseconds from disk.
    this.openToolbar(await this.ui.load(), selectors, range.cloneRange());
  }

  private openToolbar(ui: UiChunk, selectors: TextSelectors, range: Range): void {
    this.host ??= ui.createToolbarHost();
    const send = this.send;
    const save = async (fields: { note: string; claimId?: string }) => {
      const answer = await send('annotation.save', { url: pageKey(location.href), title: document.title, selectors, ...fields });
      if (!answer.ok) return answer.error;
      if (fields.claimId) {
        await this.recordReading([], [{ claimId: fields.claimId, selector: selectors, confirmed: true }]);
      }
      this.closeToolbar();
      getSelection()?.removeAllRanges();
      await this.refresh();
      return null;
    };
    const lang = uiLang();
    const actions: ToolbarActions = {
      saveNote: (note) => save({ note }),
      pickClaim: (claimId) => save({ note: '', claimId }),
      searchClaims: async (query) => {
        const r = await send('claims.search', { query, lang });
        return r.ok ? r.value : [];
      },
      searchEntities: async (query) => {
        const r = await send('entities.search', { query, lang });
        return r.ok ? r.value : [];
      },
      createClaim: async (statement, speaker, about) => {
        const created = await send('claim.create', { statement, about, ...(speaker ? { speaker } : {}) });
        return created.ok ? save({ note: '', claimId: created.value.id }) : created.error;
      },
      close: () => this.closeToolbar(),
    };
    const key = `${selectors[1].start}-${selectors[1].end}`;
    const layer = this.host.layer;
    const place = () => ui.showToolbar(layer, toolbarPlace(range.getBoundingClientRect(), innerWidth, innerHeight), key, actions);
    place();
    // The toolbar lives in a fixed layer above the page: it is placed again whenever the page (or a scrolling box
    // inside it) scrolls or the window resizes, so it stays with the selection. Once per frame at most.
    this.stopFollowing();
    const follow = new AbortController();
    let frame = 0;
    const again = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!follow.signal.aborted) place();
      });
    };
    const opts = { capture: true, passive: true, signal: follow.signal };
    document.addEventListener('scroll', again, opts);
    addEventListener('resize', again, opts);
    this.following = follow;
  }

  private stopFollowing(): void {
    this.following?.abort();
    this.following = null;
  }

  private closeToolbar(): void {
    this.stopFollowing();
    const ui = this.ui.loaded();
    if (this.host && ui) ui.clear(this.host.layer);
  }

  private destroy(): void {
    clearTimeout(this.reanchorTimer);
    this.closeToolbar();
    this.host?.destroy();
    this.painter.destroy();
  }
}
