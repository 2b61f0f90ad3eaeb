/** What the sidebar says when the tab has nothing to list: what to do about it. */
import { t } from '../ui/i18n.ts';

/** The empty state. */
export function Empty() {
  return (
    <div class="empty">
      <h2>{t('sidebarEmptyTitle')}</h2>
      <p>{t('sidebarEmptyHint')}</p>
    </div>
  );
}
