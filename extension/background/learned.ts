/**
 * Learning from pages read, on the background's side: it owns the data. A page the reader stayed on is stored
 * with the names it uses (an index of spelling-insensitive name keys to pages); a page to link asks the index
 * for the pages read on other sites that share at least two of its names, loads only those, and links the page
 * to them with shared/learn (the same matcher as the curated claims). The learned claims that linked are kept,
 * so that the claim card and the sidebar read them through the same queries as the knowledge base's.
 */
import type { Claim } from '../../shared/kb/types.ts';
import {
  curatedEntityMatcher,
  detectLang,
  extractStatements,
  isLearnedClaim,
  linkPage,
  Reading,
  type BaseKnowledge,
  type NameMention,
  type PreparedPage,
} from '../../shared/learn/index.ts';
import type { Matcher } from '../../shared/match/index.ts';
import type { LearnedLinks, LearnedOverview, LearnedSpan, LearnedStorage, SourceInfo } from '../../shared/messages.ts';
import { linkKey } from '../../shared/userdata/address.ts';
import { isSiteDisabled, mayRecordReading, pageKey, passageKey } from '../../shared/userdata/types.ts';
import type { CrossreadDb, LearnedClaimRow, ReadPageRow } from './db.ts';
import { pageBytes, PrunePlan, roomToMake, selectCandidates, type TermIndex } from './learned-index.ts';
import { storedVersion } from './seed.ts';
import { rejectedLinks } from './source-reject.ts';
import { readSettings } from './user-store.ts';

/** A page as the content script sends it. */
export interface PageText {
  url: string;
  title: string;
  lang?: 'de' | 'en' | undefined;
  date?: string | undefined;
  text: string;
}

/** Days a page read is kept unless the user chose otherwise. */
export const DEFAULT_KEEP_DAYS = 90;
const KEEP_KEY = 'learnKeepDays';
/** Megabytes of pages read kept unless the user chose otherwise: some 10,000 articles. */
export const DEFAULT_KEEP_MB = 200;
const KEEP_MB_KEY = 'learnKeepMb';
/** The bytes the pages read take (see pageBytes), kept up to date with every page stored or forgotten. */
const BYTES_KEY = 'learnBytes';
/** The last time the disk was full while Crossread wrote, and what it did about it (a DiskFull as JSON). */
const DISK_FULL_KEY = 'learnDiskFull';
const MB = 1024 * 1024;
/** Source ids of pages read: never the knowledge base's or the user's own (`page:`, `article:`). */
export const READ_SOURCE_PREFIX = 'read:';
/** Names a page read must share with the page to be loaded as a candidate (shared/learn asks the same). */
const SHARED_TERMS = 2;
/** At most this many candidate pages are read to link one page, those sharing the rarest names first. */
const MAX_CANDIDATES = 40;
/** Candidate pages loaded at most to find those MAX_CANDIDATES (the others: own site, another time). */
const LOADED_AT_MOST = 4 * MAX_CANDIDATES;
/** Days between publication dates within which two articles may be of one story (shared/learn's Reading: 14). */
const STORY_DAYS = 14;
const DAY_MS = 86_400_000;

/** The site of a URL: host and port, so localhost:8001 and localhost:8002 are two sites. */
export function siteOf(url: string): string {
  return new URL(url).host.toLowerCase().replace(/^www\./, '');
}

/** The index terms of a page: each name's key, and each word of a name of several words (a person's last name). */
export function termsOf(names: readonly NameMention[]): string[] {
  const terms = new Set<string>();
  for (const n of names) {
    if (n.key.length < 3) continue;
    terms.add(n.key);
    if (n.words > 1) for (const w of n.key.split(' ')) if (w.length >= 3) terms.add(w);
  }
  return [...terms];
}

/** The publication date as `YYYY-MM-DD` (or `YYYY-MM`), or '' when the page gave none that reads as a date. */
function cleanDate(date: string | undefined): string {
  return date && /^\d{4}-\d{2}(-\d{2})?$/.test(date) ? date : '';
}

/**
 * Stores a page read, unless the tab is private, recording is off or the site excluded; a page without any
 * statement is not stored. Answers how many statements it holds (0 when nothing was stored).
 */
export async function learnRead(db: CrossreadDb, page: PageText, incognito: boolean | undefined, now = Date.now()): Promise<number> {
  const settings = await readSettings(db);
  const url = pageKey(page.url);
  const { hostname } = new URL(url);
  if (!mayRecordReading(settings, incognito) || isSiteDisabled(hostname, settings.disabledSites)) return 0;
  const lang = page.lang ?? detectLang(page.text);
  const { statements, names } = extractStatements(page.text, lang);
  if (statements.length === 0) return 0;
  const terms = termsOf(names);
  const site = siteOf(url);
  const row: ReadPageRow = {
    url,
    site,
    title: page.title,
    lang,
    date: cleanDate(page.date),
    readAt: now,
    text: page.text,
    statements: statements.length,
    bytes: pageBytes({ url, site, title: page.title, text: page.text }, terms),
  };
  // A full disk first costs the oldest pages read, never the knowledge base or the reader's annotations.
  await withRoom(
    db,
    () =>
      db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims, db.meta], async () => {
        await forgetPages(db, [url], { keepLinks: true });
        await db.readPages.put(row);
        await db.readTerms.bulkPut(terms.map((term) => ({ term, url })));
        await addBytes(db, row.bytes!);
      }),
    { keep: url, lost: 'this page read was not recorded', rounds: 1 },
  );
  await prune(db, now, url);
  return statements.length;
}

/** The size a stored page counts for; pages stored before sizes were kept are measured without their index. */
function bytesOf(row: ReadPageRow): number {
  return row.bytes ?? pageBytes(row, []);
}

/** The bytes the pages read take; counted once from the pages if no count was kept yet. Inside a transaction with meta. */
async function learnedBytes(db: CrossreadDb): Promise<number> {
  const kept = Number((await db.meta.get(BYTES_KEY))?.value);
  if (Number.isFinite(kept) && kept >= 0) return kept;
  let total = 0;
  await db.readPages.each((row) => void (total += bytesOf(row)));
  await db.meta.put({ key: BYTES_KEY, value: String(total) });
  return total;
}

async function addBytes(db: CrossreadDb, delta: number): Promise<void> {
  const total = Math.max(0, (await learnedBytes(db)) + delta);
  await db.meta.put({ key: BYTES_KEY, value: String(total) });
}

/**
 * Deletes pages read, their index entries and the learned claims quoting them or linking them; inside the caller's
 * transaction (with meta). With `keepLinks` (a page read again), the links the page made when it was linked stay:
 * only those quoting its earlier text go.
 */
export async function forgetPages(db: CrossreadDb, urls: readonly string[], { keepLinks = false } = {}): Promise<void> {
  if (urls.length === 0) return;
  // Counted before anything changes: a count made from the pages afterwards would subtract them twice.
  await learnedBytes(db);
  const rows = await db.readPages.bulkGet([...urls]);
  const freed = rows.reduce((n, row) => n + (row ? bytesOf(row) : 0), 0);
  await db.readPages.bulkDelete([...urls]);
  await db.readTerms.where('url').anyOf([...urls]).delete();
  const quoted = new Set(urls.map((u) => READ_SOURCE_PREFIX + u));
  const links = db.learnedClaims.where('urls').anyOf([...urls]);
  await (keepLinks ? links.filter((r) => r.claim.occurrences.some((o) => quoted.has(o.source))) : links).delete();
  if (freed > 0) await addBytes(db, -freed);
  if (rows.some(Boolean)) forgetCachedReadings();
}

const LEARNED_TABLES = (db: CrossreadDb) => [db.readPages, db.readTerms, db.learnedClaims, db.meta];

/**
 * Forgets the pages read longer ago than the days kept, then the oldest until the rest fits the megabytes kept;
 * `keep` (the page just recorded) stays. Answers how many pages went.
 */
export async function prune(db: CrossreadDb, now = Date.now(), keep?: string): Promise<number> {
  const [days, mb] = await Promise.all([keepDays(db), keepMb(db)]);
  return db.transaction('rw', LEARNED_TABLES(db), async () => {
    const plan = new PrunePlan(await learnedBytes(db), { cutoff: now - days * DAY_MS, maxBytes: mb * MB }, keep);
    let more = true;
    // Oldest first, one page and then more at a time: only the pages that go (and the one after) are read, and
    // when none goes, only the oldest.
    for (let offset = 0, size = 1; more; offset += size, size = Math.min(size * 4, PRUNE_BATCH)) {
      const batch = await db.readPages.orderBy('readAt').offset(offset).limit(size).toArray();
      for (const row of batch) if (!(more = plan.take({ url: row.url, readAt: row.readAt, bytes: bytesOf(row) }))) break;
      if (batch.length < size) more = false;
    }
    await forgetPages(db, plan.victims);
    return plan.victims.length;
  });
}

const PRUNE_BATCH = 50;

/** Megabytes of pages read kept (0: no bound by size). */
export async function keepMb(db: CrossreadDb): Promise<number> {
  const row = await db.meta.get(KEEP_MB_KEY);
  const mb = Number(row?.value);
  return row && Number.isInteger(mb) && mb >= 0 ? mb : DEFAULT_KEEP_MB;
}

/** Sets the megabytes kept (0: no bound) and prunes at once; answers how many pages were pruned. */
export async function setKeepMb(db: CrossreadDb, mb: number, now = Date.now()): Promise<number> {
  await db.meta.put({ key: KEEP_MB_KEY, value: String(mb) });
  return prune(db, now);
}

/** What the options page shows of the storage of pages read. */
export async function storageInfo(db: CrossreadDb): Promise<LearnedStorage> {
  const [days, mb, pages, bytes, full] = await Promise.all([
    keepDays(db),
    keepMb(db),
    db.readPages.count(),
    db.transaction('rw', [db.readPages, db.meta], () => learnedBytes(db)),
    db.meta.get(DISK_FULL_KEY),
  ]);
  const diskFull = full ? (JSON.parse(full.value) as LearnedStorage['diskFull']) : lastDiskFull;
  return { keepDays: days, keepMb: mb, pages, bytes, ...(diskFull && { diskFull }) };
}

/** Whether an error is (or wraps, as Dexie's errors do) a full disk: the storage quota exceeded. */
export function isQuotaError(err: unknown, depth = 0): boolean {
  const e = err as { name?: unknown; inner?: unknown; failures?: unknown } | null;
  if (!e || typeof e !== 'object' || depth > 4) return false;
  if (e.name === 'QuotaExceededError') return true;
  const failures = e.failures && typeof e.failures === 'object' ? Object.values(e.failures).slice(0, 5) : [];
  return isQuotaError(e.inner, depth + 1) || failures.some((f) => isQuotaError(f, depth + 1));
}

/** A full disk noted when even that note could not be written (kept until the background stops). */
let lastDiskFull: LearnedStorage['diskFull'] | undefined;

/** The error a write gets when the disk stays full after every page read was forgotten. */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
}

/** How {@link withRoom} makes room. */
export interface RoomOptions {
  /** The page read that must not go (the one being recorded). */
  keep?: string;
  /** What was not saved, in the error when it still does not fit. */
  lost?: string;
  /** Times room is made at most: the reader's own data may take every page read, one page read only a quarter. */
  rounds?: number;
}

/**
 * Runs a write; if the disk is full, forgets the oldest quarter of the pages read (never `keep`) and tries again,
 * until it fits, no page read is left to forget or the rounds are spent. What happened is noted for the options
 * page. When it still does not fit, the error says that the knowledge base and the annotations are kept, and what
 * was not saved.
 */
export async function withRoom<T>(db: CrossreadDb, write: () => Promise<T>, options: RoomOptions = {}): Promise<T> {
  const { keep, lost = 'nothing was saved', rounds = Infinity } = options;
  let pruned = 0;
  for (let round = 0; ; round++) {
    try {
      const value = await write();
      if (pruned > 0) await noteDiskFull(db, { at: Date.now(), pruned, saved: true });
      return value;
    } catch (err) {
      if (!isQuotaError(err)) throw err;
      const freed = round < rounds ? await makeRoom(db, keep) : 0;
      if (freed === 0) {
        // Nothing learned was forgotten: the error is the write's own, worded as any full disk (handlers.ts).
        if (pruned === 0) throw err;
        await noteDiskFull(db, { at: Date.now(), pruned, saved: false });
        throw new DiskFullError(
          `the disk is full (storage quota exceeded): ${lost}${pruned > 0 ? ` although the ${pruned} oldest pages read were forgotten to make room` : ''}; the knowledge base and your annotations are kept`,
        );
      }
      pruned += freed;
    }
  }
}

/** Forgets the oldest quarter of the pages read, never `keep`; answers how many went. */
async function makeRoom(db: CrossreadDb, keep?: string): Promise<number> {
  return db.transaction('rw', LEARNED_TABLES(db), async () => {
    const count = await db.readPages.count();
    const oldest = (await db.readPages.orderBy('readAt').limit(roomToMake(count) + 1).primaryKeys()) as string[];
    const victims = oldest.filter((u) => u !== keep).slice(0, roomToMake(count));
    await forgetPages(db, victims);
    return victims.length;
  });
}

async function noteDiskFull(db: CrossreadDb, note: NonNullable<LearnedStorage['diskFull']>): Promise<void> {
  lastDiskFull = note;
  try {
    await db.meta.put({ key: DISK_FULL_KEY, value: JSON.stringify(note) });
  } catch {
    // The disk is that full: the note stays in memory for the options page.
  }
}

/** How many days pages read are kept. */
export async function keepDays(db: CrossreadDb): Promise<number> {
  const row = await db.meta.get(KEEP_KEY);
  const days = Number(row?.value);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_KEEP_DAYS;
}

/** Sets the days kept and prunes at once; answers how many pages were pruned. */
export async function setKeepDays(db: CrossreadDb, days: number, now = Date.now()): Promise<number> {
  await db.meta.put({ key: KEEP_KEY, value: String(days) });
  return prune(db, now);
}

/** Forgets one page read or every page of a site; answers how many pages. */
export async function forget(db: CrossreadDb, which: { url?: string | undefined; site?: string | undefined }): Promise<number> {
  if (!which.url === !which.site) throw new Error('give either a page (url) or a site, not both');
  return db.transaction('rw', LEARNED_TABLES(db), async () => {
    const urls = which.url
      ? (await db.readPages.get(pageKey(which.url))) ? [pageKey(which.url)] : []
      : ((await db.readPages.where('site').equals(which.site!.toLowerCase()).primaryKeys()) as string[]);
    await forgetPages(db, urls);
    return urls.length;
  });
}

/** Forgets everything learned from pages read (with the user's other data). */
export async function forgetAll(db: CrossreadDb): Promise<void> {
  await db.transaction('rw', LEARNED_TABLES(db), async () => {
    await Promise.all([db.readPages.clear(), db.readTerms.clear(), db.learnedClaims.clear(), db.meta.bulkDelete([BYTES_KEY, DISK_FULL_KEY])]);
  });
  lastDiskFull = undefined;
  forgetCachedReadings();
}

/** What was learned, per site, for the options page: no page's text leaves the background. */
export async function overview(db: CrossreadDb): Promise<LearnedOverview> {
  const bySite = new Map<string, LearnedOverview['sites'][number]['pages']>();
  await db.readPages.orderBy('readAt').reverse().each((p) => {
    bySite.set(p.site, [...(bySite.get(p.site) ?? []), { url: p.url, title: p.title, date: p.date, readAt: p.readAt, statements: p.statements }]);
  });
  const sites = [...bySite].sort(([a], [b]) => a.localeCompare(b)).map(([site, pages]) => ({ site, pages }));
  return { keepDays: await keepDays(db), sites };
}

/** The curated knowledge the reading builds on: its names and concepts; its claims the content script matches itself. */
let base: { version: string; knowledge: BaseKnowledge } | null = null;

async function baseKnowledge(db: CrossreadDb): Promise<BaseKnowledge> {
  const version = (await storedVersion(db)) ?? '';
  if (base?.version !== version) {
    const [entities, concepts] = await Promise.all([db.entities.toArray(), db.concepts.toArray()]);
    base = { version, knowledge: { version, entities, concepts, claims: [], sources: [] } };
  }
  return base.knowledge;
}

/** The index of pages read as the selection of candidates reads it (learned-index.ts), inside a transaction. */
function termIndex(db: CrossreadDb): TermIndex {
  return {
    pages: async (term, limit) =>
      ((await db.readTerms.where('term').equals(term).limit(limit).primaryKeys()) as unknown as [string, string][]).map(([, url]) => url),
    // One request per entry asked, all at once: far cheaper than a query per page (Chromium, 10,000 pages read).
    uses: async (pairs) => (await db.readTerms.bulkGet(pairs.map(([term, url]) => [term, url]))).map(Boolean),
    latest: async (n) => (await db.readPages.orderBy('readAt').reverse().limit(n).primaryKeys()) as string[],
  };
}

/**
 * The pages read that share at least two index terms with a page, the rarest shared names first; never the page
 * itself. Only the index is read, never a page, and a bounded part of it (learned-index.ts): at most 51 entries
 * per term, then whether the pages that weigh most and the pages read last use the page's common terms.
 */
export async function candidatePages(db: CrossreadDb, terms: readonly string[], self: string): Promise<string[]> {
  return db.transaction('r', [db.readTerms, db.readPages], async () => {
    const found = await selectCandidates(termIndex(db), terms, self, { min: SHARED_TERMS });
    return found.map((c) => c.url);
  });
}

/**
 * The candidates to read, in their order: loaded a batch at a time, only those on another site and, when both
 * dates are known, published within STORY_DAYS of the page (shared/learn's Reading takes no other article for
 * the story), until MAX_CANDIDATES are kept or LOADED_AT_MOST were loaded.
 */
export async function loadCandidates(db: CrossreadDb, ranked: readonly string[], site: string, date: string): Promise<ReadPageRow[]> {
  const kept: ReadPageRow[] = [];
  for (let at = 0; at < Math.min(ranked.length, LOADED_AT_MOST) && kept.length < MAX_CANDIDATES; at += MAX_CANDIDATES) {
    const rows = await db.readPages.bulkGet(ranked.slice(at, at + MAX_CANDIDATES));
    for (const p of rows) if (p && p.site !== site && withinStory(date, p.date) && kept.length < MAX_CANDIDATES) kept.push(p);
  }
  return kept;
}

/** Whether two publication dates (`YYYY-MM-DD` or `YYYY-MM`, or '' unknown) may be of one story. */
export function withinStory(a: string, b: string): boolean {
  if (!a || !b) return true;
  const day = (d: string) => Date.parse(d.length === 7 ? `${d}-01` : d);
  const [ta, tb] = [day(a), day(b)];
  return Number.isNaN(ta) || Number.isNaN(tb) || Math.abs(ta - tb) <= STORY_DAYS * DAY_MS;
}

/**
 * Kept between links, so that the next page of a story, or the same page again, is not prepared from scratch:
 * the curated names' matcher (per knowledge base version); each candidate page as prepared for reading (by
 * address and time read, so a page read again is prepared again); and the last readings, by the exact candidate
 * pages they read, each keeping the matchers it built (Reading.matcher). A reading is only ever reused for the
 * same pages in the same order, so links are exactly those a new reading would give. Forgetting any page read
 * empties all of it.
 */
const cache = {
  entities: null as { version: string; matcher: Matcher } | null,
  prepared: new Map<string, PreparedPage>(),
  readings: new Map<string, Reading>(),
};
/** Candidate pages kept prepared (a few stories' worth); readings kept. */
const PREPARED_KEPT = 400;
const READINGS_KEPT = 4;

/** Empties the cache of what was read: a page read was forgotten (and the bench measures a first link). */
export function forgetCachedReadings(): void {
  cache.prepared.clear();
  cache.readings.clear();
}

/** Least recently used first out: gets `key`, making it the most recent, or puts what `make` builds. */
function lru<T>(map: Map<string, T>, key: string, limit: number, make: () => T): T {
  const had = map.get(key);
  if (had !== undefined) map.delete(key);
  const value = had ?? make();
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value!);
  return value;
}

/** A reading of the candidate pages, in the order read: kept from an earlier link of the same pages, or made. */
async function readingOf(db: CrossreadDb, pages: readonly ReadPageRow[]): Promise<Reading> {
  const base = await baseKnowledge(db);
  if (cache.entities?.version !== base.version) {
    cache.entities = { version: base.version, matcher: curatedEntityMatcher(base) };
    forgetCachedReadings();
  }
  const entities = cache.entities.matcher;
  const key = pages.map((p) => `${p.url}@${p.readAt}`).join('\u0000');
  return lru(cache.readings, key, READINGS_KEPT, () => {
    const reading = new Reading(base, {}, entities);
    for (const p of pages) {
      const read = { address: READ_SOURCE_PREFIX + p.url, title: p.title, text: p.text, lang: p.lang, ...(p.date && { date: p.date }) };
      reading.read(read, lru(cache.prepared, `${p.url}@${p.readAt}`, PREPARED_KEPT, () => reading.prepare(read)));
    }
    return reading;
  });
}

/** The Web Annotation selectors of a passage of `text`, as occurrences carry them. */
function passageSelector(text: string, start: number, end: number): NonNullable<LearnedClaimRow['from']>['selector'] {
  return [
    { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** A short stable hash (FNV-1a), so the same learned statement keeps its id from one page to the next. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/**
 * Where the time of one link went, ms by phase (the bench asks): the page's names, the index lookup, loading the
 * candidate pages, reading them (prepared and learned, or kept from before), linking (the story's knowledge, its
 * matchers built or kept, the matching) and storing the links.
 */
export interface LinkPhases {
  extract?: number;
  lookup?: number;
  load?: number;
  read?: number;
  link?: number;
  store?: number;
}

/**
 * Links a page to the statements read on other sites of the same story. Only the pages the index names as
 * candidates are loaded. Answers the spans of `page.text` that state a learned claim; those claims are stored
 * for the card and the sidebar.
 */
export async function linkLearned(db: CrossreadDb, page: PageText, phases?: LinkPhases): Promise<LearnedLinks> {
  const none: LearnedLinks = { spans: [], claims: [], sources: [] };
  let t = performance.now();
  const lap = (phase: keyof LinkPhases) => {
    const now = performance.now();
    if (phases) phases[phase] = (phases[phase] ?? 0) + now - t;
    t = now;
  };
  // Nothing read yet (a fresh profile): no page's text is even looked at. (Not count(): Chromium counts a table
  // by reading every row, 1.2 s at 10,000 pages read.)
  if ((await db.readPages.limit(1).primaryKeys()).length === 0) return none;
  const url = pageKey(page.url);
  const site = siteOf(url);
  const lang = page.lang ?? detectLang(page.text);
  const terms = termsOf(extractStatements(page.text, lang).names);
  if (terms.length < SHARED_TERMS) return none;
  lap('extract');
  const candidates = await candidatePages(db, terms, url);
  lap('lookup');
  const pages = await loadCandidates(db, candidates, site, cleanDate(page.date));
  lap('load');
  if (pages.length === 0) return none;
  const reading = await readingOf(db, pages.sort((a, b) => a.readAt - b.readAt));
  lap('read');
  const { kb, result } = linkPage(reading, { address: READ_SOURCE_PREFIX + url, title: page.title, text: page.text, lang, ...(cleanDate(page.date) && { date: cleanDate(page.date) }) }, { curated: false });
  lap('link');
  const claims = new Map(kb.claims.filter((c) => isLearnedClaim(c.id)).map((c) => [c.id, c]));
  // The learned claims one sentence of the page states are one claim here, with every passage read that states
  // it: the card and the sidebar list the other articles of one statement together, as for curated claims.
  const bySpan = new Map<string, { start: number; end: number; score: number; claims: Claim[] }>();
  for (const m of result.claims) {
    const claim = claims.get(m.claim);
    if (!claim) continue;
    const key = `${m.start}-${m.end}`;
    const span = bySpan.get(key) ?? { start: m.start, end: m.end, score: 0, claims: [] };
    span.score = Math.max(span.score, m.score);
    span.claims.push(claim);
    bySpan.set(key, span);
  }
  const stored = new Map<string, LearnedClaimRow>();
  const spans: LearnedSpan[] = [];
  // Links the reader rejected ("Not this claim" on a page read, source-reject.ts) stay out.
  const rejected = await rejectedLinks(db, pages.map((p) => p.url));
  for (const span of bySpan.values()) {
    const sentence = linkKey(page.text.slice(span.start, span.end));
    const occurrences = span.claims
      .flatMap((c) => c.occurrences)
      .filter((o) => !rejected.get(o.source.slice(READ_SOURCE_PREFIX.length))?.has(`${sentence} ${passageKey(o.selector[0].exact)}`));
    if (occurrences.length === 0) continue;
    // The page is part of the key: each page's link is kept, and stories (stories.ts) join the page to what it shares.
    const key = [url, ...occurrences.map((o) => `${o.source}@${o.selector[1].start}`).sort()].join('|');
    const id = `learned:${hash(key)}`;
    // Learned names are no entities of the knowledge base: the card shows the statement and its passages.
    stored.set(id, {
      id,
      claim: { id, statement: span.claims[0]!.statement, about: [], occurrences },
      urls: [...new Set([url, ...occurrences.map((o) => o.source.slice(READ_SOURCE_PREFIX.length))])],
      from: { url, selector: passageSelector(page.text, span.start, span.end) },
    });
    spans.push({ id, start: span.start, end: span.end, score: span.score });
  }
  if (stored.size === 0) return none;
  await db.learnedClaims.bulkPut([...stored.values()]);
  const claimsOut = [...stored.values()].map((r) => r.claim);
  const sources = await readSources(db, claimsOut.flatMap((c) => c.occurrences.map((o) => o.source)));
  lap('store');
  return { spans, claims: claimsOut, sources: [...sources.values()] };
}

/** Learned claims by id, for the queries that look claims up. */
export async function learnedClaims(db: CrossreadDb, ids: readonly string[]): Promise<Claim[]> {
  const wanted = ids.filter(isLearnedClaim);
  if (wanted.length === 0) return [];
  return (await db.learnedClaims.bulkGet(wanted)).flatMap((r) => (r ? [r.claim] : []));
}

/** Pages read as sources, by their source ids (`read:` + URL). */
export async function readSources(db: CrossreadDb, ids: Iterable<string>): Promise<Map<string, SourceInfo>> {
  const urls = [...new Set([...ids].filter((id) => id.startsWith(READ_SOURCE_PREFIX)).map((id) => id.slice(READ_SOURCE_PREFIX.length)))];
  const rows = await db.readPages.bulkGet(urls);
  return new Map(
    rows.flatMap((p): Array<[string, SourceInfo]> =>
      p ? [[READ_SOURCE_PREFIX + p.url, { id: READ_SOURCE_PREFIX + p.url, title: p.title, date: p.date, lang: p.lang, url: p.url }]] : [],
    ),
  );
}
