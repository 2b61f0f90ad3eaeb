import { describe, expect, it } from 'vitest';
import { pageBytes, pagesToCheck, PrunePlan, rankCandidates, roomToMake, splitTerms } from './learned-index.ts';

describe('looking up the index of pages read', () => {
  it('loads pages through the rare names, rarest first, and only checks the common ones', () => {
    const counts = new Map([
      ['biden', 5_000],
      ['lindqvarn', 3],
      ['hallgren', 12],
      ['vessa', 0],
      ['ukraine', 401],
      ['brekke', 400],
    ]);
    expect(splitTerms(counts)).toEqual({ rare: ['lindqvarn', 'hallgren', 'brekke'], common: ['ukraine', 'biden'] });
    // Where few pages were read, every name is rare: the lookup is the full one.
    expect(splitTerms(new Map([['a', 1], ['b', 2]]))).toEqual({ rare: ['a', 'b'], common: [] });
  });

  it('checks the common names only against the pages sharing the most rare ones', () => {
    const shared = new Map([
      ['x', 1],
      ['y', 3],
      ['z', 2],
      ['w', 3],
    ]);
    expect(pagesToCheck(shared, 3)).toEqual(['y', 'w', 'z']);
  });

  it('takes as candidates the pages sharing two names or more, most first, never the page itself', () => {
    const shared = new Map([
      ['a', 2],
      ['self', 9],
      ['b', 1],
      ['c', 4],
      ['d', 2],
    ]);
    expect(rankCandidates(shared, 'self', 2, 40)).toEqual(['c', 'a', 'd']);
    expect(rankCandidates(shared, 'self', 2, 2)).toEqual(['c', 'a']);
  });
});

describe('pruning pages read', () => {
  const page = (url: string, readAt: number, bytes = 100) => ({ url, readAt, bytes });
  const run = (plan: PrunePlan, pages: ReturnType<typeof page>[]) => {
    const seen: string[] = [];
    for (const p of pages) {
      seen.push(p.url);
      if (!plan.take(p)) break;
    }
    return { victims: plan.victims, seen };
  };

  it('forgets the pages older than the days kept, oldest first, and reads no page past the first young one', () => {
    const plan = new PrunePlan(400, { cutoff: 50, maxBytes: 0 });
    expect(run(plan, [page('a', 10), page('b', 20), page('c', 60), page('d', 70)])).toEqual({ victims: ['a', 'b'], seen: ['a', 'b', 'c'] });
    expect(plan.remaining).toBe(200);
  });

  it('forgets the oldest until the rest fits the bytes kept', () => {
    const plan = new PrunePlan(1_000, { cutoff: 0, maxBytes: 650 });
    expect(run(plan, [page('a', 10, 300), page('b', 20, 100), page('c', 30, 100), page('d', 40, 500)]).victims).toEqual(['a', 'b']);
    expect(plan.remaining).toBe(600);
  });

  it('never forgets the page just recorded, even if it alone is larger than the bound', () => {
    const plan = new PrunePlan(900, { cutoff: 0, maxBytes: 100 });
    expect(run(plan, [page('old', 10, 200), page('new', 20, 700)]).victims).toEqual(['old', 'new']);
    const keep = new PrunePlan(900, { cutoff: 0, maxBytes: 100 }, 'new');
    expect(run(keep, [page('old', 10, 200), page('new', 20, 700)]).victims).toEqual(['old']);
    expect(keep.victims).not.toContain('new');
  });

  it('makes room on a full disk with the oldest quarter of the pages read, at least one', () => {
    expect([0, 1, 3, 4, 5, 100].map(roomToMake)).toEqual([0, 1, 1, 1, 2, 25]);
  });

  it('counts a page by its text and title as the browser stores them, and by its index entries', () => {
    const p = { url: 'https://a.example/x', site: 'a.example', title: 'T', text: 'x'.repeat(1000) };
    expect(pageBytes(p, [])).toBeGreaterThan(2000);
    expect(pageBytes(p, ['lindqvarn', 'brekke'])).toBeGreaterThan(pageBytes(p, []));
  });
});
