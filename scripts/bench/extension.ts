/**
 * The built extension in a real browser: cold start, the content script's own stages on each bench page (from its
 * performance measures cl-index, cl-extract, cl-match, cl-draw), the longest main-thread task, the page's wait
 * from load to highlights, bursts of appended paragraphs, and (Chromium) heap and main-thread time against the
 * same page in a browser without the extension.
 */
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browsers.ts';
import { longestIn, median } from './stats.ts';

/** The content script's timings on one page load. */
export interface ScriptRun {
  /** Building the matcher in the page (cl-index); 0 since matching moved to the background, which keeps it built. */
  index: number;
  extract: number;
  match: number;
  draw: number;
  /** Content-script start (cl-index start) until highlights drawn (cl-draw end). */
  total: number;
  /** Load event start until highlights drawn; 0 when they were drawn before load. */
  loadToDrawn: number;
  /** Load event start until the first highlights in view were drawn (cl-view; the whole draw on a page without it). */
  loadToView: number;
  /** Navigation start until highlights drawn. */
  navToDrawn: number;
  longestTaskMs: number;
  highlights: number;
  /** Epoch ms of the first spans drawn from the KB (cl-view, else the draw's start): the KB had reached the page. */
  kbAtEpoch: number;
}

interface Probe {
  tasks: [number, number][];
  gaps: [number, number][];
}

/** Waits for the first full scan's draw and reads the measures and the probe. */
export async function readScriptRun(page: Page, timeoutMs = 60_000): Promise<ScriptRun> {
  await page.waitForFunction("performance.getEntriesByName('cl-draw').length > 0", { timeout: timeoutMs, polling: 50 });
  // Let the frame with the highlights be produced before reading, so its cost lands inside the probe's record.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const raw = await page.evaluate(() => {
    const get = (name: string) => {
      const e = performance.getEntriesByName(name)[0];
      return e ? [e.startTime, e.duration] : [NaN, NaN];
    };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
    const view = performance.getEntriesByName('cl-view')[0];
    const begun = performance.getEntriesByName('cl-start')[0] ?? performance.getEntriesByName('cl-index-start')[0];
    return {
      index: get('cl-index'), extract: get('cl-extract'), match: get('cl-match'), draw: get('cl-draw'),
      view: view ? view.startTime : NaN, begun: begun ? begun.startTime : NaN,
      load: nav.loadEventStart, origin: performance.timeOrigin, probe,
      registered: (registry.get('cl-entity')?.size ?? 0) + (registry.get('cl-claim')?.size ?? 0),
      // Big pages register only a window of their highlights around the view; the content script says how many in all.
      found: Number((performance.getEntriesByName('cl-found')[0] as PerformanceMark | undefined)?.detail ?? NaN),
    };
  });
  const drawn = raw.draw[0]! + raw.draw[1]!;
  const start = raw.begun;
  // A page whose view piece holds no match has no cl-view: its first highlights in view come with the whole draw.
  const inView = Number.isNaN(raw.view) ? drawn : raw.view;
  const spans = raw.probe.tasks.length > 0 ? raw.probe.tasks : raw.probe.gaps;
  return {
    index: Number.isNaN(raw.index[1]!) ? 0 : raw.index[1]!,
    extract: raw.extract[1]!,
    match: raw.match[1]!,
    draw: raw.draw[1]!,
    total: drawn - start,
    loadToDrawn: raw.load > 0 ? Math.max(0, drawn - raw.load) : NaN,
    loadToView: raw.load > 0 ? Math.max(0, inView - raw.load) : NaN,
    navToDrawn: drawn,
    longestTaskMs: longestIn(spans, start, drawn + 250),
    highlights: Number.isNaN(raw.found) ? raw.registered : raw.found,
    kbAtEpoch: raw.origin + (Number.isNaN(raw.view) ? raw.draw[0]! : raw.view),
  };
}

/** Medians of several runs, field by field. */
export function medianRun(runs: readonly ScriptRun[]): ScriptRun {
  const out = {} as Record<keyof ScriptRun, number>;
  for (const key of Object.keys(runs[0]!) as (keyof ScriptRun)[]) out[key] = median(runs.map((r) => r[key]));
  return out;
}

/** Loads `url` `reps` times in one tab and gives the content script's median run. */
export async function scriptRuns(b: BenchBrowser, url: string, reps: number): Promise<ScriptRun> {
  const page = await b.browser.newPage();
  const runs: ScriptRun[] = [];
  try {
    for (let k = 0; k < reps; k++) {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      runs.push(await readScriptRun(page));
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  return medianRun(runs);
}

/** Cold start: the first page after install. Call on a browser that has just installed the extension. */
export async function coldStart(b: BenchBrowser, url: string): Promise<{ installToKb: number; loadToFirst: number; navToFirst: number }> {
  const page = await b.browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    const run = await readScriptRun(page);
    return { installToKb: run.kbAtEpoch - b.installStart!, loadToFirst: run.loadToDrawn, navToFirst: run.navToDrawn };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** What a burst run found. */
export interface BurstResult {
  /** Sum of the content script's measures (extract, match, draw) for the bursts: wall time, yields included. */
  measuredMs: number;
  scans: number;
  longestTaskMs: number;
  /** From the last burst until its highlights were drawn. */
  settleMs: number;
  highlights: number;
  /** False when the page had not caught up with the bursts by the deadline. */
  settled: boolean;
  /** Chromium: main-thread task time during the bursts (CDP TaskDuration). */
  taskMs?: number;
}

/** Appends `bursts` bursts of paragraphs, 10,000 nodes in total (a <p> and its text each), every `everyMs`. */
export async function bursts(page: Page, count: number, everyMs: number, withExtension: boolean, deadlineMs: number): Promise<BurstResult> {
  const before = withExtension ? await page.evaluate(() => performance.getEntriesByName('cl-draw').length) : 0;
  const metrics0 = await Promise.resolve().then(() => page.metrics()).catch(() => null);
  // The bursts run on the page's own timers; Node only polls, and gives up waiting after `deadlineMs`.
  await page.evaluate(
    (count: number, everyMs: number) => {
      const w = window as unknown as { __bursts: number[] };
      const sentences = [...document.querySelectorAll('main p')].map((p) => p.textContent ?? '');
      const perBurst = Math.round(5000 / count);
      w.__bursts = [performance.now()];
      let k = 0;
      const burst = () => {
        const main = document.querySelector('main')!;
        for (let i = 0; i < perBurst; i++) {
          const p = document.createElement('p');
          p.textContent = sentences[(k * perBurst + i) % sentences.length]!;
          main.append(p);
        }
        if (++k < count) setTimeout(burst, everyMs);
        else w.__bursts.push(performance.now());
      };
      burst();
    },
    count,
    everyMs,
  );
  const deadline = Date.now() + deadlineMs;
  const ask = <T>(fn: () => T, wait: number) =>
    Promise.race([page.evaluate(fn), new Promise<null>((resolve) => setTimeout(() => resolve(null), wait))]);
  // Settled: all bursts appended and no new draw for a second.
  let last = -1;
  let settled = false;
  for (let stable = 0; !settled && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const n = await ask(() => ((window as unknown as { __bursts: number[] }).__bursts.length === 2 ? performance.getEntriesByName('cl-draw').length : -1), 5000);
    stable = n !== null && n >= 0 && n === last ? stable + 1 : 0;
    last = n ?? -1;
    settled = stable >= 10;
  }
  const metrics1 = await Promise.resolve().then(() => page.metrics()).catch(() => null);
  const taskMs = metrics0 && metrics1 ? ((metrics1.TaskDuration ?? 0) - (metrics0.TaskDuration ?? 0)) * 1000 : undefined;
  const raw = await page.evaluate((skip: number) => {
    const entries = (name: string) => performance.getEntriesByName(name).slice(name === 'cl-draw' ? skip : 0);
    const draws = entries('cl-draw');
    const probe = (window as unknown as { __probe: Probe }).__probe;
    const registry = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
    return {
      draws: draws.map((e) => [e.startTime, e.duration]),
      all: ['cl-extract', 'cl-match', 'cl-draw'].flatMap((n) => performance.getEntriesByName(n).map((e) => [e.startTime, e.duration])),
      probe,
      highlights: (registry.get('cl-entity')?.size ?? 0) + (registry.get('cl-claim')?.size ?? 0),
      span: (window as unknown as { __bursts: number[] }).__bursts,
    };
  }, before);
  const [start = 0, end = NaN] = raw.span;
  const lastDraw = raw.draws.length > 0 ? raw.draws.reduce((m, [s, d]) => Math.max(m, s! + d!), 0) : end;
  const spans = raw.probe.tasks.length > 0 ? raw.probe.tasks : raw.probe.gaps;
  return {
    measuredMs: raw.all.filter(([s]) => s! >= start).reduce((n, [, d]) => n + d!, 0),
    scans: raw.draws.length,
    longestTaskMs: longestIn(spans, start, lastDraw + 250),
    settleMs: settled ? Math.max(0, lastDraw - end) : NaN,
    settled,
    highlights: raw.highlights,
    taskMs,
  };
}

/** Chromium's heap after a forced GC and main-thread times of the page, for "with" minus "without" the extension. */
export async function pageCost(page: Page): Promise<{ heapMb: number; scriptMs: number; taskMs: number }> {
  const session = await page.createCDPSession();
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
  const m = await page.metrics();
  return { heapMb: (m.JSHeapUsedSize ?? 0) / 2 ** 20, scriptMs: (m.ScriptDuration ?? 0) * 1000, taskMs: (m.TaskDuration ?? 0) * 1000 };
}
