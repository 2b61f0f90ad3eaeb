/** The options page's "Learned from pages read": per site, the pages and their statements; delete a page or a site; days kept. */
import { useEffect, useState } from 'preact/hooks';
import type { LearnedOverview } from '../../shared/messages.ts';
import { formatDate } from '../ui/kb-text.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { explainError } from './explain-error.ts';
import { send } from './io.ts';
import { LearnedStorage } from './LearnedStorage.tsx';

type Status = { text: string; error: boolean };

export function Learned({ generation }: { generation: number }) {
  const [overview, setOverview] = useState<LearnedOverview | null>(null);
  const [days, setDays] = useState('');
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const [changed, setChanged] = useState(0);
  const fail = (error: string) => setStatus({ text: t('optionsError', explainError(error, t)), error: true });
  const load = async () => {
    const r = await send('learned.list', {});
    if (!r.ok) return fail(r.error);
    setOverview(r.value);
    setDays(String(r.value.keepDays));
    setChanged((n) => n + 1);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads when the data was cleared, as the settings form does
  useEffect(() => void load(), [generation]);
  const remove = async (which: { url: string } | { site: string }) => {
    const r = await send('learned.delete', which);
    if (!r.ok) return fail(r.error);
    setStatus({ text: t('optionsLearnedDeleted', r.value.pages), error: false });
    await load();
  };
  const keep = async () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) return fail('days: expected a whole number from 1 to 3650');
    const r = await send('learned.keep', { days: n });
    if (!r.ok) return fail(r.error);
    setStatus({ text: t('optionsLearnedPruned', n, r.value.pages), error: false });
    await load();
  };
  const lang = uiLang();
  return (
    <section id="learned">
      <h2>{t('optionsLearned')}</h2>
      <p>{t('optionsLearnedHint')}</p>
      <div class="row">
        <label>{t('optionsLearnedKeep')}
          <input type="number" id="learned-keep" min={1} max={3650} step={1} value={days} onInput={(e) => setDays(e.currentTarget.value)} />
        </label>
        <button type="button" id="learned-keep-save" onClick={keep}>{t('optionsLearnedKeepSave')}</button>
      </div>
      <LearnedStorage generation={changed} onPruned={() => void load()} />
      {overview && overview.sites.length === 0 && <p class="learned-none">{t('optionsLearnedNone')}</p>}
      {overview?.sites.map(({ site, pages }) => (
        <details class="learned-site" data-site={site} key={site}>
          <summary>
            <span class="learned-site-name">{site}</span> · {t('optionsLearnedPages', pages.length)} ·{' '}
            {t('optionsLearnedStatements', pages.reduce((n, p) => n + p.statements, 0))}
          </summary>
          <button type="button" class="learned-delete-site" onClick={() => void remove({ site })}>{t('optionsLearnedDeleteSite')}</button>
          <ul>
            {pages.map((p) => (
              <li class="learned-page" data-url={p.url} key={p.url}>
                <a href={p.url} target="_blank" rel="noreferrer">{p.title || p.url}</a>
                {p.date && ` · ${formatDate(p.date, lang)}`} · {t('optionsLearnedStatements', p.statements)}{' '}
                <button type="button" class="learned-delete-page" onClick={() => void remove({ url: p.url })}>{t('optionsLearnedDeletePage')}</button>
              </li>
            ))}
          </ul>
        </details>
      ))}
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'} data-status="learned">{status.text}</p>
    </section>
  );
}
