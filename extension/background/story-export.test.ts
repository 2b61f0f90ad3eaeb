/**
 * A story's export goes back in through the ordinary import: it passes the import's checks, its JSON-LD reads back
 * to the same file, and it keeps the reader's data and adds the story's statements and passages.
 */
import { describe, expect, it } from 'vitest';
import { describeSpan } from '../../shared/anchor/describe.ts';
import { StoryIndex, type StoryArticle } from '../../shared/learn/index.ts';
import { storyToWebAnnotation, withStory, STORY_CLAIM_PREFIX } from '../../shared/userdata/story-export.ts';
import { DEFAULT_SETTINGS, type ExportFile } from '../../shared/userdata/types.ts';
import { fromWebAnnotation } from '../../shared/userdata/web-annotation.ts';
import { importError } from './import-check.ts';

const TEXT = {
  a: 'Transport minister Tobias Hallgren said the line would stay closed until Friday. Fishermen saw dead fish.',
  b: 'Minister Tobias Hallgren said on Wednesday the line would stay closed until Friday.',
  c: 'Verkehrsminister Tobias Hallgren sagte, die Strecke bleibe bis Freitag gesperrt.',
};
type Id = keyof typeof TEXT;
const url = (id: Id) => `https://${id}.example/story`;

function passage(id: Id) {
  const text = TEXT[id];
  return { article: url(id), selector: describeSpan(text, 0, text.indexOf('.') + 1) };
}

const article = (id: Id, readAt: number): StoryArticle => ({
  id: url(id),
  sourceIds: [`read:${url(id)}`],
  url: url(id),
  site: `${id}.example`,
  title: `Title ${id}`,
  date: '2026-11-10',
  lang: id === 'c' ? 'de' : 'en',
  readAt,
});

function story() {
  const index = new StoryIndex();
  index.add({ passages: [passage('b'), passage('a')] });
  index.add({ passages: [passage('c'), passage('a')] });
  const articles = new Map((['a', 'b', 'c'] as const).map((id, i) => [url(id), article(id, Date.UTC(2026, 10, 10 + i))]));
  return index.stories(articles, 'en')[0]!;
}

/** The reader's own data: one page read already recorded as a source, with a claim of their own. */
function file(): ExportFile {
  return {
    format: 'crossread-export',
    formatVersion: 1,
    exported: '2026-11-12T10:00:00.000Z',
    kb: { format: 1, version: 'test', sources: [], entities: [], claims: [], concepts: [] },
    user: {
      annotations: [{ id: 3, url: url('a'), title: 'Title a', created: 1, modified: 2, selectors: describeSpan(TEXT.a, 82, 104), note: 'check this' }],
      claims: [{ id: 'user-1', statement: 'Fish died', about: [], created: 5 }],
      sources: [{ id: `page:${url('a')}`, url: url('a'), title: 'Title a', date: '2026-11-10', lang: 'en' }],
      occurrences: [{ claimId: 'user-1', sourceId: `page:${url('a')}`, selector: describeSpan(TEXT.a, 82, 104), confirmed: true, recorded: 6 }],
      settings: DEFAULT_SETTINGS,
    },
  };
}

describe('a story’s export', () => {
  it('adds the story’s statement and its three passages to the reader’s data, which it keeps', () => {
    const out = withStory(file(), story(), 1_800_000_000_000);
    expect(out.user.annotations).toEqual(file().user.annotations);
    const added = out.user.claims.filter((c) => c.id.startsWith(STORY_CLAIM_PREFIX));
    expect(added.map((c) => c.statement)).toEqual([passage('a').selector[0].exact]);
    const passages = out.user.occurrences.filter((o) => o.claimId === added[0]!.id);
    expect(passages.map((o) => o.sourceId).sort()).toEqual([`page:${url('a')}`, `page:${url('b')}`, `page:${url('c')}`]);
    expect(passages.find((o) => o.sourceId === `page:${url('c')}`)!.selector[0].exact).toBe(passage('c').selector[0].exact);
    // The page already recorded stays as it was; the two others are added with their publication dates.
    expect(out.user.sources.filter((s) => s.id === `page:${url('a')}`)).toEqual(file().user.sources);
    expect(out.user.sources.find((s) => s.id === `page:${url('c')}`)).toMatchObject({ title: 'Title c', published: '2026-11-10', lang: 'de' });
  });

  it('passes the import’s checks, and its JSON-LD reads back to the same file', () => {
    const s = story();
    const out = withStory(file(), s, 1_800_000_000_000);
    expect(importError(out)).toBeNull();
    const ld = storyToWebAnnotation(out, { id: s.id, title: s.title, articles: s.articles, statements: s.statements.length });
    expect(ld).toMatchObject({ type: 'AnnotationCollection', label: `Crossread story: ${s.title}` });
    const back = fromWebAnnotation(JSON.parse(JSON.stringify(ld)));
    expect(importError(back)).toBeNull();
    expect(back.user).toEqual(JSON.parse(JSON.stringify(out.user)));
  });

  it('gives the same ids when exported twice, and adds nothing twice', () => {
    const once = withStory(file(), story(), 1);
    const twice = withStory(once, story(), 2);
    expect(twice).toEqual(once);
  });
});
