import { describe, expect, it } from 'vitest';
import { CHECKED_PAGES, LATEST_PAGES, memoryIndex, pageBytes, PrunePlan, RARE_POSTINGS, roomToMake, selectCandidates, type TermIndex } from './learned-index.ts';

/** `n` pages read of other stories, each naming `everywhere` and two names of its own. */
function otherNews(n: number, everywhere: string[]): Map<string, string[]> {
  return new Map(Array.from({ length: n }, (_, i) => [`https://news.example/${i}`, [...everywhere, `cast${i}`, `place${i % 97}`]]));
}

describe('choosing the pages read to link a page with', () => {
  const select = (index: TermIndex, terms: string[], self = 'https://probe.example/1') => selectCandidates(index, terms, self, { min: 2 });

  it('finds the one article read that shares two rare names with the page among thousands that share none', async () => {
    const read = otherNews(5_000, ['nato']);
    read.set('https://wire.example/story', ['lindqvarn', 'hallgren', 'nato']);
    const index = memoryIndex(read);
    const found = await select(index, ['lindqvarn', 'hallgren', 'nato', 'berlin']);
    expect(found.map((c) => c.url)).toEqual(['https://wire.example/story']);
    expect(found[0]!.shared).toBe(3);
    // The common names were not read page by page: at most 51 entries of each, then whether the one page found
    // and the pages read last use them.
    expect(index.reads.entries).toBeLessThanOrEqual(2 * (RARE_POSTINGS + 1) + 2 * (1 + LATEST_PAGES));
  });

  it('is not flooded by a term every article uses, nor by two', async () => {
    const read = otherNews(3_000, ['ukraine', 'kyiv']);
    read.set('https://wire.example/a', ['ukraine', 'kyiv', 'brekke', 'tolvik']);
    read.set('https://paper.example/b', ['ukraine', 'brekke', 'tolvik']);
    const index = memoryIndex(read);
    const found = await select(index, ['ukraine', 'kyiv', 'brekke', 'tolvik']);
    // Every article shares the two common names with the page: only the story's two articles are candidates, and
    // only the pages read last and those two were checked for the common names.
    expect(found.map((c) => c.url)).toEqual(['https://wire.example/a', 'https://paper.example/b']);
    expect(found.map((c) => c.shared)).toEqual([4, 3]);
    expect(index.reads.entries).toBeLessThanOrEqual(4 * (RARE_POSTINGS + 1) + 2 * (CHECKED_PAGES + LATEST_PAGES));
  });

  it('ranks the rarest shared names first, not the most names shared', async () => {
    const read = otherNews(500, ['nato']);
    // Shares three names, all of them in many articles; the other shares two names only it and the page use.
    for (let i = 0; i < 40; i++) read.set(`https://x.example/${i}`, ['merkel', 'scholz', 'nato', `x${i}`]);
    read.set('https://old.example/common', ['merkel', 'scholz', 'nato']);
    read.set('https://rare.example/story', ['oyelaran', 'skovheim']);
    const found = await select(memoryIndex(read), ['merkel', 'scholz', 'nato', 'oyelaran', 'skovheim']);
    expect(found[0]!.url).toBe('https://rare.example/story');
  });

  it('still finds the articles of a story the reader follows when all its names have grown common', async () => {
    // A story read 80 times: its names are past the rare bound, so it is found among the pages read last.
    const read = otherNews(2_000, []);
    for (let i = 0; i < 80; i++) read.set(`https://follow${i % 5}.example/${i}`, ['zelensky', 'bakhmut', 'wagner', `f${i}`]);
    const found = await select(memoryIndex(read), ['zelensky', 'bakhmut', 'wagner']);
    expect(found.length).toBe(LATEST_PAGES);
    expect(found.every((c) => c.url.startsWith('https://follow'))).toBe(true);
  });

  it('never takes the page itself, nor a page sharing a single name', async () => {
    const read = new Map([
      ['https://probe.example/1', ['a1', 'b1']],
      ['https://one.example/x', ['a1', 'zz']],
      ['https://two.example/y', ['a1', 'b1']],
    ]);
    const found = await select(memoryIndex(read), ['a1', 'b1']);
    expect(found.map((c) => c.url)).toEqual(['https://two.example/y']);
  });

  it('finds every page sharing two names where few pages were read, as a full lookup would', async () => {
    const read = new Map([
      ['https://a.example/1', ['keller', 'lindqvarn']],
      ['https://b.example/2', ['keller', 'lindqvarn', 'brekke']],
      ['https://c.example/3', ['keller']],
    ]);
    const found = await select(memoryIndex(read), ['keller', 'lindqvarn', 'brekke']);
    expect(found.map((c) => [c.url, c.shared])).toEqual([
      ['https://b.example/2', 3],
      ['https://a.example/1', 2],
    ]);
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
