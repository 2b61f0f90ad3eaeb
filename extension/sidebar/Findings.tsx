/** The sidebar's content for a tab with findings: claims in page order, then the names found. */
import { t } from '../ui/i18n.ts';
import type { PassageLink } from '../ui/links.ts';
import type { Passage, SourceQuote } from '../ui/models.ts';
import { ClaimItem } from './ClaimItem.tsx';
import type { ClaimRow, SidebarModel } from './model.ts';

interface Props {
  model: SidebarModel;
  onScrollTo: (row: ClaimRow) => void;
  hrefFor: (link: PassageLink) => string;
  openReader: (item: SourceQuote, claimId: string) => void;
  onReject: (row: ClaimRow) => Promise<boolean>;
  onRejectSource: (row: ClaimRow, item: SourceQuote, passage: Passage) => Promise<boolean>;
}

/** Both lists, each under its own heading. */
export function Findings({ model, onScrollTo, hrefFor, openReader, onReject, onRejectSource }: Props) {
  return (
    <>
      {/* Empty when every claim went into a story (StoryFindings). */}
      {model.claims.length > 0 && (
      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">
          {t('sidebarClaims')} <span class="count">{model.claims.length}</span>
        </h2>
        <ol class="claims">
          {model.claims.map((row) => (
            <ClaimItem key={row.key} row={row} onScrollTo={onScrollTo} hrefFor={hrefFor} openReader={openReader} onReject={onReject} onRejectSource={onRejectSource} />
          ))}
        </ol>
      </section>
      )}
      {model.entities.length > 0 && (
        <section aria-labelledby="entities-heading">
          <h2 id="entities-heading">{t('sidebarEntities')}</h2>
          <ul class="entities">
            {model.entities.map((e) => (
              <li key={e.id} class="entity" title={t(`entityType_${e.type}` as 'entityType_person')}>
                {e.name} <span class="count">{e.count}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
