/**
 * The lazy UI chunk (ui.js): Preact, the hover card and the annotation toolbar, about 30 KB that most page loads
 * never use. The content script loads it on first use (see load.ts); it holds views only, no state of its own,
 * so a copy of a small shared module in both bundles does no harm.
 */
import { render } from 'preact';
import type { Lang } from '../../../shared/kb/types.ts';
import type { OccurrenceInfo } from '../../../shared/messages.ts';
import themeCss from '../../ui/theme.css';
import { Toolbar, type ToolbarActions } from '../annotations/Toolbar.tsx';
import toolbarCss from '../annotations/toolbar.css';
import { t } from '../../ui/i18n.ts';
import type { PassageLink } from '../../ui/links.ts';
import type { SourceQuote } from '../../ui/models.ts';
import type { Finding } from '../findings.ts';
import { Card } from '../hover-card/Card.tsx';
import { claimCardModel, type CardKnowledge, type CardModel, type ClaimCardModel } from '../hover-card/card-model.ts';
import { ClaimCard } from '../hover-card/ClaimCard.tsx';
import { EntityCard } from '../hover-card/EntityCard.tsx';
import cardCss from '../hover-card/card.css';
import { createShadowHost, type ShadowHost } from '../render/shadow-host.ts';

export { entityCardModel } from '../hover-card/card-model.ts';
import { claimsInSentence } from '../hover-card/sentence.ts';

/** The hover card's host, its layer hidden until a card opens. The style sheets come with the chunk. */
export function createCardHost(): ShadowHost {
  return createShadowHost('cl-root', `${themeCss}\n${cardCss}`, { className: 'cl-layer', hidden: true });
}

/** The selection toolbar's host. */
export function createToolbarHost(): ShadowHost {
  return createShadowHost('cl-annotate', `${themeCss}\n${toolbarCss}`);
}

/** The host of the tip that shows an annotation's note on hover. */
export function createNoteHost(): ShadowHost {
  return createShadowHost('cl-note', `${themeCss}\n${toolbarCss}`);
}

/** Shows `note` in a tip at `at` (its bottom edge there when `above`); a status, so screen readers say it. */
export function showNote(layer: HTMLElement, at: { top: number; left: number; above: boolean }, note: string): void {
  render(
    <div class="cl-note-tip" role="status" style={{ top: `${at.top}px`, left: `${at.left}px`, transform: at.above ? 'translateY(-100%)' : 'none' }}>
      {note}
    </div>,
    layer,
  );
}

/** The card for a claim highlight, with every claim its sentence states. */
export function cardForClaim(kb: CardKnowledge, finding: Finding, page: readonly Finding[], pageUrl: string, lang: Lang): ClaimCardModel | null {
  return claimCardModel(kb, finding, claimsInSentence(finding, page), page, pageUrl, lang);
}

/** What the card's buttons and links do; the content script owns the I/O. */
export interface CardActions {
  close(): void;
  showClaim(claimId: string): void;
  hrefFor(link: PassageLink): string;
  openReader(item: SourceQuote, claimId: string): void;
  /** Every passage of a claim the background knows, the pages the reader read included; null if it cannot say. */
  occurrences?(claimId: string): Promise<readonly OccurrenceInfo[] | null>;
  /** "Not this claim" for one of the card's claims; false if it could not be done. */
  reject?(claimId: string): Promise<boolean>;
  /** "Not this claim" on another source's passage of one of the card's claims; false if it could not be done. */
  rejectSource?(claimId: string, sourceId: string, quote: string): Promise<boolean>;
}

/** Renders the card for `model` into `layer`. */
export function showCard(layer: HTMLElement, model: CardModel, actions: CardActions): void {
  const label = model.kind === 'entity' ? t('cardEntityLabel', model.name) : t('cardClaimLabel');
  render(
    <Card label={label} onClose={actions.close}>
      {model.kind === 'entity' ? (
        <EntityCard model={model} onShowClaim={actions.showClaim} />
      ) : (
        <ClaimCard
          key={`${model.claimId}|${model.claims[0]?.passage}`}
          model={model}
          hrefFor={actions.hrefFor}
          openReader={actions.openReader}
          occurrences={actions.occurrences}
          reject={actions.reject}
          rejectSource={actions.rejectSource}
        />
      )}
    </Card>,
    layer,
  );
}

/**
 * Renders the annotation toolbar at a place in `layer` (its bottom edge there when `above`); `key` is the
 * selection, so a new one starts afresh while the same one, placed again, keeps what the reader typed.
 */
export function showToolbar(layer: HTMLElement, at: { top: number; left: number; above?: boolean }, key: string, actions: ToolbarActions): void {
  render(
    <div class="cl-toolbar-place" style={{ position: 'fixed', top: `${at.top}px`, left: `${at.left}px`, transform: at.above ? 'translateY(-100%)' : 'none' }}>
      <Toolbar key={key} actions={actions} />
    </div>,
    layer,
  );
}

/** Removes whatever was rendered into `layer`. */
export function clear(layer: HTMLElement): void {
  render(null, layer);
}
