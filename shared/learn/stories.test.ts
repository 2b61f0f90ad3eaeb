/**
 * Stories from links, on made-up articles of our own: a rail closure near Lindqvarn told in English and German on
 * three sites, and an unrelated port strike in Velmar on two.
 */
import { describe, expect, it } from 'vitest';
import type { Lang } from '../kb/types.ts';
import { SEED_STORY_ID, StoryIndex, type StoryArticle, type StoryLink, type StoryPassage } from './stories.ts';

const TEXTS: Record<string, string> = {
  ledger:
    'Transport minister Tobias Hallgren said the line between Lindqvarn and Brekke would stay closed until Friday. ' +
    'The operator Nordbahn said 40 wagons had left the track near Lindqvarn.',
  tagesblatt:
    'Verkehrsminister Tobias Hallgren sagte, die Strecke zwischen Lindqvarn und Brekke bleibe bis Freitag gesperrt. ' +
    'Der Betreiber Nordbahn sagte, 40 Wagen seien bei Lindqvarn entgleist.',
  wire: 'Tobias Hallgren said the line between Lindqvarn and Brekke would stay closed until Friday, officials confirmed.',
  harbour: 'Dockers in Velmar went on strike on Monday, the union Havnfolk said.',
  gazette: 'The union Havnfolk said dockers in Velmar went on strike on Monday.',
  mercDe: 'Der Söldnerchef Jewgeni Prigoschin sagte, seine Truppen zögen aus Rostow ab.',
  mercEn: 'Mercenary chief Yevgeny Prigozhin said his troops would withdraw from Rostov.',
  venn: 'Arlo Venn announced a new bridge over the Vessa, the council said.',
  seedA: 'Minister Arlo Venn announced a new bridge over the Vessa in Lindqvarn.',
  seedB: 'Arlo Venn announced that a bridge over the Vessa will be built.',
};

const LANGS: Record<string, Lang> = { tagesblatt: 'de', mercDe: 'de' };

function article(id: string, readAt: number, more: Partial<StoryArticle> = {}): StoryArticle {
  return { id, sourceIds: [`read:${id}`], site: `${id}.example`, title: `${id} title`, date: '2026-11-10', lang: LANGS[id] ?? 'en', readAt, ...more };
}

/** The passage of `id` that starts with `opening` and ends at its sentence's full stop. */
function passage(id: string, opening: string): StoryPassage {
  const text = TEXTS[id]!;
  const start = text.indexOf(opening);
  if (start < 0) throw new Error(`${opening} not in ${id}`);
  const end = text.indexOf('.', start + opening.length) + 1;
  const exact = text.slice(start, end);
  return {
    article: id,
    selector: [
      { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
      { type: 'TextPositionSelector', start, end },
    ],
  };
}

const CLOSED_EN = () => passage('ledger', 'Transport minister');
const CLOSED_DE = () => passage('tagesblatt', 'Verkehrsminister');
const CLOSED_WIRE = () => passage('wire', 'Tobias Hallgren');
const WAGONS_EN = () => passage('ledger', 'The operator');
const WAGONS_DE = () => passage('tagesblatt', 'Der Betreiber');
const STRIKE_A = () => passage('harbour', 'Dockers');
const STRIKE_B = () => passage('gazette', 'The union');

const ARTICLES = new Map(
  [article('ledger', 1), article('tagesblatt', 2), article('harbour', 3), article('wire', 4), article('gazette', 5)].map((a) => [a.id, a]),
);

/** The tagesblatt linked to the ledger (two statements), the wire to both, the gazette to the harbour. */
const LINKS: StoryLink[] = [
  { passages: [CLOSED_DE(), CLOSED_EN()] },
  { passages: [WAGONS_DE(), WAGONS_EN()] },
  { passages: [STRIKE_B(), STRIKE_A()] },
  { passages: [CLOSED_WIRE(), CLOSED_EN(), CLOSED_DE()] },
];

function indexOf(links: readonly StoryLink[]): StoryIndex {
  const index = new StoryIndex();
  for (const link of links) index.add(link);
  return index;
}

describe('stories from links', () => {
  it('joins articles that share a statement into one story, and keeps unrelated ones apart', () => {
    const stories = indexOf(LINKS).stories(ARTICLES, 'en');
    expect(stories.map((s) => s.articles.map((a) => a.id))).toEqual([['ledger', 'tagesblatt', 'wire'], ['harbour', 'gazette']]);
    const rail = stories[0]!;
    expect(rail.id).toBe('story:ledger');
    // The closure, said on three sites, is one statement with three passages, not three statements.
    expect(rail.statements.map((s) => s.passages.map((p) => p.article))).toEqual([['ledger', 'tagesblatt', 'wire'], ['ledger', 'tagesblatt']]);
    expect(rail.seed).toBe(false);
  });

  it('titles a story with the names most of its articles use, in the reader’s language', () => {
    const [rail, strike] = indexOf(LINKS).stories(ARTICLES, 'en');
    // All three articles name these; Lindqvarn most often. The wire's "Hallgren said" counts for the full name.
    expect(rail!.names).toEqual(['Lindqvarn', 'Brekke', 'Tobias Hallgren']);
    expect(rail!.title).toBe('Lindqvarn · Brekke · Tobias Hallgren');
    expect(strike!.names).toEqual(expect.arrayContaining(['Velmar', 'Havnfolk']));
    // The transliterations meet, and the reader's spelling wins.
    const merc = new Map([article('mercDe', 1), article('mercEn', 2)].map((a) => [a.id, a]));
    const index = indexOf([{ passages: [passage('mercDe', 'Der'), passage('mercEn', 'Mercenary')] }]);
    expect(index.stories(merc, 'de')[0]!.names[0]).toBe('Jewgeni Prigoschin');
    expect(index.stories(merc, 'en')[0]!.names[0]).toBe('Yevgeny Prigozhin');
  });

  it('words each statement in the reader’s language where an article does', () => {
    const index = indexOf(LINKS);
    const [en] = index.stories(ARTICLES, 'en');
    const [de] = index.stories(ARTICLES, 'de');
    expect(en!.statements[0]!.text).toBe(CLOSED_EN().selector[0].exact);
    expect(de!.statements[0]!.text).toBe(CLOSED_DE().selector[0].exact);
    expect(de!.statements[0]!.lang).toBe('de');
  });

  it('gives the same stories whatever order the links came in', () => {
    const forward = indexOf(LINKS).stories(ARTICLES, 'en');
    const backward = indexOf([...LINKS].reverse()).stories(ARTICLES, 'en');
    expect(backward).toEqual(forward);
  });

  it('keeps a story’s id and articles when a new article joins it', () => {
    const before = indexOf(LINKS.slice(0, 3)).stories(ARTICLES, 'en');
    const index = indexOf(LINKS);
    const after = index.stories(ARTICLES, 'en');
    expect(before[0]!.id).toBe(after[0]!.id);
    expect(after[0]!.articles.map((a) => a.id)).toEqual([...before[0]!.articles.map((a) => a.id), 'wire']);
    // Adding a link between known passages changes nothing.
    index.add({ passages: [CLOSED_EN(), CLOSED_WIRE()] });
    expect(index.stories(ARTICLES, 'en')).toEqual(after);
  });

  it('leaves out articles no longer known, and a story left with one article', () => {
    const known = new Map([...ARTICLES].filter(([id]) => id !== 'gazette' && id !== 'tagesblatt'));
    const stories = indexOf(LINKS).stories(known, 'en');
    expect(stories.map((s) => s.articles.map((a) => a.id))).toEqual([['ledger', 'wire']]);
    expect(stories[0]!.statements).toHaveLength(1);
  });

  it('makes the curated articles and the pages read that state their claims the seed story', () => {
    const seed = new Map([
      ...ARTICLES,
      ['venn', article('venn', 6)] as const,
      ...[article('seedA', 0, { curated: true, sourceIds: ['seedA'] }), article('seedB', 0, { curated: true, sourceIds: ['seedB'] })].map(
        (a) => [a.id, a] as const,
      ),
    ]);
    const venn = (id: string) => passage(id, id === 'seedA' ? 'Minister Arlo Venn' : 'Arlo Venn');
    // A page read states the curated claim: the knowledge base's passages and the page's are one link.
    const stories = indexOf([...LINKS, { passages: [venn('venn'), venn('seedA'), venn('seedB')], claimId: 'venn-bridge' }]).stories(seed, 'en');
    expect(stories[0]!.id).toBe(SEED_STORY_ID);
    expect(stories[0]!.seed).toBe(true);
    expect(stories[0]!.statements.map((s) => s.claimId)).toEqual(['venn-bridge']);
    expect(stories[0]!.articles.map((a) => a.id)).toEqual(['seedA', 'seedB', 'venn']);
    expect(stories[0]!.names).toContain('Arlo Venn');
    expect(stories.slice(1).map((s) => s.id)).toEqual(['story:ledger', 'story:harbour']);
    // Without a page read that states a curated claim there is no seed story.
    const curatedOnly = indexOf([{ passages: [venn('seedA'), venn('seedB')], claimId: 'venn-bridge' }]);
    expect(curatedOnly.stories(seed, 'en')).toEqual([]);
  });

  it('knows no story without links', () => {
    expect(new StoryIndex().stories(ARTICLES, 'en')).toEqual([]);
  });
});
