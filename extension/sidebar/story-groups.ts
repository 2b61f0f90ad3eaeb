/** The sidebar's claims grouped by the story they belong to, by their other sources. Pure. */
import type { StoryInfo } from '../../shared/messages.ts';
import type { ClaimRow } from './model.ts';

/** A story with the page's claims that belong to it. */
export interface StoryGroup {
  story: StoryInfo;
  rows: ClaimRow[];
}

/**
 * Each claim row goes to the story holding most of its other sources (the card's list, ui/sources.ts), if one of
 * them is a page read: what the page shares with what was read. Rows of no story stay in `rest`; both keep page
 * order. Groups come with the most rows first, then in the stories' own order.
 */
export function groupByStory(rows: readonly ClaimRow[], stories: readonly StoryInfo[]): { groups: StoryGroup[]; rest: ClaimRow[] } {
  const members = stories.map((s) => ({
    all: new Set(s.articles.flatMap((a) => a.sourceIds)),
    read: new Set(s.articles.flatMap((a) => (a.curated ? [] : a.sourceIds))),
  }));
  const grouped = stories.map((story) => ({ story, rows: [] as ClaimRow[] }));
  const rest: ClaimRow[] = [];
  for (const row of rows) {
    const ids = row.others.map((o) => o.sourceId);
    let best = -1;
    let bestScore = 0;
    members.forEach((m, i) => {
      if (!ids.some((id) => m.read.has(id))) return;
      const score = ids.filter((id) => m.all.has(id)).length;
      if (score > bestScore) (best = i), (bestScore = score);
    });
    if (best < 0) rest.push(row);
    else grouped[best]!.rows.push(row);
  }
  const order = new Map(stories.map((s, i) => [s.id, i]));
  const groups = grouped.filter((g) => g.rows.length > 0).sort((a, b) => b.rows.length - a.rows.length || order.get(a.story.id)! - order.get(b.story.id)!);
  return { groups, rest };
}
