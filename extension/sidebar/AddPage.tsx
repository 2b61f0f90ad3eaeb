/**
 * "Add this page to the knowledge base": the tab's content script, which knows its own page, gives its address,
 * title, text and the claims its matcher found; the background stores them as an article source. The sidebar
 * never reads the tab's URL itself, so no `tabs` permission is needed.
 */
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { readerError } from '../ui/reader-error.ts';
import { send, sendToTab as toTab } from './connect.ts';

/** The button and its outcome, for the page in tab `tabId`. */
export function AddPage({ tabId }: { tabId: number }) {
  const [status, setStatus] = useState({ text: '', error: false });
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    const page = await toTab(tabId)('page.article', {});
    const added = page.ok ? await send('article.add', page.value) : page;
    setStatus(added.ok ? { text: t('sidebarPageAdded', added.value.recorded), error: false } : { text: t('sidebarPageAddFailed', readerError(added.error, t)), error: true });
    setBusy(false);
  };
  return (
    <section class="add-page">
      <button type="button" class="add-page-button" disabled={busy} onClick={() => void add()}>
        {t('sidebarAddPage')}
      </button>
      <p class={status.error ? 'error' : 'muted'} role={status.error ? 'alert' : 'status'} data-status="add-page">
        {status.text}
      </p>
    </section>
  );
}
