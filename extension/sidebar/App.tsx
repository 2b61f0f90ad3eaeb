/** The sidebar container: follows the active tab (or the one in its address), loads its findings, shows them. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabClaims } from '../../shared/messages.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { readerError } from '../ui/reader-error.ts';
import { hrefFor } from '../ui/links.ts';
import type { Passage, SourceQuote } from '../ui/models.ts';
import { followActiveTab, pinnedTab, send, sendToTab, watchTabs } from './connect.ts';
import { AddPage } from './AddPage.tsx';
import { Annotations } from './Annotations.tsx';
import { Empty } from './Empty.tsx';
import { type ClaimRow } from './model.ts';
import { StoryFindings } from './StoryFindings.tsx';

type State = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: TabClaims | null };


function useTabId(): number | null {
  const pinned = pinnedTab(location.search);
  const [tabId, setTabId] = useState<number | null>(pinned);
  useEffect(() => (pinned === null ? followActiveTab(setTabId) : undefined), [pinned]);
  return tabId;
}

function useTabClaims(tabId: number | null): [State, () => void] {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = useCallback(async (id: number) => {
    const answer = await send('tab.claims', { tabId: id });
    setState(answer.ok ? { status: 'ready', data: answer.value } : { status: 'error', error: answer.error });
  }, []);
  useEffect(() => {
    if (tabId === null) return undefined;
    setState({ status: 'loading' });
    void load(tabId);
    return watchTabs((changed) => changed === tabId && void load(tabId));
  }, [tabId, load]);
  return [state, () => tabId !== null && void load(tabId)];
}

/** The whole sidebar. */
export function App() {
  const tabId = useTabId();
  const [state, reload] = useTabClaims(tabId);
  const [notice, setNotice] = useState('');
  const scrollTo = async (row: ClaimRow) => {
    if (tabId === null) return;
    const answer = await sendToTab(tabId)('page.scrollTo', { claimId: row.claimId, index: row.index });
    setNotice(answer.ok && answer.value ? '' : t('sidebarNotOnPage'));
  };
  // The page's content script rejects: it knows the highlight's passage, and takes it off the page at once.
  const reject = async (row: ClaimRow) => {
    if (tabId === null) return false;
    const answer = await sendToTab(tabId)('page.reject', { claimId: row.claimId, index: row.index });
    return answer.ok && answer.value;
  };
  // So is "Not this claim" on another source: the page's content script knows the page's sentence (a link to a
  // page read is between the two) and updates an open card; the list here is then read again.
  const rejectSource = async (row: ClaimRow, item: SourceQuote, passage: Passage) => {
    if (tabId === null) return false;
    const answer = await sendToTab(tabId)('page.rejectSource', { claimId: row.claimId, index: row.index, sourceId: item.sourceId, quote: passage.text });
    if (answer.ok && answer.value) reload();
    return answer.ok && answer.value;
  };
  const openReader = (item: SourceQuote, claimId: string) => void send('reader.open', { sourceId: item.sourceId, claimId });
  return (
    <main aria-busy={state.status === 'loading'}>
      <p class="notice" role="status">
        {notice}
      </p>
      {state.status === 'loading' && <p class="muted">{t('sidebarLoading')}</p>}
      {state.status === 'error' && <p class="error" role="alert">{t('sidebarError', readerError(state.error, t))}</p>}
      {state.status === 'ready' &&
        (state.data && state.data.claims.length + state.data.entities.length > 0 ? (
          <StoryFindings data={state.data} lang={uiLang()} onScrollTo={scrollTo} hrefFor={hrefFor} openReader={openReader} onReject={reject} onRejectSource={rejectSource} />
        ) : (
          <Empty />
        ))}
      {state.status === 'ready' && state.data && tabId !== null && <Annotations tabId={tabId} url={state.data.url} />}
      {state.status === 'ready' && state.data && tabId !== null && <AddPage tabId={tabId} />}
    </main>
  );
}
