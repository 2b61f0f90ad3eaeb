/**
 * "Clear my data": a modal dialog that asks first, says what exactly would be deleted, and offers an export
 * before anything goes. A native <dialog> opened with showModal() keeps focus inside, closes on Escape and tells
 * assistive technology it is modal; Cancel has the first focus, so Enter alone never deletes.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../ui/i18n.ts';
import { explainError } from './explain-error.ts';
import { download, exportFileName, send } from './io.ts';
import { announceSettingsChanged } from '../settings-notice.ts';
import { summarize, type DataSummary } from './summary.ts';

type Status = { text: string; error: boolean };

interface Props {
  /** Called after the data was deleted, so the settings form shows the defaults again. */
  onCleared: () => void;
}

function Counts({ summary }: { summary: DataSummary }) {
  return (
    <ul class="counts" data-counts>
      <li data-count="annotations">{t('clearCountAnnotations', summary.annotations)}</li>
      <li data-count="pages">{t('clearCountPages', summary.pagesRead)}</li>
      <li data-count="articles">{t('clearCountArticles', summary.articles)}</li>
      <li data-count="claims">{t('clearCountClaims', summary.claims)}</li>
      <li data-count="passages">{t('clearCountPassages', summary.passages)}</li>
    </ul>
  );
}

/** The danger zone: its button, and the dialog it opens. */
export function ClearData({ onCleared }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [summary, setSummary] = useState<DataSummary | null>(null);
  const [inDialog, setInDialog] = useState<Status | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const ask = async () => {
    setStatus(null);
    const r = await send('data.export', {});
    if (!r.ok) return setStatus({ text: t('optionsError', explainError(r.error, t)), error: true });
    setSummary(summarize(r.value));
    setInDialog(null);
    dialog.current?.showModal();
  };
  const exportFirst = async () => {
    const r = await send('data.export', {});
    if (!r.ok) return setInDialog({ text: t('optionsError', explainError(r.error, t)), error: true });
    const name = exportFileName(false);
    download(name, r.value);
    setInDialog({ text: t('optionsExported', name), error: false });
  };
  const clear = async () => {
    const r = await send('data.clear', {});
    if (!r.ok) return setInDialog({ text: t('optionsError', explainError(r.error, t)), error: true });
    dialog.current?.close();
    setStatus({ text: t('optionsCleared'), error: false });
    await announceSettingsChanged();
    onCleared();
  };
  return (
    <section class="danger-zone" aria-labelledby="danger-heading">
      <h2 id="danger-heading">{t('clearHeading')}</h2>
      <p>{t('clearHint')}</p>
      <button type="button" id="data-clear" class="danger" onClick={() => void ask()}>
        {t('optionsClear')}
      </button>
      <p class={status?.error ? 'status error' : 'status'} role={status?.error ? 'alert' : 'status'} data-status="clear">
        {status?.text ?? ''}
      </p>
      <dialog ref={dialog} id="clear-dialog" aria-labelledby="clear-title" aria-describedby="clear-what">
        <h2 id="clear-title">{t('clearTitle')}</h2>
        <div id="clear-what">
          <p>{t('clearWhat')}</p>
          {summary && <Counts summary={summary} />}
          <p>{t('clearKept')}</p>
          <p class="warning">{t('clearCannotUndo')}</p>
        </div>
        <p class={inDialog?.error ? 'status error' : 'status'} role={inDialog?.error ? 'alert' : 'status'} data-status="clear-dialog">
          {inDialog?.text ?? ''}
        </p>
        <div class="dialog-buttons">
          <button type="button" id="clear-export" onClick={() => void exportFirst()}>
            {t('clearExportFirst')}
          </button>
          <span class="spacer" />
          <button type="button" id="clear-cancel" autofocus onClick={() => dialog.current?.close()}>
            {t('clearCancel')}
          </button>
          <button type="button" id="clear-confirm" class="danger solid" onClick={() => void clear()}>
            {t('clearConfirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
