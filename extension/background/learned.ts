/**
 * Learning from pages read, on the background's side: it owns the data. A page the reader stayed on is stored
 * with the names it uses (an index of spelling-insensitive name keys to pages); a page to link asks the index
 * for the pages read on other sites that share at least two of its names, loads only those, and links the page
 * to them with shared/learn (the same matcher as the curated claims). The learned claims that linked are kept,
 * so that the claim card and the sidebar read them through the same queries as the knowledge base's.
 */
import type { Claim } from '../../shared/kb/types.ts';
import { detectLang, extractStatements, isLearnedClaim, linkPage, Reading, type BaseKnowledge, type NameMention } from '../../shared/learn/index.ts';
import type { LearnedLinks, LearnedOverview, LearnedSpan, SourceInfo } from '../../shared/messages.ts';
import { isSiteDisabled, mayRecordReading, pageKey } from '../../shared/userdata/types.ts';
import type { CrossreadDb, LearnedClaimRow, ReadPageRow } from './db.ts';
import { storedVersion } from './seed.ts';
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
/** Source ids of pages read: never the knowledge base's or the user's own (`page:`, `article:`). */
export const READ_SOURCE_PREFIX = 'read:';
/** Names a page read must share with the page to be loaded as a candidate (shared/learn asks the same). */
const SHARED_TERMS = 2;
/** At most this many candidate pages are loaded to link one page, those sharing the most names first. */
const MAX_CANDIDATES = 40;
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
  const row: ReadPageRow = {
    url,
    site: siteOf(url),
    title: page.title,
    lang,
    date: cleanDate(page.date),
    readAt: now,
    text: page.text,
    statements: statements.length,
  };
  await db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims], async () => {
    await forgetPages(db, [url], { keepLinks: true });
    await db.readPages.put(row);
    await db.readTerms.bulkPut(termsOf(names).map((term) => ({ term, url })));
  });
  await prune(db, now);
  return statements.length;
}

/**
 * Deletes pages read, their index entries and the learned claims quoting them or linking them; inside the caller's
 * transaction. With `keepLinks` (a page read again), the links the page made when it was linked stay: only those
 * quoting its earlier text go.
 */
export async function forgetPages(db: CrossreadDb, urls: readonly string[], { keepLinks = false } = {}): Promise<void> {
  if (urls.length === 0) return;
  await db.readPages.bulkDelete([...urls]);
  await db.readTerms.where('url').anyOf([...urls]).delete();
  const quoted = new Set(urls.map((u) => READ_SOURCE_PREFIX + u));
  const rows = db.learnedClaims.where('urls').anyOf([...urls]);
  await (keepLinks ? rows.filter((r) => r.claim.occurrences.some((o) => quoted.has(o.source))) : rows).delete();
}

/** Forgets the pages read longer ago than the days kept, oldest first; answers how many. */
export async function prune(db: CrossreadDb, now = Date.now()): Promise<number> {
  const days = await keepDays(db);
  return db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims], async () => {
    const old = (await db.readPages.where('readAt').below(now - days * DAY_MS).primaryKeys()) as string[];
    await forgetPages(db, old);
    return old.length;
  });
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
  return db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims], async () => {
    const urls = which.url
      ? (await db.readPages.get(pageKey(which.url))) ? [pageKey(which.url)] : []
      : ((await db.readPages.where('site').equals(which.site!.toLowerCase()).primaryKeys()) as string[]);
    await forgetPages(db, urls);
    return urls.length;
  });
}

/** Forgets everything learned from pages read (with the user's other data). */
export async function forgetAll(db: CrossreadDb): Promise<void> {
  await db.transaction('rw', [db.readPages, db.readTerms, db.learnedClaims], async () => {
    await Promise.all([db.readPages.clear(), db.readTerms.clear(), db.learnedClaims.clear()]);
  });
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
 * Links a page to the statements read on other sites of the same story. Only the pages the index names as
 * candidates are loaded. Answers the spans of `page.text` that state a learned claim; those claims are stored
 * for the card and the sidebar.
 */
export async function linkLearned(db: CrossreadDb, page: PageText): Promise<LearnedLinks> {
  const none: LearnedLinks = { spans: [], claims: [], sources: [] };
  // Nothing read yet (a fresh profile): no page's text is even looked at.
  if ((await db.readPages.count()) === 0) return none;
  const url = pageKey(page.url);
  const site = siteOf(url);
  const lang = page.lang ?? detectLang(page.text);
  const terms = termsOf(extractStatements(page.text, lang).names);
  if (terms.length < SHARED_TERMS) return none;
  const shared = new Map<string, number>();
  for (const row of await db.readTerms.where('term').anyOf(terms).toArray()) shared.set(row.url, (shared.get(row.url) ?? 0) + 1);
  const candidates = [...shared]
    .filter(([u, n]) => n >= SHARED_TERMS && u !== url)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CANDIDATES)
    .map(([u]) => u);
  const pages = (await db.readPages.bulkGet(candidates)).filter((p): p is ReadPageRow => !!p && p.site !== site);
  if (pages.length === 0) return none;
  const reading = new Reading(await baseKnowledge(db));
  for (const p of pages.sort((a, b) => a.readAt - b.readAt)) {
    reading.read({ address: READ_SOURCE_PREFIX + p.url, title: p.title, text: p.text, lang: p.lang, ...(p.date && { date: p.date }) });
  }
  const { kb, result } = linkPage(reading, { address: READ_SOURCE_PREFIX + url, title: page.title, text: page.text, lang, ...(cleanDate(page.date) && { date: cleanDate(page.date) }) }, { curated: false });
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
  for (const span of bySpan.values()) {
    const occurrences = span.claims.flatMap((c) => c.occurrences);
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
