/**
 * The claims a passage states, one at a time ("1 of 2", with buttons to page), each in plain words with who made
 * it and every other source's own wording. Opens at once with the knowledge base's sources; the pages the reader
 * read join the list when the background has answered, so the card lists what the sidebar lists.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OccurrenceInfo } from '../../../shared/messages.ts';
import { t } from '../../ui/i18n.ts';
import type { PassageLink } from '../../ui/links.ts';
import type { ClaimView, SourceQuote } from '../../ui/models.ts';
import { NotThisClaim, OtherSources } from '../../ui/OtherSources.tsx';
import { sourceList } from '../../ui/sources.ts';
import { detailEntries, type ClaimCardModel } from './card-model.ts';

interface Props {
  model: ClaimCardModel;
  hrefFor: (link: PassageLink) => string;
  openReader: (item: SourceQuote, claimId: string) => void;
  occurrences?: (claimId: string) => Promise<readonly OccurrenceInfo[] | null>;
  /** "Not this claim" for the claim shown; false if it failed. */
  reject?: (claimId: string) => Promise<boolean>;
  /** "Not this claim" on another source's passage (a page the reader read); false if it failed. */
  rejectSource?: ((claimId: string, sourceId: string, quote: string) => Promise<boolean>) | undefined;
}

/** The model's claims, each list replaced by the background's fuller one as it arrives. */
function useFullLists(model: ClaimCardModel, occurrences: Props['occurrences'], asked: number): ClaimView[] {
  const [claims, setClaims] = useState(model.claims);
  useEffect(() => {
    if (!occurrences) return undefined;
    let live = true;
    const own = new Set(model.own);
    for (const view of model.claims) {
      void occurrences(view.claimId).then((found) => {
        if (!live || !found) return;
        const others = sourceList(detailEntries(found), view.claimId, { url: model.pageUrl, passage: view.passage }, own, model.lang);
        setClaims((now) => now.map((c) => (c.claimId === view.claimId ? { ...c, others } : c)));
      });
    }
    return () => {
      live = false;
    };
  }, [model, occurrences, asked]);
  return claims;
}

/** "1 of 2" between two buttons; paging wraps around, so neither button is ever disabled and loses the focus. */
function Pager({ at, count, onGo }: { at: number; count: number; onGo: (to: number) => void }) {
  return (
    <div class="cl-pager">
      <button type="button" class="cl-page-button cl-prev" aria-label={t('cardPreviousClaim')} title={t('cardPreviousClaim')} onClick={() => onGo((at + count - 1) % count)}>
        ‹
      </button>
      <span class="cl-page-count" aria-live="polite">
        {t('cardClaimOf', at + 1, count)}
      </span>
      <button type="button" class="cl-page-button cl-next" aria-label={t('cardNextClaim')} title={t('cardNextClaim')} onClick={() => onGo((at + 1) % count)}>
        ›
      </button>
    </div>
  );
}

/** The claim card's content. */
export function ClaimCard({ model, hrefFor, openReader, occurrences, reject, rejectSource }: Props) {
  // Asked again after a source was rejected, so the list is the background's (as the sidebar's is).
  const [asked, setAsked] = useState(0);
  const claims = useFullLists(model, occurrences, asked);
  const [at, setAt] = useState(0);
  const claim = claims[Math.min(at, claims.length - 1)]!;
  return (
    <>
      <header class="cl-card-head">
        <span class="cl-type">{t('cardClaimLabel')}</span>
        {claims.length > 1 && <Pager at={at} count={claims.length} onGo={setAt} />}
        <h2 class="cl-title cl-statement" data-claim={claim.claimId}>
          {claim.statement}
        </h2>
        {claim.speaker && <p class="cl-source-meta">{t('cardSaidBy', claim.speaker)}</p>}
        {reject && <NotThisClaim key={claim.claimId} onReject={() => reject(claim.claimId)} />}
      </header>
      <section>
        <h3 class="cl-section">{t('cardAlsoReportedBy')}</h3>
        <OtherSources
          items={claim.others}
          hrefFor={hrefFor}
          openReader={(item) => openReader(item, claim.claimId)}
          rejectPassage={
            rejectSource &&
            (async (item, passage) => {
              const done = await rejectSource(claim.claimId, item.sourceId, passage.text);
              if (done) setAsked((n) => n + 1);
              return done;
            })
          }
        />
      </section>
    </>
  );
}
