/**
 * The card container: turns a finding into a card model, renders it into the shadow root next to the
 * highlight, and keeps it on screen. Also scrolls the page to findings (sidebar clicks, keyboard steps).
 */
import { uiLang } from '../../ui/i18n.ts';
import { hrefFor } from '../../ui/links.ts';
import type { SourceQuote } from '../../ui/models.ts';
import type { Finding, FindingKind } from '../findings.ts';
import type { UiChunk, UiLoader } from '../lazy-ui/load.ts';
import type { Knowledge } from '../match/knowledge.ts';
import type { ToBackground } from '../messaging.ts';
import type { ShadowHost } from '../render/shadow-host.ts';
import type { CardModel } from './card-model.ts';
import { placeCard, type Box } from './place.ts';
import { anchorBox, scrollToRange } from './scroll.ts';

/** What the card asks of the page session. */
export interface CardSession {
  readonly knowledge: Knowledge;
  /** Every finding in page order. */
  findings(): readonly Finding[];
  /** The `index`-th highlight of a claim or entity in page order. */
  nth(kind: FindingKind, id: string, index: number): Finding | undefined;
  /** Marks the finding whose card is open, or none. */
  focus(finding: Finding | null): void;
  /** Briefly emphasises a finding the page was scrolled to. */
  flash(finding: Finding): void;
  /** "Not this claim" for a finding: rejected, remembered, and its highlights gone; false if it failed. */
  reject(finding: Finding): Promise<boolean>;
  /** "Not this claim" on another source's passage of a finding's claim; false if it failed. */
  rejectSource(finding: Finding, sourceId: string, quote: string): Promise<boolean>;
}

/** Whether two ranges share any text. */
function overlaps(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_END, b) > 0 && a.compareBoundaryPoints(Range.END_TO_START, b) < 0;
  } catch {
    return false;
  }
}

/** Shows at most one card at a time. */
export class CardController {
  private host: ShadowHost | null = null;
  private returnFocus: Element | null = null;
  /** The finding whose card is open. */
  current: Finding | null = null;
  /** Scroll events until this time are our own programmatic scrolling, not the reader's. */
  quietUntil = 0;
  /** Counts open and close calls, so an open that waited for the UI chunk yields to anything asked since. */
  private asked = 0;

  constructor(
    private session: CardSession,
    private send: ToBackground,
    private ui: UiLoader,
    signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => this.host?.destroy(), { once: true });
  }

  /** The card's host element, for hover and focus checks. */
  get element(): HTMLElement | null {
    return this.host?.host ?? null;
  }

  /** Opens the card for `finding`, placed by the line nearest `point`; `focus` moves keyboard focus into it. */
  open(finding: Finding, point: { x: number; y: number } | null, focus = false): void {
    const ticket = ++this.asked;
    const ui = this.ui.loaded();
    if (ui) return this.openWith(ui, finding, point, focus);
    // Normally preloaded by now (see HoverTracker and index.ts); else the card follows as soon as the chunk is in.
    this.ui.load().then(
      (chunk) => ticket === this.asked && this.openWith(chunk, finding, point, focus),
      (err: unknown) => console.warn('Crossread: card UI', err),
    );
  }

  private openWith(ui: UiChunk, finding: Finding, point: { x: number; y: number } | null, focus: boolean): void {
    const model = this.modelFor(ui, finding);
    if (!model) return;
    this.host ??= ui.createCardHost();
    this.current = finding;
    this.session.focus(finding);
    const { layer } = this.host;
    ui.showCard(layer, model, {
      close: () => this.close(),
      showClaim: (id) => this.scrollTo(id, 0),
      hrefFor,
      openReader: (item, claimId) => void this.openReader(item, claimId),
      occurrences: (id) => this.send('claim.details', { id }).then((r) => (r.ok ? r.value.occurrences : null)),
      reject: (claimId) => this.rejectInCard(finding, claimId),
      rejectSource: (claimId, sourceId, quote) => this.rejectSourceInCard(finding, claimId, sourceId, quote),
    });
    layer.style.visibility = 'hidden';
    layer.hidden = false;
    this.position(layer, anchorBox(finding.range, point));
    layer.style.visibility = '';
    if (focus) {
      this.returnFocus = document.activeElement;
      (layer.querySelector('.cl-card') as HTMLElement | null)?.focus();
    }
  }

  /** Closes the card; focus goes back where it was if the card had it. */
  close(): void {
    this.asked++;
    const ui = this.ui.loaded();
    if (!ui || !this.host || !this.current) return;
    const hadFocus = this.host.host.matches(':focus-within');
    ui.clear(this.host.layer);
    this.host.layer.hidden = true;
    this.current = null;
    this.session.focus(null);
    if (hadFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /**
   * "Not this claim" from the card of `finding`: the card may page between the claims of its sentence, so the
   * rejected highlight is the one of `claimId` over the same text. The card closes, as its highlight is gone.
   */
  private async rejectInCard(finding: Finding, claimId: string): Promise<boolean> {
    const target =
      finding.kind === 'claim' && finding.id === claimId
        ? finding
        : this.session.findings().find((f) => f.kind === 'claim' && f.id === claimId && overlaps(f.range, finding.range));
    if (!target) return false;
    const done = await this.session.reject(target);
    if (done) this.close();
    return done;
  }

  /** The highlight of `claimId` over the text of `finding` (the card may page between a sentence's claims). */
  private claimAt(finding: Finding, claimId: string): Finding | undefined {
    return finding.kind === 'claim' && finding.id === claimId
      ? finding
      : this.session.findings().find((f) => f.kind === 'claim' && f.id === claimId && overlaps(f.range, finding.range));
  }

  /**
   * "Not this claim" on another source's passage in the card of `finding`. The card stays open and lists the
   * sources again; it closes only when the claim had no other source left and left the page.
   */
  private async rejectSourceInCard(finding: Finding, claimId: string, sourceId: string, quote: string): Promise<boolean> {
    const target = this.claimAt(finding, claimId);
    if (!target) return false;
    const done = await this.session.rejectSource(target, sourceId, quote);
    if (done && !this.session.findings().includes(target)) this.close();
    return done;
  }

  /** "Not this claim" on another source of the `index`-th highlight of a claim (from the sidebar). */
  async rejectSourceNth(claimId: string, index: number, sourceId: string, quote: string): Promise<boolean> {
    const finding = this.session.nth('claim', claimId, index);
    if (!finding) return false;
    const done = await this.session.rejectSource(finding, sourceId, quote);
    // An open card of that claim shows its list afresh.
    if (done && this.current && overlaps(this.current.range, finding.range)) {
      const current = this.current;
      this.close();
      if (this.session.findings().includes(current)) this.open(current, null);
    }
    return done;
  }

  /** "Not this claim" for the `index`-th highlight of a claim (from the sidebar); false if it is not on the page. */
  async rejectNth(claimId: string, index: number): Promise<boolean> {
    const finding = this.session.nth('claim', claimId, index);
    if (!finding) return false;
    if (this.current && this.current.kind === 'claim' && overlaps(this.current.range, finding.range)) this.close();
    return this.session.reject(finding);
  }

  /** Scrolls to the `index`-th highlight of a claim and flashes it; false if the page does not have it. */
  scrollTo(claimId: string, index: number): boolean {
    const finding = this.session.nth('claim', claimId, index);
    if (!finding) return false;
    this.close();
    this.reveal(finding);
    this.session.flash(finding);
    return true;
  }

  /** Scrolls a finding into the middle of the view, telling the scroll listener it was us. */
  reveal(finding: Finding): void {
    this.revealRange(finding.range);
  }

  /** Scrolls a range of the page (a highlight, an annotated passage) into the middle of the view. */
  revealRange(range: Range): void {
    this.quietUntil = performance.now() + 300;
    scrollToRange(range);
  }

  private modelFor(ui: UiChunk, finding: Finding): CardModel | null {
    const { knowledge } = this.session;
    const all = this.session.findings();
    return finding.kind === 'entity'
      ? ui.entityCardModel(knowledge, finding.id, all, uiLang())
      : ui.cardForClaim(knowledge, finding, all, location.href, uiLang());
  }

  private async openReader(item: SourceQuote, claimId: string): Promise<void> {
    const answer = await this.send('reader.open', { sourceId: item.sourceId, claimId });
    if (!answer.ok) console.warn('Crossread:', answer.error);
  }

  private position(layer: HTMLElement, anchor: Box): void {
    layer.style.maxHeight = '';
    const card = layer.getBoundingClientRect();
    const { left, top, maxHeight } = placeCard(anchor, card, innerWidth, innerHeight);
    layer.style.left = `${left}px`;
    layer.style.top = `${top}px`;
    // Only ever lowers the style sheet's cap; the card scrolls inside itself.
    if (maxHeight < card.height) layer.style.maxHeight = `${maxHeight}px`;
  }
}
