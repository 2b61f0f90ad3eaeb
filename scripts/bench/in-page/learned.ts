/**
 * The pages-read bench inside a browser page: the background's own store (extension/background/learned.ts and
 * its Dexie database) on the page's real IndexedDB, filled with synthetic news (../learned-corpus.ts) and timed.
 * Exposes `crossreadLearnedBench` for scripts/bench/learned.ts to drive with page.evaluate.
 */
import { extractStatements } from '../../../shared/learn/index.ts';
import type { Concept, Entity } from '../../../shared/kb/types.ts';
import { openDb, type CrossreadDb } from '../../../extension/background/db.ts';
import { candidatePages, forgetCachedReadings, learnRead, linkLearned, loadCandidates, siteOf, storageInfo, termsOf, withinStory, type LinkPhases } from '../../../extension/background/learned.ts';
import { RARE_POSTINGS } from '../../../extension/background/learned-index.ts';
import { SyntheticNews } from '../learned-corpus.ts';

/** What one level (so many articles read) measured. */
export interface LevelResult {
  articles: number;
  statements: number;
  /** Recording one more article (extraction, index, pruning check), ms, median. */
  recordMs: number;
  /** Linking a new article of a known story: first time (candidates prepared and matchers built), ms, median. */
  linkColdMs: number;
  /** The same article linked again (the reading and its matchers kept), ms, median. */
  linkWarmMs: number;
  /** Spans linked per probe article, mean. */
  linkedSpans: number;
  /** Finding the candidate pages through the index (rare terms loaded, common ones checked), ms, median. */
  lookupMs: number;
  /** The same without telling rare from common terms: every index entry of every term loaded. */
  lookupAllMs: number;
  /** Without an index: every index entry read to find the candidates (a full scan). */
  scanMs: number;
  /** Index entries the indexed lookup loaded vs the scan, mean per probe. */
  lookupRows: number;
  scanRows: number;
  /** Candidate pages loaded per probe, mean. */
  candidates: number;
  /**
   * The probes' own stories: their articles read (within the story's days), and how many of them were among the
   * candidates read, summed over the probes.
   */
  storyArticles?: number;
  storyFound?: number;
  /** Where the time of a first and of a repeated link went, ms by phase, median of each phase. */
  coldPhases?: LinkPhases;
  warmPhases?: LinkPhases;
  /** Learned bytes (learned.ts's count) and the origin's IndexedDB usage (navigator.storage.estimate). */
  learnedMb: number;
  usageMb: number;
  heapMb?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Each phase's median over the probes (a phase a probe did not reach counts 0 there). */
function medianPhases(runs: LinkPhases[]): LinkPhases {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r)))] as (keyof LinkPhases)[];
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r[n] ?? 0))]));
}

let db: CrossreadDb;
let news: SyntheticNews;
let read = 0;
let statements = 0;
/** Each article read's story and date, for which candidates a probe should have had. */
const stories = new Map<string, { story: number; date: string }>();
const start = Date.UTC(2026, 0, 1);

async function setup(kb: { entities: Entity[]; concepts: Concept[]; version: string }): Promise<void> {
  db = openDb(`crossread-bench-${Date.now()}`);
  await db.open();
  await db.transaction('rw', [db.entities, db.concepts, db.meta], async () => {
    await db.entities.bulkPut(kb.entities);
    await db.concepts.bulkPut(kb.concepts);
    await db.meta.put({ key: 'kbVersion', value: kb.version });
  });
  // No bound by age or size while filling: the bench measures 10,000 articles kept.
  await db.meta.bulkPut([{ key: 'learnKeepDays', value: '3650' }, { key: 'learnKeepMb', value: '0' }]);
  news = new SyntheticNews();
  read = 0;
  statements = 0;
  stories.clear();
}

/** Reads articles until `total` were read; answers the ms per article. */
async function fill(total: number): Promise<number> {
  const t0 = performance.now();
  const from = read;
  for (; read < total; read++) {
    const a = news.article(read);
    statements += await learnRead(db, a, false, start + read * 60_000);
    stories.set(a.url, { story: a.story, date: a.date });
  }
  return (performance.now() - t0) / Math.max(1, total - from);
}

async function measure(probes: number): Promise<LevelResult> {
  const record: number[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  const lookup: number[] = [];
  const lookupAll: number[] = [];
  const scan: number[] = [];
  const coldPhases: LinkPhases[] = [];
  const warmPhases: LinkPhases[] = [];
  let spans = 0;
  let candidates = 0;
  let storyArticles = 0;
  let storyFound = 0;
  let lookupRows = 0;
  let scanRows = 0;
  for (let k = 0; k < probes; k++) {
    // A new article of a recent story, on a site not read: what the reader opens next.
    const page = news.sequel(read);
    const terms = termsOf(extractStatements(page.text, page.lang).names);
    let t = performance.now();
    const found = await candidatePages(db, terms, page.url);
    lookup.push(performance.now() - t);
    const chosen = await loadCandidates(db, found, siteOf(page.url), page.date);
    candidates += chosen.length;
    const ofStory = [...stories].filter(([, s]) => s.story === page.story && withinStory(page.date, s.date)).map(([url]) => url);
    storyArticles += ofStory.length;
    storyFound += chosen.filter((p) => ofStory.includes(p.url)).length;
    lookupRows += (await Promise.all(terms.map((term) => db.readTerms.where('term').equals(term).count()))).reduce((n, c) => n + Math.min(c, RARE_POSTINGS + 1), 0);
    t = performance.now();
    const all = new Map<string, number>();
    for (const row of await db.readTerms.where('term').anyOf(terms).toArray()) all.set(row.url, (all.get(row.url) ?? 0) + 1);
    lookupAll.push(performance.now() - t);
    t = performance.now();
    const wanted = new Set(terms);
    const byScan = new Map<string, number>();
    let rows = 0;
    await db.readTerms.each((row) => {
      rows++;
      if (wanted.has(row.term)) byScan.set(row.url, (byScan.get(row.url) ?? 0) + 1);
    });
    scan.push(performance.now() - t);
    scanRows += rows;
    forgetCachedReadings();
    t = performance.now();
    const coldRun: LinkPhases = {};
    const links = await linkLearned(db, page, coldRun);
    cold.push(performance.now() - t);
    coldPhases.push(coldRun);
    const warmRun: LinkPhases = {};
    t = performance.now();
    await linkLearned(db, page, warmRun);
    warm.push(performance.now() - t);
    warmPhases.push(warmRun);
    spans += links.spans.length;
    // One more article read, timed: recording at this level.
    const a = news.article(read);
    t = performance.now();
    statements += await learnRead(db, a, false, start + read * 60_000);
    record.push(performance.now() - t);
    stories.set(a.url, { story: a.story, date: a.date });
    read++;
  }
  const info = await storageInfo(db);
  const estimate = await navigator.storage.estimate();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return {
    articles: read,
    statements,
    recordMs: median(record),
    linkColdMs: median(cold),
    linkWarmMs: median(warm),
    linkedSpans: spans / probes,
    lookupMs: median(lookup),
    lookupAllMs: median(lookupAll),
    scanMs: median(scan),
    lookupRows: lookupRows / probes,
    scanRows: scanRows / probes,
    candidates: candidates / probes,
    storyArticles,
    storyFound,
    coldPhases: medianPhases(coldPhases),
    warmPhases: medianPhases(warmPhases),
    learnedMb: info.bytes / 1024 / 1024,
    usageMb: (estimate.usage ?? 0) / 1024 / 1024,
    ...(memory && { heapMb: memory.usedJSHeapSize / 1024 / 1024 }),
  };
}

async function teardown(): Promise<void> {
  const name = db.name;
  db.close();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

(globalThis as unknown as { crossreadLearnedBench: object }).crossreadLearnedBench = { setup, fill, measure, teardown };
