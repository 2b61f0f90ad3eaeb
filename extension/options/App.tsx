/** The options page: export, import, add an article, settings, what was learned from pages read, clear my data. */
import { useEffect, useState } from 'preact/hooks';
import { buildMatcher } from '../../shared/match/index.ts';
import { clampHoverDelay, guessLang, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, type Settings } from '../../shared/userdata/types.ts';
import { toWebAnnotation, WebAnnotationError } from '../../shared/userdata/web-annotation.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { ClearData } from './ClearData.tsx';
import { Learned } from './Learned.tsx';
import { Stories } from './Stories.tsx';
import { explainError } from './explain-error.ts';
import { download, exportFileName, ImportFileError, MAX_IMPORT_BYTES, readImportFile, send } from './io.ts';
import { announceSettingsChanged } from '../settings-notice.ts';

type Status = { text: string; error: boolean };
const none: Status = { text: '', error: false };

/** A failure as a status line in the reader's words. */
const failed = (error: string): Status => ({ text: t('optionsError', explainError(error, t)), error: true });

/** Why an import file could not be used, as one sentence. */
function importProblem(err: unknown): string {
  if (err instanceof ImportFileError) return err.kind === 'too-large' ? t('importTooLarge', MAX_IMPORT_BYTES / 1024 / 1024) : t('importNotJson');
  if (err instanceof WebAnnotationError) return t('importWebAnnotation', err.message.replace(/^Web Annotation import: /, ''));
  return explainError(err instanceof Error ? err.message : String(err), t);
}

function StatusLine({ status, name }: { status: Status; name: string }) {
  return (
    <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'} data-status={name}>
      {status.text}
    </p>
  );
}

function ExportImport() {
  const [status, setStatus] = useState(none);
  const [imported, setImported] = useState(none);
  const exportAs = async (ld: boolean) => {
    const r = await send('data.export', {});
    if (!r.ok) return setStatus(failed(r.error));
    const name = exportFileName(ld);
    download(name, ld ? toWebAnnotation(r.value) : r.value, ld ? 'application/ld+json' : 'application/json');
    setStatus({ text: t('optionsExported', name), error: false });
  };
  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const data = await readImportFile(file);
      const r = await send('data.import', { file: data });
      if (r.ok) await announceSettingsChanged();
      setImported(r.ok ? { text: t('optionsImported', r.value.annotations), error: false } : { text: t('optionsImportFailed', explainError(r.error, t)), error: true });
    } catch (err) {
      setImported({ text: t('optionsImportFailed', importProblem(err)), error: true });
    }
  };
  return (
    <>
      <section>
        <h2>{t('optionsExport')}</h2>
        <div class="row">
          <button type="button" id="export-json" onClick={() => exportAs(false)}>{t('optionsExportJson')}</button>
          <button type="button" id="export-ld" onClick={() => exportAs(true)}>{t('optionsExportLd')}</button>
        </div>
        <StatusLine status={status} name="export" />
      </section>
      <section>
        <h2>{t('optionsImport')}</h2>
        <p>{t('optionsImportHint')}</p>
        <input type="file" id="import-file" accept=".json,.jsonld,application/json,application/ld+json" aria-label={t('optionsImport')}
          onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
        <StatusLine status={imported} name="import" />
      </section>
    </>
  );
}

function AddArticle() {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState(none);
  const add = async () => {
    const data = await send('matcher.data', {});
    if (!data.ok) return setStatus(failed(data.error));
    const found = buildMatcher(data.value).match(text);
    const lang = guessLang(text);
    const claims = found.claims.map((c) => ({ claimId: c.claim, start: c.start, end: c.end }));
    const r = await send('article.add', { title: title.trim(), text, lang, claims, ...(url.trim() ? { url: url.trim() } : {}) });
    setStatus(r.ok ? { text: t('optionsArticleAdded', r.value.recorded), error: false } : failed(r.error));
  };
  return (
    <section>
      <h2>{t('optionsAddArticle')}</h2>
      <label>{t('optionsArticleTitle')}<input type="text" id="article-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
      <label>{t('optionsArticleUrl')}<input type="url" id="article-url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
      <label>{t('optionsArticleText')}<textarea id="article-text" value={text} onInput={(e) => setText(e.currentTarget.value)} /></label>
      <button type="button" id="article-add" class="primary" disabled={!title.trim() || !text.trim()} onClick={add}>{t('optionsAddArticle')}</button>
      <StatusLine status={status} name="article" />
    </section>
  );
}

function SettingsForm({ generation }: { generation: number }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sites, setSites] = useState('');
  const [status, setStatus] = useState(none);
  const load = async () => {
    const r = await send('settings.get', {});
    if (!r.ok) return setStatus(failed(r.error));
    setSettings(r.value);
    setSites(r.value.disabledSites.join('\n'));
  };
  useEffect(() => void load(), [generation]);
  if (!settings) return <StatusLine status={status} name="settings" />;
  const save = async () => {
    const hoverDelayMs = clampHoverDelay(settings.hoverDelayMs);
    const r = await send('settings.set', { ...settings, hoverDelayMs, disabledSites: sites.split('\n').map((s) => s.trim()).filter(Boolean) });
    if (r.ok) {
      setSettings(r.value);
      await announceSettingsChanged();
    }
    setStatus(r.ok ? { text: t('optionsSaved'), error: false } : failed(r.error));
  };
  return (
    <section>
      <h2>{t('optionsSettings')}</h2>
      <label>{t('optionsDisabledSites')}<textarea id="disabled-sites" value={sites} onInput={(e) => setSites(e.currentTarget.value)} /></label>
      <label>{t('optionsHoverDelay')}
        <input type="number" id="hover-delay" min={HOVER_DELAY_MIN_MS} max={HOVER_DELAY_MAX_MS} step={50} value={settings.hoverDelayMs}
          onInput={(e) => setSettings({ ...settings, hoverDelayMs: Number(e.currentTarget.value) })} />
      </label>
      <label class="check">
        <input type="checkbox" id="record-reading" checked={settings.recordReading} onChange={(e) => setSettings({ ...settings, recordReading: e.currentTarget.checked })} />
        {t('optionsRecord')}
      </label>
      <div class="row">
        <button type="button" id="settings-save" class="primary" onClick={save}>{t('optionsSave')}</button>
      </div>
      <StatusLine status={status} name="settings" />
    </section>
  );
}

/** The whole page. */
export function App() {
  document.documentElement.lang = uiLang();
  // Bumped after a clear, so the settings form shows the defaults the clear restored.
  const [generation, setGeneration] = useState(0);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <ExportImport />
      <AddArticle />
      <SettingsForm generation={generation} />
      <Learned generation={generation} />
      <Stories generation={generation} onDeleted={() => setGeneration((g) => g + 1)} />
      <ClearData onCleared={() => setGeneration((g) => g + 1)} />
    </main>
  );
}
