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
 * name a country or a head of government in thousands, the cast of one story in a few dozen at most. (Nothing is
 * counted in full: IndexedDB counts by reading every entry, 1.4 s for 10,000 pages read in Chromium.)
 */
export const RARE_POSTINGS = 50;
/** Of the pages found through rare terms, those weighing most are checked against the common terms as well. */
export const CHECKED_PAGES = 40;
/**
 * The pages read last are checked against the common terms too: the articles of a story the reader follows,
 * though all its names have grown common, are among them.
 */
export const LATEST_PAGES = 50;
/** A page no rare term found must share this many common terms: two names every article uses make no story. */
export const FOLLOWED_NAMES = 3;

/** What the selection of candidates reads of the index of pages read: IndexedDB in learned.ts, a Map in tests. */
export interface TermIndex {
  /** At most `limit` of the pages that use `term`, in any fixed order. */
  pages(term: string, limit: number): Promise<string[]>;
  /** For each [term, page], whether the page uses the term. */
  uses(pairs: readonly (readonly [string, string])[]): Promise<boolean[]>;
  /** The `n` pages read last, newest first. */
  latest(n: number): Promise<string[]>;
}

/**
 * The index of pages read held in memory (`pages`: each page's terms, in the order read), for the unit tests and
 * the bench of the selection (scripts/bench/learned-select.ts); `reads` counts the entries read of it.
 */
export function memoryIndex(pages: ReadonlyMap<string, readonly string[]>): TermIndex & { reads: { entries: number } } {
  const byTerm = new Map<string, string[]>();
  for (const [url, terms] of pages) {
    for (const t of terms) {
      const list = byTerm.get(t) ?? [];
      byTerm.set(t, list);
      list.push(url);
    }
  }
  for (const list of byTerm.values()) list.sort();
  const sets = new Map([...pages].map(([url, terms]) => [url, new Set(terms)]));
  const reads = { entries: 0 };
  return {
    reads,
    pages: async (term, limit) => {
      const found = (byTerm.get(term) ?? []).slice(0, limit);
      reads.entries += found.length;
      return found;
    },
    uses: async (pairs) => {
      reads.entries += pairs.length;
      return pairs.map(([term, url]) => sets.get(url)?.has(term) ?? false);
    },
    latest: async (n) => [...pages.keys()].reverse().slice(0, n),
  };
}

/** A page read that shares terms with the page to link. */
export interface Candidate {
  url: string;
  /** Index terms shared (known exactly for the pages checked, else the rare ones only). */
  shared: number;
  /** The rare shared terms' rarity: the sum of ln(2 × RARE_POSTINGS / pages using the term); common ones weigh 0. */
  weight: number;
}

export interface SelectOptions {
  /** Terms a candidate must share. */
  min: number;
  rare?: number;
  checked?: number;
  latest?: number;
  followed?: number;
}

/**
 * The pages read that share at least `min` of `terms`, never `self`, rarest shared terms first (the sum of their
 * rarity; then the number shared; then the address). Each term's pages are read only when it is rare (at most
 * `rare` pages use it); the common terms count only for the pages the rare ones found that weigh most, and for
 * the pages read last (those, when no rare term found them, sharing `followed` common terms). So the entries read
 * are bounded by the page's terms, not by the pages read, and a term in every page read floods nothing.
 */
export async function selectCandidates(index: TermIndex, terms: readonly string[], self: string, options: SelectOptions): Promise<Candidate[]> {
  const { min, rare = RARE_POSTINGS, checked = CHECKED_PAGES, latest = LATEST_PAGES, followed = FOLLOWED_NAMES } = options;
  const wanted = [...new Set(terms)].sort();
  const postings = await Promise.all(wanted.map((t) => index.pages(t, rare + 1)));
  const common = wanted.filter((_, i) => postings[i]!.length > rare);
  const found = new Map<string, { shared: number; weight: number }>();
  for (const list of postings) {
    if (list.length > rare) continue;
    const weight = Math.log((2 * rare) / list.length);
    for (const url of list) {
      if (url === self) continue;
      const c = found.get(url) ?? { shared: 0, weight: 0 };
      found.set(url, { shared: c.shared + 1, weight: c.weight + weight });
    }
  }
  if (common.length > 0) {
    const heaviest = [...found].map(([url, c]) => ({ url, ...c })).sort(ranked).slice(0, checked).map((c) => c.url);
    const toCheck = [...new Set([...heaviest, ...(await index.latest(latest))])].filter((u) => u !== self);
    const pairs = toCheck.flatMap((url) => common.map((t) => [t, url] as const));
    const uses = await index.uses(pairs);
    const extra = new Map<string, number>();
    for (const [k, [, url]] of pairs.entries()) if (uses[k]) extra.set(url, (extra.get(url) ?? 0) + 1);
    for (const [url, n] of extra) {
      const c = found.get(url);
      if (c) c.shared += n;
      else if (n >= followed) found.set(url, { shared: n, weight: 0 });
    }
  }
  return [...found]
    .filter(([, c]) => c.shared >= min)
    .map(([url, c]) => ({ url, ...c }))
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
