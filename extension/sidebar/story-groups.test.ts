import { describe, expect, it } from 'vitest';
import type { StoryInfo } from '../../shared/messages.ts';
import type { ClaimRow } from './model.ts';
import { groupByStory } from './story-groups.ts';

const article = (id: string, curated = false) => ({
  url: `https://${id}.example/`,
  site: `${id}.example`,
  title: id,
  date: '',
  lang: 'en' as const,
  sourceIds: curated ? [id] : [`read:https://${id}.example/`, `page:https://${id}.example/`],
  curated,
});

const story = (id: string, articles: ReturnType<typeof article>[], seed = false): StoryInfo => ({ id, title: id, seed, articles, statements: 1 });

function row(key: string, sources: string[]): ClaimRow {
  return {
    key,
    index: 0,
    claimId: key,
    statement: key,
    speaker: null,
    passage: key,
    others: sources.map((sourceId) => ({ sourceId, title: sourceId, date: '', passages: [] })),
  };
}

const RAIL = story('story:rail', [article('ledger'), article('tagesblatt'), article('wire')]);
const PORT = story('story:port', [article('harbour'), article('gazette')]);
const SEED = story('story:seed', [article('seed-a', true), article('seed-b', true), article('reader')], true);

describe('the sidebar’s story groups', () => {
  it('puts each claim under the story of its other sources, in page order, the biggest group first', () => {
    const rows = [
      row('strike', ['read:https://harbour.example/']),
      row('closed', ['read:https://ledger.example/', 'read:https://wire.example/']),
      row('own', []),
      row('wagons', ['read:https://tagesblatt.example/']),
    ];
    const { groups, rest } = groupByStory(rows, [PORT, RAIL]);
    expect(groups.map((g) => [g.story.id, g.rows.map((r) => r.key)])).toEqual([
      ['story:rail', ['closed', 'wagons']],
      ['story:port', ['strike']],
    ]);
    expect(rest.map((r) => r.key)).toEqual(['own']);
  });

  it('joins a curated claim to the seed story only when a page read states it too', () => {
    const rows = [row('kb-only', ['seed-a', 'seed-b']), row('read-too', ['seed-a', 'page:https://reader.example/'])];
    const { groups, rest } = groupByStory(rows, [SEED, RAIL]);
    expect(groups.map((g) => [g.story.id, g.rows.map((r) => r.key)])).toEqual([['story:seed', ['read-too']]]);
    expect(rest.map((r) => r.key)).toEqual(['kb-only']);
  });

  it('chooses the story holding most of a claim’s sources when two hold some', () => {
    const rows = [row('bridge', ['read:https://harbour.example/', 'read:https://ledger.example/', 'read:https://wire.example/'])];
    expect(groupByStory(rows, [PORT, RAIL]).groups.map((g) => g.story.id)).toEqual(['story:rail']);
  });
});
