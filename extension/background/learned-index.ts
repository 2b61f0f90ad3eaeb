/**
 * The pure rules behind the store of pages read (learned.ts), kept apart so they are tested without a database:
 * - which pages read are candidates of a page to link: found through its rare index terms, read in full, and checked
 *   against its common ones (a name that hundreds of pages read use says little about the story and would load
 *   all of them), the rarest shared names first;
 * - how much room a page read takes, and which pages go first when the days or megabytes kept are exceeded.
 */

/**
 * A term used by more pages read than this is common: at most one more of its pages is read from the index, to
 * tell, and they are dropped. So a lookup reads at most this many entries per term, however many pages were
 * read, and a name that a tenth of the news uses never loads a tenth of the pages read. 10,000 articles read
 * name a country or a head of government in thousands, the cast of one story in a few dozen at most.
 */
export const RARE_POSTINGS = 50;
/** Of the pages found through rare terms, those weighing most are checked against the common terms as well. */
export const CHECKED_PAGES = 60;
/**
 * The pages read last are checked against every term of the page, common ones too: the articles of the story the
 * reader follows, though all its names be common, are among them.
 */
export const LATEST_PAGES = 100;

/**
 * A page read last that no rare term found is a candidate through the common terms that at most this share of the
 * pages read use (or twice RARE_POSTINGS, where few were read): the names of a story the reader follows, not
 * those of every day's news.
 */
export const FOLLOWED_SHARE = 0.05;

/** What the selection of candidates reads of the index of pages read: IndexedDB in learned.ts, a Map in tests. */
export interface TermIndex {
  /** At most `limit` of the pages that use `term`, in any fixed order. */
  pages(term: string, limit: number): Promise<string[]>;
  /** How many pages use `term` (asked only for the common terms). */
  count(term: string): Promise<number>;
  /** The index terms of each page given. */
  termsOf(urls: readonly string[]): Promise<Map<string, readonly string[]>>;
  /** The `n` pages read last, newest first. */
  latest(n: number): Promise<string[]>;
}

/**
 * The index of pages read held in memory (`pages`: each page's terms, in the order read), for the unit tests and the
 * bench of the selection (scripts/bench/learned-select.ts); `reads` counts what was read of it.
 */
export function memoryIndex(pages: ReadonlyMap<string, readonly string[]>): TermIndex & { reads: { entries: number; pagesChecked: number } } {
  const byTerm = new Map<string, string[]>();
  for (const [url, terms] of pages) {
    for (const t of terms) {
      const list = byTerm.get(t) ?? [];
      byTerm.set(t, list);
      list.push(url);
    }
  }
  for (const list of byTerm.values()) list.sort();
  const reads = { entries: 0, pagesChecked: 0 };
  return {
    reads,
    pages: async (term, limit) => {
      const found = (byTerm.get(term) ?? []).slice(0, limit);
      reads.entries += found.length;
      return found;
    },
    count: async (term) => byTerm.get(term)?.length ?? 0,
    termsOf: async (urls) => {
      reads.pagesChecked += urls.length;
      return new Map(urls.map((u) => [u, pages.get(u) ?? []]));
    },
    latest: async (n) => [...pages.keys()].reverse().slice(0, n),
  };
}

/** A page read that shares terms with the page to link. */
export interface Candidate {
  url: string;
  /** Index terms shared (known exactly for the pages checked, else the rare ones only). */
  shared: number;
  /** The shared terms' rarity: the sum of ln(pages read / pages using the term). */
  weight: number;
}

export interface SelectOptions {
  /** Pages read in all, for each term's rarity. */
  total: number;
  /** Terms a candidate must share. */
  min: number;
  rare?: number;
  checked?: number;
  latest?: number;
  followedShare?: number;
}

/**
 * The pages read that share at least `min` of `terms`, never `self`, rarest shared terms first (the sum of their
 * rarity; then the number shared; then the address). Each term's pages are read only when it is rare (at most
 * `rare` pages use it); the common terms count only for the pages the rare ones found that weigh most, and for
 * the pages read last (those only through the common terms of a story, see FOLLOWED_SHARE). So the entries read
 * are bounded by the page's terms, not by the pages read, and a term in every page read floods nothing.
 */
export async function selectCandidates(index: TermIndex, terms: readonly string[], self: string, options: SelectOptions): Promise<Candidate[]> {
  const { total, min, rare = RARE_POSTINGS, checked = CHECKED_PAGES, latest = LATEST_PAGES, followedShare = FOLLOWED_SHARE } = options;
  const wanted = [...new Set(terms)].sort();
  const postings = await Promise.all(wanted.map((t) => index.pages(t, rare + 1)));
  const common = wanted.filter((_, i) => postings[i]!.length > rare);
  const counts = new Map(wanted.map((t, i) => [t, postings[i]!.length]));
  for (const [t, n] of await Promise.all(common.map(async (t) => [t, await index.count(t)] as const))) counts.set(t, Math.max(n, rare + 1));
  const rarity = new Map(wanted.map((t) => [t, Math.log(Math.max(total, counts.get(t)!) / Math.max(1, counts.get(t)!))]));
  const found = new Map<string, Set<string>>();
  for (const [i, t] of wanted.entries()) {
    if (postings[i]!.length > rare) continue;
    for (const url of postings[i]!) {
      if (url === self) continue;
      const set = found.get(url) ?? new Set<string>();
      found.set(url, set.add(t));
    }
  }
  const weigh = (shared: Iterable<string>) => {
    let w = 0;
    for (const t of shared) w += rarity.get(t)!;
    return w;
  };
  if (common.length > 0) {
    const heaviest = [...found].map(([url, set]) => ({ url, shared: set.size, weight: weigh(set) })).sort(ranked).slice(0, checked).map((c) => c.url);
    const toCheck = [...new Set([...heaviest, ...(await index.latest(latest))])].filter((u) => u !== self);
    const page = new Set(wanted.filter((t) => counts.get(t)! > 0));
    const followed = Math.max(followedShare * total, 2 * rare);
    for (const [url, theirs] of await index.termsOf(toCheck)) {
      // A page no rare term found counts only the names of a story (few pages use them), never the news's
      // everyday names: two names every article uses make no story.
      const viaRare = found.has(url);
      const shared = theirs.filter((t) => page.has(t) && (viaRare || counts.get(t)! <= followed));
      if (shared.length > 0) found.set(url, new Set(shared));
    }
  }
  return [...found]
    .filter(([, set]) => set.size >= min)
    .map(([url, set]) => ({ url, shared: set.size, weight: weigh(set) }))
    .sort(ranked);
}

/** Heaviest first, then sharing most, then by address (the same order every time). */
function ranked(a: Candidate, b: Candidate): number {
  return b.weight - a.weight || b.shared - a.shared || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

/** What a page read stores, for its size. */
export interface SizedPage {
  url: string;
  title: string;
  text: string;
  site: string;
}

/** Bytes an index entry takes beside its term and address (keys stored twice: the row and its indexes). */
const ENTRY_OVERHEAD = 32;

/**
 * About how many bytes a page read takes in IndexedDB: its strings as UTF-16 (what a browser counts before any
 * compression), and its index entries, each holding its term and the page's address in the row and two indexes.
 */
export function pageBytes(page: SizedPage, terms: readonly string[]): number {
  const strings = page.url.length + page.title.length + page.text.length + page.site.length + 64;
  const index = terms.reduce((n, t) => n + 2 * (t.length + page.url.length) + ENTRY_OVERHEAD, 0);
  return 2 * strings + index;
}

/** How long and how much learned data is kept. */
export interface Bounds {
  /** Pages read before this time (ms since the epoch) go. */
  cutoff: number;
  /** At most this many bytes in all; 0: no bound by size. */
  maxBytes: number;
}

/**
 * Decides, page by page from the oldest read, which pages go: every page read before the cutoff, then the oldest
 * until what is left fits the bytes kept. `keep` (the page just recorded) never goes. `take` answers false when
 * no later page can go either, so the caller stops reading pages.
 */
export class PrunePlan {
  readonly victims: string[] = [];
  constructor(
    private total: number,
    private readonly bounds: Bounds,
    private readonly keep?: string,
  ) {}

  /** Considers the next oldest page; false: stop, it and every newer page stay. */
  take(page: { url: string; readAt: number; bytes: number }): boolean {
    if (page.url === this.keep) return true;
    const old = page.readAt < this.bounds.cutoff;
    const tooMuch = this.bounds.maxBytes > 0 && this.total > this.bounds.maxBytes;
    if (!old && !tooMuch) return false;
    this.victims.push(page.url);
    this.total -= page.bytes;
    return true;
  }

  /** The bytes left once the victims are gone. */
  get remaining(): number {
    return this.total;
  }
}

/** Of `count` pages read, how many the oldest go to make room when the disk is full: a quarter, at least one. */
export function roomToMake(count: number): number {
  return count === 0 ? 0 : Math.max(1, Math.ceil(count / 4));
}
