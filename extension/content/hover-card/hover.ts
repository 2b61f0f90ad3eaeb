/**
 * Opens and closes cards from the pointer, meeting WCAG 1.4.13 (content on hover): the card can be hovered
 * without closing, dismissed with Escape without moving the pointer, and stays until the pointer leaves both
 * the highlight and the card, or the page scrolls. Hit-testing runs at most once per animation frame.
 */
import type { Finding } from '../findings.ts';
import type { UiLoader } from '../lazy-ui/load.ts';
import type { CardController } from './controller.ts';
import { findingAt, type HitTargets } from './hit-test.ts';
import { GRACE_MS } from './timing.ts';

/** What the tracker works with. */
export interface HoverDeps {
  /** The page's findings, hit-tested under the pointer. */
  targets: HitTargets;
  cards: CardController;
  /** Pointer rest before a card shows: the user's hover delay setting, read at each dwell. */
  dwellMs: () => number;
  /** The lazy UI chunk, fetched during the dwell if it is not in yet. */
  ui: UiLoader;
  signal: AbortSignal;
}

/** Watches the pointer over the page and drives the card controller. */
export class HoverTracker {
  private x = 0;
  private y = 0;
  private frame = 0;
  /** The finding under the pointer, waiting out its dwell. */
  private candidate: Finding | null = null;
  private dwellTimer = 0;
  private graceTimer = 0;
  private overCard = false;
  /** A card dismissed with Escape stays closed until the pointer moves to another highlight. */
  private dismissed: Finding | null = null;
  private readonly targets: HitTargets;
  private readonly cards: CardController;
  private readonly dwellMs: () => number;
  private readonly ui: UiLoader;

  constructor({ targets, cards, dwellMs, ui, signal }: HoverDeps) {
    this.targets = targets;
    this.cards = cards;
    this.dwellMs = dwellMs;
    this.ui = ui;
    const opts = { capture: true, passive: true, signal };
    addEventListener('pointermove', (e) => this.onMove(e), opts);
    addEventListener('scroll', (e) => this.onScroll(e), opts);
    addEventListener('keydown', (e) => this.onKey(e), { capture: true, signal });
    addEventListener('blur', () => this.reset(), { signal });
    document.addEventListener('pointerleave', () => this.leaveTarget(), { signal });
    signal.addEventListener('abort', () => this.reset(), { once: true });
  }

  private onMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.x = e.clientX;
    this.y = e.clientY;
    const overCard = !!this.cards.element && e.composedPath().includes(this.cards.element);
    if (overCard !== this.overCard) {
      this.overCard = overCard;
      if (overCard) clearTimeout(this.graceTimer);
      else this.startGrace();
    }
    if (!overCard && !this.frame) this.frame = requestAnimationFrame(() => this.hitTest());
  }

  private hitTest(): void {
    this.frame = 0;
    if (this.overCard) return;
    const finding = findingAt(this.x, this.y, this.targets);
    if (finding !== this.dismissed) this.dismissed = null;
    if (finding && finding === this.cards.current) {
      clearTimeout(this.graceTimer);
      this.candidate = finding;
      return;
    }
    if (finding === this.candidate) {
      // After a blur reset (another tab, another window) the card may still be open with no candidate: leaving
      // the highlight must still close it.
      if (!finding && this.cards.current) this.startGrace();
      return;
    }
    this.candidate = finding;
    clearTimeout(this.dwellTimer);
    if (this.cards.current) this.startGrace();
    if (finding && finding !== this.dismissed) {
      // The card's views load during the dwell if the idle-time preload has not brought them yet.
      this.ui.preload();
      this.dwellTimer = window.setTimeout(() => this.show(finding), this.dwellMs());
    }
  }

  private show(finding: Finding): void {
    if (this.candidate !== finding || !finding.range.startContainer.isConnected) return;
    clearTimeout(this.graceTimer);
    this.cards.open(finding, { x: this.x, y: this.y });
  }

  private startGrace(): void {
    clearTimeout(this.graceTimer);
    if (!this.cards.current) return;
    this.graceTimer = window.setTimeout(() => {
      if (!this.overCard && this.candidate !== this.cards.current) this.cards.close();
    }, GRACE_MS);
  }

  private leaveTarget(): void {
    clearTimeout(this.dwellTimer);
    this.candidate = null;
    this.overCard = false;
    this.startGrace();
  }

  private onScroll(e: Event): void {
    if (performance.now() < this.cards.quietUntil) return;
    // The card's own scrolling (a long list of sources) is not the page scrolling away from the highlight.
    if (this.cards.element && e.composedPath().includes(this.cards.element)) return;
    clearTimeout(this.dwellTimer);
    this.candidate = null;
    this.cards.close();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.cards.current) return;
    this.dismissed = this.cards.current;
    clearTimeout(this.dwellTimer);
    this.cards.close();
    // Our card had the Escape; the page's own dialogs should not close as well.
    e.stopPropagation();
  }

  private reset(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    clearTimeout(this.dwellTimer);
    clearTimeout(this.graceTimer);
    this.candidate = null;
  }
}
