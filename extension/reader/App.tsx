/** The reader container: loads the source and the claim named in the address, then shows the article. */
import { useEffect, useState } from 'preact/hooks';
import type { Source } from '../../shared/kb/types.ts';
import type { ClaimDetails } from '../../shared/messages.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { readerError } from '../ui/reader-error.ts';
import { pick } from '../ui/kb-text.ts';
import { Article } from './Article.tsx';
import { locate, type Span } from './passages.ts';

import { browser } from '../browser-api.ts';
import { send } from '../ui/messaging.ts';

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; source: Source; spans: Span[]; statement: string | null };

/** The claim's passages in this source, found again in its text. */
function spansIn(source: Source, details: ClaimDetails | null): Span[] {
  if (!details) return [];
  return details.occurrences
    .filter((o) => o.source.id === source.id)
    .map((o) => locate(source.text, o.quote, o.start, o.end, o.prefix))
    .filter((s): s is Span => s !== null);
}

async function load(sourceId: string, claimId: string | null): Promise<State> {
  const [source, claim] = await Promise.all([
    send('source.get', { id: sourceId }),
    claimId ? send('claim.details', { id: claimId }) : Promise.resolve(null),
  ]);
  if (!source.ok) return { status: 'error', message: t('readerNotFound', readerError(source.error, t)) };
  // A claim that is gone (KB updated since the link was made) still leaves the article worth reading.
  const details = claim?.ok ? claim.value : null;
  const statement = details ? pick(details.claim.statement, uiLang()) : null;
  return { status: 'ready', source: source.value, spans: spansIn(source.value, details), statement };
}

/**
 * Back where the reader came from: the browser's Back when this tab has a page to go back to; else (a card or
 * the sidebar opened the reader in a tab of its own) the tab it was opened from, closing this one.
 */
async function goBack(): Promise<void> {
  if (history.length > 1) return history.back();
  const me = await browser.tabs.getCurrent();
  if (me?.openerTabId !== undefined) await browser.tabs.update(me.openerTabId, { active: true }).catch(() => undefined);
  if (me?.id !== undefined) await browser.tabs.remove(me.id);
  else window.close();
}

/** The bar above the article. */
function TopBar() {
  return (
    <nav class="top-bar" aria-label={t('readerNavigation')}>
      <button type="button" id="reader-back" class="back" onClick={() => void goBack()}>
        <span aria-hidden="true">←</span> {t('readerBack')}
      </button>
    </nav>
  );
}

/** The reader page. */
export function App() {
  const params = new URLSearchParams(location.search);
  const sourceId = params.get('source');
  const claimId = params.get('claim');
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    if (!sourceId) setState({ status: 'error', message: t('readerNoSource') });
    else void load(sourceId, claimId).then(setState);
  }, [sourceId, claimId]);
  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.source.title} · Crossread`;
  }, [state]);
  return (
    <main aria-busy={state.status === 'loading'}>
      <TopBar />
      {state.status === 'loading' && <p class="muted">{t('readerLoading')}</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'ready' && <Article source={state.source} spans={state.spans} statement={state.statement} />}
    </main>
  );
}
