/** Who or what an entity is, and the claims that involve it here and in other sources. */
import { t } from '../../ui/i18n.ts';
import type { ClaimLine, EntityCardModel } from './card-model.ts';

interface Props {
  model: EntityCardModel;
  /** Scrolls the page to a claim's first highlight. */
  onShowClaim: (claimId: string) => void;
}

function ClaimLines({ lines, onShowClaim }: { lines: ClaimLine[]; onShowClaim?: (id: string) => void }) {
  return (
    <ul class="cl-claim-lines">
      {lines.map((l) => (
        <li key={l.claimId}>
          {onShowClaim ? (
            <button type="button" class="cl-linkish" onClick={() => onShowClaim(l.claimId)}>
              {l.statement}
            </button>
          ) : (
            <span>{l.statement}</span>
          )}
          <span class="cl-count" title={t('cardSourceCount', l.sources)} aria-label={t('cardSourceCount', l.sources)}>
            {l.sources}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The entity card's content. */
export function EntityCard({ model, onShowClaim }: Props) {
  return (
    <>
      <header class="cl-card-head">
        <span class="cl-type">{t(`entityType_${model.type}` as 'entityType_person')}</span>
        <h2 class="cl-title">{model.name}</h2>
      </header>
      <p class="cl-description">{model.description}</p>
      {model.aliases.length > 0 && (
        <p class="cl-aliases">
          <span class="cl-label">{t('cardAliases')}: </span>
          {model.aliases.join(', ')}
        </p>
      )}
      {model.onPage.length > 0 && (
        <section>
          <h3 class="cl-section">{t('cardOnThisPage')}</h3>
          <ClaimLines lines={model.onPage} onShowClaim={onShowClaim} />
          {model.moreOnPage > 0 && <p class="cl-source-meta">{t('cardMoreClaims', model.moreOnPage)}</p>}
        </section>
      )}
      {model.elsewhere.length > 0 && (
        <section>
          <h3 class="cl-section">{t('cardElsewhere')}</h3>
          <ClaimLines lines={model.elsewhere} />
          {model.moreElsewhere > 0 && <p class="cl-source-meta">{t('cardMoreClaims', model.moreElsewhere)}</p>}
        </section>
      )}
    </>
  );
}
