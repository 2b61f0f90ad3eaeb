/** A claim in plain words, who made it, and every other source's own wording of it. */
import { t } from '../../ui/i18n.ts';
import type { PassageLink } from '../../ui/links.ts';
import type { SourceQuote } from '../../ui/models.ts';
import { OtherSources } from '../../ui/OtherSources.tsx';
import type { ClaimCardModel } from './card-model.ts';

interface Props {
  model: ClaimCardModel;
  hrefFor: (link: PassageLink) => string;
  openReader: (item: SourceQuote) => void;
}

/** The claim card's content. */
export function ClaimCard({ model, hrefFor, openReader }: Props) {
  return (
    <>
      <header class="cl-card-head">
        <span class="cl-type">{t('cardClaimLabel')}</span>
        <h2 class="cl-title cl-statement">{model.statement}</h2>
        {model.speaker && <p class="cl-source-meta">{t('cardSaidBy', model.speaker)}</p>}
      </header>
      <section>
        <h3 class="cl-section">{t('cardAlsoReportedBy')}</h3>
        <OtherSources items={model.others} hrefFor={hrefFor} openReader={openReader} />
      </section>
    </>
  );
}
