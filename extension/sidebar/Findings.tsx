/** The sidebar's content for a tab with findings: claims in page order, then the names found. */
import { t } from '../ui/i18n.ts';
import { ClaimItem, type RowActions } from './ClaimItem.tsx';
import type { SidebarModel } from './model.ts';

interface Props extends RowActions {
  model: SidebarModel;
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
