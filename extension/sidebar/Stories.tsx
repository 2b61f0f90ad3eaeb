/** The sidebar's stories: for each story the page shares statements with, its articles, then those claims. */
import type { StoryArticleInfo } from '../../shared/messages.ts';
import type { Lang } from '../../shared/kb/types.ts';
import { formatDate } from '../ui/kb-text.ts';
import { t } from '../ui/i18n.ts';
import { ClaimItem, type RowActions } from './ClaimItem.tsx';
import type { StoryGroup } from './story-groups.ts';

interface Props extends RowActions {
  groups: readonly StoryGroup[];
  lang: Lang;
}

/** Articles listed in a story's header; the options page lists them all. */
const MAX_ARTICLES = 6;

function Article({ article, lang }: { article: StoryArticleInfo; lang: Lang }) {
  const meta = [article.site, article.date && formatDate(article.date, lang)].filter(Boolean).join(' · ');
  return (
    <li class="story-article">
      {article.url ? (
        <a href={article.url} target="_blank" rel="noopener noreferrer" lang={article.lang}>
          {article.title || article.url}
        </a>
      ) : (
        <span lang={article.lang}>{article.title}</span>
      )}
      <span class="story-article-meta">
        {' '}
        {meta} <span class="cl-lang">{article.lang.toUpperCase()}</span>
      </span>
    </li>
  );
}

/** One section per story, its header listing its articles. */
export function Stories({ groups, lang, ...rowProps }: Props) {
  return (
    <section aria-labelledby="stories-heading" class="stories">
      <h2 id="stories-heading">
        {t('sidebarStories')} <span class="count">{groups.length}</span>
      </h2>
      {groups.map(({ story, rows }) => (
        <section class="story" data-story={story.id} key={story.id} aria-label={story.title}>
          <h3 class="story-title">{story.seed ? t('storySeedTitle', story.title) : story.title}</h3>
          <p class="story-summary">{t('sidebarStoryShared', rows.length, story.articles.length)}</p>
          <ul class="story-articles">
            {story.articles.slice(0, MAX_ARTICLES).map((a) => (
              <Article key={a.sourceIds[0]} article={a} lang={lang} />
            ))}
            {story.articles.length > MAX_ARTICLES && <li class="story-more">{t('sidebarStoryMore', story.articles.length - MAX_ARTICLES)}</li>}
          </ul>
          <ol class="claims">
            {rows.map((row) => (
              <ClaimItem key={row.key} row={row} {...rowProps} />
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
