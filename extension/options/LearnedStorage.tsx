/**
 * The options page's storage of pages read: how much they take, the megabytes kept (oldest pages go first), and,
 * if the disk was ever full while Crossread saved, what it did: it forgets the oldest pages read to make room,
 * never the knowledge base or the reader's annotations.
 */
import { useEffect, useState } from 'preact/hooks';
import type { LearnedStorage as Storage } from '../../shared/messages.ts';
import { formatDate } from '../ui/kb-text.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { explainError } from './explain-error.ts';
import { send } from './io.ts';

type Status = { text: string; error: boolean };

/** Megabytes with one decimal below ten, whole above. */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb < 10 ? mb.toFixed(1) : String(Math.round(mb));
}

/** `generation` reloads it (data cleared, pages deleted); `onPruned` tells the list of pages read that some went. */
export function LearnedStorage({ generation, onPruned }: { generation: number; onPruned: () => void }) {
  const [storage, setStorage] = useState<Storage | null>(null);
  const [mb, setMb] = useState('');
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const fail = (error: string) => setStatus({ text: t('optionsError', explainError(error, t)), error: true });
  const load = async () => {
    const r = await send('learned.storage', {});
    if (!r.ok) return fail(r.error);
    setStorage(r.value);
    setMb(String(r.value.keepMb));
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads whenever the pages read changed
  useEffect(() => void load(), [generation]);
  const save = async () => {
    const n = Number(mb);
    if (!Number.isInteger(n) || n < 0 || n > 1_000_000) return fail('mb: expected a whole number from 0 to 1000000');
    const r = await send('learned.limit', { mb: n });
    if (!r.ok) return fail(r.error);
    setStatus({ text: n === 0 ? t('optionsLearnedMbNone') : t('optionsLearnedMbPruned', n, r.value.pages), error: false });
    await load();
    if (r.value.pages > 0) onPruned();
  };
  const full = storage?.diskFull;
  return (
    <div class="learned-storage">
      <p data-learned="size">{storage && t('optionsLearnedSize', megabytes(storage.bytes), storage.pages)}</p>
      <div class="row">
        <label>{t('optionsLearnedMb')}
          <input type="number" id="learned-mb" min={0} max={1_000_000} step={1} value={mb} onInput={(e) => setMb(e.currentTarget.value)} />
        </label>
        <button type="button" id="learned-mb-save" onClick={save}>{t('optionsLearnedKeepSave')}</button>
      </div>
      {full && (
        <p class="status error" role="alert" data-learned="disk-full">
          {t(full.saved ? 'optionsDiskFullMadeRoom' : 'optionsDiskFullNotSaved', formatDate(new Date(full.at).toISOString().slice(0, 10), uiLang()), full.pruned)}
        </p>
      )}
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'} data-status="learned-storage">{status.text}</p>
    </div>
  );
}
