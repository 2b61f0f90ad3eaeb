/**
 * The pure rules behind the store of pages read (learned.ts), kept apart so they are tested without a database:
 * - which index terms a page to link looks up in full and which it only checks against the pages those found
 *   (a name that hundreds of pages read use says little about the story and would load all of them);
 * - which pages read are candidates, sharing the most names first;
 * - how much room a page read takes, and which pages go first when the days or megabytes kept are exceeded.
 */

/**
 * A term used by more pages read than this is common: its pages are not loaded from it, it only adds to the
 * count of pages a rarer term found. 10,000 articles read name a country or a head of government in thousands.
 */
export const COMMON_POSTINGS = 400;
/** Of the pages found through rare terms, those sharing the most are checked against the common terms. */
export const CHECKED_PAGES = 400;

/** A page's index terms split by how many pages read use them: the rare ones, rarest first, and the common ones. */
export function splitTerms(counts: ReadonlyMap<string, number>, common = COMMON_POSTINGS): { rare: string[]; common: string[] } {
  const rare: string[] = [];
  const frequent: string[] = [];
  for (const [term, n] of counts) {
    if (n === 0) continue;
    (n > common ? frequent : rare).push(term);
  }
  const byCount = (a: string, b: string) => counts.get(a)! - counts.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  return { rare: rare.sort(byCount), common: frequent.sort(byCount) };
}

/**
 * The pages to check against the common terms: those found through rare terms, sharing the most first (ties in
 * the order found), at most `limit`. Counts are by page address.
 */
export function pagesToCheck(shared: ReadonlyMap<string, number>, limit = CHECKED_PAGES): string[] {
  return [...shared].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([url]) => url);
}

/**
 * The candidate pages: sharing at least `min` terms with the page, never the page itself, sharing the most first
 * (ties in the order found), at most `max`.
 */
export function rankCandidates(shared: ReadonlyMap<string, number>, self: string, min: number, max: number): string[] {
  return [...shared]
    .filter(([url, n]) => n >= min && url !== self)
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([url]) => url);
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
