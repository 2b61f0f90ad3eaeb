/** The options page's "Stories": each story learned, its articles, export as Web Annotation JSON-LD, delete. */
import { useEffect, useState } from 'preact/hooks';
import type { StoryInfo } from '../../shared/messages.ts';
import { storyToWebAnnotation } from '../../shared/userdata/story-export.ts';
import { formatDate } from '../ui/kb-text.ts';
import { t, uiLang } from '../ui/i18n.ts';
import { explainError } from './explain-error.ts';
import { download, send } from './io.ts';

type Status = { text: string; error: boolean };

/** A story export's file name: dated, and named after the story so that several stories' exports sit apart. */
export function storyFileName(title: string, now = new Date()): string {
  const slug = title.normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'story';
  return `crossread-story-${slug}-${now.toISOString().slice(0, 10)}.jsonld`;
}

function StoryItem({ story, onExport, onDelete }: { story: StoryInfo; onExport: () => void; onDelete: () => void }) {
  const lang = uiLang();
  return (
    <details class="story" data-story={story.id}>
      <summary>
        <span class="story-title">{story.seed ? t('storySeedTitle', story.title) : story.title}</span> ·{' '}
        {t('optionsStoryArticles', story.articles.length)} · <span class="story-statements">{t('optionsStoryStatements', story.statements)}</span>
      </summary>
      <ul>
        {story.articles.map((a) => (
          <li class="story-article" key={a.sourceIds[0]} data-url={a.url ?? ''}>
            {a.url ? (
              <a href={a.url} target="_blank" rel="noreferrer" lang={a.lang}>{a.title || a.url}</a>
            ) : (
              <span lang={a.lang}>{a.title}</span>
            )}
            {' · '}{a.site}{a.date && ` · ${formatDate(a.date, lang)}`} · {a.lang.toUpperCase()}
            {a.curated && ` · ${t('optionsStoryCurated')}`}
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="story-export" onClick={onExport}>{t('optionsStoryExport')}</button>
        <button type="button" class="story-delete danger" onClick={onDelete}>{t('optionsStoryDelete')}</button>
      </div>
    </details>
  );
}

/** The section; `onDeleted` tells the page that pages read were forgotten, so other sections reload. */
export function Stories({ generation, onDeleted }: { generation: number; onDeleted: () => void }) {
  const [stories, setStories] = useState<StoryInfo[] | null>(null);
  const [status, setStatus] = useState<Status>({ text: '', error: false });
  const fail = (error: string) => setStatus({ text: t('optionsError', explainError(error, t)), error: true });
  const load = async () => {
    const r = await send('stories.list', { lang: uiLang() });
    if (!r.ok) return fail(r.error);
    setStories(r.value);
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- reloads when data was cleared or forgotten elsewhere on the page
  useEffect(() => void load(), [generation]);
  const exportStory = async (story: StoryInfo) => {
    const r = await send('stories.export', { id: story.id, lang: uiLang() });
    if (!r.ok) return fail(r.error);
    const { story: info, file } = r.value;
    const name = storyFileName(info.title);
    download(name, storyToWebAnnotation(file, { id: info.id, title: info.title, articles: info.articles, statements: info.statements }), 'application/ld+json');
    setStatus({ text: t('optionsStoryExported', name), error: false });
  };
  const remove = async (story: StoryInfo) => {
    const r = await send('stories.delete', { id: story.id });
    if (!r.ok) return fail(r.error);
    setStatus({ text: t('optionsLearnedDeleted', r.value.pages), error: false });
    await load();
    onDeleted();
  };
  return (
    <section id="stories">
      <h2>{t('optionsStories')}</h2>
      <p>{t('optionsStoriesHint')}</p>
      {stories && stories.length === 0 && <p class="stories-none">{t('optionsStoriesNone')}</p>}
      {stories?.map((s) => <StoryItem key={s.id} story={s} onExport={() => void exportStory(s)} onDelete={() => void remove(s)} />)}
      <p class={status.error ? 'status error' : 'status'} role={status.error ? 'alert' : 'status'} data-status="stories">{status.text}</p>
    </section>
  );
}
