/**
 * Highlighting side by side in a browser without the extension: each run loads a fresh copy of the page with
 * one method's script (in-page/methods.ts) and reads back what it measured, plus the longest main-thread task
 * while it ran. Methods take turns within each repetition, so drift on a shared machine hits them alike.
 */
import type { Page } from 'puppeteer-core';
import type { BenchBrowser } from './browsers.ts';
import type { MethodResult } from './in-page/methods.ts';
import type { BenchServer } from './server.ts';
import { longestIn, median } from './stats.ts';

/** The methods, in the order they run and are reported. */
export const METHODS = ['crossread', 'floor', 'advancedmark', 'markjs', 'perAlias'] as const;
export type MethodName = (typeof METHODS)[number];

/** How often to run a method on a page, and the time cap for slow ones (a capped run is extrapolated). */
export interface RunPlan {
  reps: number;
  capMs?: number;
}

/** The medians of one method's runs on one page. */
export interface MethodSummary {
  scriptMs: number;
  waitMs: number;
  longestTaskMs: number;
  highlights: number;
  claims: number;
  split?: MethodResult['split'];
  /** Smallest share of the page a capped run got through (1 = every run finished). */
  done: number;
  runs: number;
}

interface Probe {
  tasks: [number, number][];
  gaps: [number, number][];
}

/** One run: load the page with the method and wait for its result. */
async function runOnce(page: Page, url: string, timeoutMs: number): Promise<MethodResult & { longestTaskMs: number }> {
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
  await page.waitForFunction('window.__result || window.__error', { timeout: timeoutMs, polling: 100 });
  const out = await page.evaluate(() => {
    const w = window as unknown as { __result?: MethodResult; __error?: string; __probe: Probe };
    return { result: w.__result, error: w.__error, probe: w.__probe };
  });
  if (!out.result) throw new Error(`${url}: ${out.error}`);
  const { start, end } = out.result;
  const spans = out.probe.tasks.length > 0 ? out.probe.tasks : out.probe.gaps;
  return { ...out.result, longestTaskMs: longestIn(spans, start, end) };
}

function summarise(runs: (MethodResult & { longestTaskMs: number })[]): MethodSummary {
  const med = (pick: (r: MethodResult & { longestTaskMs: number }) => number) => median(runs.map(pick));
  const split = runs[0]?.split
    ? {
        index: med((r) => r.split!.index),
        extract: med((r) => r.split!.extract),
        match: med((r) => r.split!.match),
        draw: med((r) => r.split!.draw),
      }
    : undefined;
  return {
    scriptMs: med((r) => r.scriptMs),
    waitMs: med((r) => r.waitMs),
    longestTaskMs: med((r) => r.longestTaskMs),
    highlights: med((r) => r.highlights),
    claims: med((r) => r.claims),
    split,
    done: Math.min(...runs.map((r) => r.done)),
    runs: runs.length,
  };
}

/** Runs every method by its plan on the page at `path`; `log` gets a line per finished method. */
export async function compareOnPage(
  b: BenchBrowser,
  server: BenchServer,
  path: string,
  plans: Record<MethodName, RunPlan>,
  log: (method: MethodName, s: MethodSummary) => void,
): Promise<Record<MethodName, MethodSummary>> {
  const page = await b.browser.newPage();
  const runs = Object.fromEntries(METHODS.map((m) => [m, [] as (MethodResult & { longestTaskMs: number })[]]));
  const maxReps = Math.max(...METHODS.map((m) => plans[m].reps));
  try {
    for (let rep = 0; rep < maxReps; rep++) {
      for (const method of METHODS) {
        const plan = plans[method];
        if (rep >= plan.reps) continue;
        const cap = plan.capMs === undefined ? '' : `&cap=${plan.capMs}`;
        const timeout = (plan.capMs ?? 60_000) * 3 + 60_000;
        runs[method]!.push(await runOnce(page, server.url(`${path}?method=${method}${cap}`), timeout));
      }
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  const out = {} as Record<MethodName, MethodSummary>;
  for (const method of METHODS) {
    out[method] = summarise(runs[method]!);
    log(method, out[method]);
  }
  return out;
}
