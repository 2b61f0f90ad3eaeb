/**
 * Stories on the background's side: drawn from the links stored already (shared/learn/stories.ts), never by
 * matching again. Two kinds of link: a learned claim that linked a page (its page's passage and the passages read
 * that state it), and a curated claim found in a page read (the knowledge base's passages and the page's), which
 * joins that page to the seed story.
 */
import type { Lang } from '../../shared/kb/types.ts';
import { StoryIndex, type Story, type StoryArticle, type StoryPassage } from '../../shared/learn/index.ts';
import type { StoryExport, StoryInfo } from '../../shared/messages.ts';
import { pageKey, pageSourceId } from '../../shared/userdata/types.ts';
import { withStory } from '../../shared/userdata/story-export.ts';
import type { CrossreadDb } from './db.ts';
import { forgetPages, READ_SOURCE_PREFIX, siteOf } from './learned.ts';
import { exportAll } from './user-store.ts';

const PAGE_PREFIX = pageSourceId('');

/** The stored links, and the articles they quote (those still stored). */
async function storedLinks(db: CrossreadDb): Promise<{ index: StoryIndex; articles: Map<string, StoryArticle> }> {
  const index = new StoryIndex();
  const urls = new Set<string>();
  await db.learnedClaims.each((row) => {
    const passages: StoryPassage[] = row.claim.occurrences
      .filter((o) => o.source.startsWith(READ_SOURCE_PREFIX))
      .map((o) => ({ article: o.source.slice(READ_SOURCE_PREFIX.length), selector: o.selector }));
    if (row.from) passages.push({ article: row.from.url, selector: row.from.selector });
    for (const p of passages) urls.add(p.article);
    index.add({ passages });
  });
  const found = (await db.userOccurrences.toArray()).filter((o) => o.sourceId.startsWith(PAGE_PREFIX));
  const curated = new Map((await db.claims.bulkGet([...new Set(found.map((o) => o.claimId))])).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const kbSources = new Set<string>();
  for (const o of found) {
    const claim = curated.get(o.claimId);
    if (!claim) continue;
    const url = o.sourceId.slice(PAGE_PREFIX.length);
    urls.add(url);
    for (const k of claim.occurrences) kbSources.add(k.source);
    const passages = [{ article: url, selector: o.selector }, ...claim.occurrences.map((k) => ({ article: k.source, selector: k.selector }))];
    index.add({ passages, claimId: claim.id });
  }
  return { index, articles: await articlesOf(db, [...urls], [...kbSources]) };
}

/** The articles: pages read (stored), pages with curated claims (the reader's sources), the knowledge base's. */
async function articlesOf(db: CrossreadDb, urls: string[], kbIds: string[]): Promise<Map<string, StoryArticle>> {
  const out = new Map<string, StoryArticle>();
  const sourceIds = (url: string) => [READ_SOURCE_PREFIX + url, pageSourceId(url)];
  for (const p of await db.readPages.bulkGet(urls)) {
    if (p) out.set(p.url, { id: p.url, sourceIds: sourceIds(p.url), url: p.url, site: p.site, title: p.title, date: p.date, lang: p.lang, readAt: p.readAt });
  }
  for (const s of await db.userSources.bulkGet(urls.filter((u) => !out.has(u)).map(pageSourceId))) {
    if (!s?.url) continue;
    const readAt = Date.parse(s.date);
    out.set(s.url, {
      id: s.url,
      sourceIds: sourceIds(s.url),
      url: s.url,
      site: siteOf(s.url),
      title: s.title,
      date: s.published ?? '',
      lang: s.lang ?? 'en',
      readAt: Number.isNaN(readAt) ? 0 : readAt,
    });
  }
  for (const s of await db.sources.bulkGet(kbIds)) {
    if (!s) continue;
    const site = s.url ? siteOf(s.url) : (s.byline ?? '');
    out.set(s.id, { id: s.id, sourceIds: [s.id], ...(s.url && { url: s.url }), site, title: s.title, date: s.date, lang: s.lang, readAt: 0, curated: true });
  }
  return out;
}

/** A story as the extension's pages show it. */
function info(story: Story): StoryInfo {
  return {
    id: story.id,
    title: story.title,
    seed: story.seed,
    articles: story.articles.map((a) => ({
      ...(a.url && { url: a.url }),
      site: a.site,
      title: a.title,
      date: a.date,
      lang: a.lang,
      sourceIds: a.sourceIds,
      curated: a.curated === true,
    })),
    statements: story.statements.length,
  };
}

/** Every story learned. */
async function allStories(db: CrossreadDb, lang: Lang, without?: string): Promise<Story[]> {
  const { index, articles } = await storedLinks(db);
  if (without) articles.delete(without);
  return index.stories(articles, lang);
}

/** The stories learned, for the options page. */
export async function listStories(db: CrossreadDb, lang: Lang): Promise<StoryInfo[]> {
  return (await allStories(db, lang)).map(info);
}

/** The stories of the other articles than the page at `url`: the sidebar groups the page's claims by them. */
export async function storiesOfPage(db: CrossreadDb, url: string, lang: Lang): Promise<StoryInfo[]> {
  return (await allStories(db, lang, pageKey(url))).map(info);
}

async function findStory(db: CrossreadDb, id: string, lang: Lang): Promise<Story> {
  const story = (await allStories(db, lang)).find((s) => s.id === id);
  if (!story) throw new Error(`no story ${id}: it may have been deleted, or its pages read forgotten`);
  return story;
}

/**
 * Forgets what was learned from a story's pages read: the pages, their index entries, the links quoting them and,
 * for the pages joined to the seed story, the curated claims recorded as found there. The knowledge base stays.
 */
export async function deleteStory(db: CrossreadDb, id: string): Promise<number> {
  const story = await findStory(db, id, 'en');
  const urls = story.articles.flatMap((a) => (a.curated || !a.url ? [] : [a.url]));
  await db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims, db.meta, db.userSources, db.userOccurrences], async () => {
    await forgetPages(db, urls);
    if (!story.seed) return;
    const ids = urls.map(pageSourceId);
    await db.userOccurrences.where('sourceId').anyOf(ids).delete();
    await db.userSources.bulkDelete(ids);
  });
  return urls.length;
}

/** The export with the story added as the reader's own claims, sources and passages. */
export async function exportStory(db: CrossreadDb, id: string, lang: Lang, now = Date.now()): Promise<StoryExport> {
  const story = await findStory(db, id, lang);
  return { story: info(story), file: withStory(await exportAll(db), story, now) };
}
