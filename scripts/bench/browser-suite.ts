/** Everything measured in one browser: methods side by side (no extension), then the built extension. */
import type { BenchBrowser, BrowserName } from './browsers.ts';
import { withBrowser } from './browsers.ts';
import { bursts, coldStart, pageCost, readScriptRun, scriptRuns, type BurstResult, type ScriptRun } from './extension.ts';
import { compareOnPage, type MethodName, type MethodSummary, type RunPlan } from './highlight.ts';
import { PAGE_IDS, PAGE_LABELS, type BenchSite, type PageId } from './setup.ts';
import { median, ms, times } from './stats.ts';

/** Chromium-only costs of the content script on a page: with minus without the extension. */
export interface PageCost {
  heapMb: number;
  scriptMs: number;
  taskMs: number;
}

/** One browser's results. */
export interface BrowserResults {
  name: BrowserName;
  version: string;
  methods: Partial<Record<PageId, Record<MethodName, MethodSummary>>>;
  script: Partial<Record<PageId, ScriptRun>>;
  cold: { installToKb: number; loadToFirst: number; navToFirst: number };
  bursts: BurstResult;
  /** Bursts in the browser without the extension: the page's own cost. */
  burstsPlain?: BurstResult;
  cost?: Partial<Record<'article' | '1mb', PageCost>>;
}

/** Repetitions and caps: slow baselines run once, with a cap past which they are extrapolated. */
function plansFor(page: PageId, quick: boolean): Record<MethodName, RunPlan> {
  const fast = page === 'article' ? (quick ? 3 : 7) : page === '1mb' ? (quick ? 1 : 3) : 1;
  const cap = quick ? 2000 : 5000;
  return {
    crossread: { reps: fast },
    floor: { reps: fast },
    advancedmark: { reps: page === 'article' ? fast : 1 },
    // mark.js runs once, in full on the 1 MB page (the aim is measured there), capped on the bigger pages.
    markjs: { reps: page === 'article' ? fast : 1, capMs: page === 'article' || (page === '1mb' && !quick) ? undefined : cap },
    perAlias: { reps: page === 'article' ? fast : 1, capMs: page === 'article' ? undefined : cap },
  };
}

/** The pages a run covers. */
export function pagesFor(quick: boolean): PageId[] {
  return quick ? ['article', '1mb'] : [...PAGE_IDS];
}

/** Page cost measured `reps` times: load, wait for the content script (if any) to draw, settle, read. */
async function costOf(b: BenchBrowser, url: string, extension: boolean, reps: number): Promise<PageCost> {
  const runs: PageCost[] = [];
  for (let k = 0; k < reps; k++) {
    const page = await b.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (extension) await readScriptRun(page);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    runs.push(await pageCost(page));
    await page.close();
  }
  return { heapMb: median(runs.map((r) => r.heapMb)), scriptMs: median(runs.map((r) => r.scriptMs)), taskMs: median(runs.map((r) => r.taskMs)) };
}

async function burstRun(b: BenchBrowser, site: BenchSite, extension: boolean, deadlineMs: number): Promise<BurstResult> {
  const page = await b.browser.newPage();
  try {
    await page.goto(site.server.url('/ext/article.html'), { waitUntil: 'load' });
    if (extension) await readScriptRun(page);
    return await bursts(page, 20, 100, extension, deadlineMs);
  } finally {
    await page.close();
  }
}

/** Runs the browser's whole section, printing as it goes. */
export async function benchBrowser(
  name: BrowserName,
  site: BenchSite,
  extensionDir: string,
  quick: boolean,
  say: (line: string) => void,
): Promise<BrowserResults> {
  const pages = pagesFor(quick);
  const out = { name, methods: {}, script: {} } as BrowserResults;
  await withBrowser(name, undefined, async (b) => {
    out.version = await b.browser.version();
    say(`\n${name} (${out.version}), without the extension: methods side by side`);
    for (const id of pages) {
      const results = await compareOnPage(b, site.server, `/plain/${id}.html`, plansFor(id, quick), (method, s) => {
        const note = s.done < 1 ? ` (capped at ${Math.round(s.done * 100)}%, extrapolated)` : '';
        say(`  ${PAGE_LABELS[id].padEnd(18)} ${method.padEnd(12)} ${ms(s.scriptMs).padStart(10)} in script, ${ms(s.waitMs).padStart(10)} load→drawn, longest task ${ms(s.longestTaskMs)}, ${s.highlights} highlights${note}`);
      });
      const c = results.crossread.scriptMs;
      say(`  ${PAGE_LABELS[id]}: Crossread is ${times(results.markjs.scriptMs / c)} faster than mark.js, ${times(results.advancedmark.scriptMs / c)} than advanced-mark.js, ${times(results.perAlias.scriptMs / c)} than a regex per alias; ${times(c / results.floor.scriptMs)} the floor`);
      out.methods[id] = results;
    }
    if (name === 'chromium') {
      out.cost = {
        article: await costOf(b, site.server.url('/ext/article.html'), false, 3),
        '1mb': await costOf(b, site.server.url('/ext/1mb.html'), false, quick ? 1 : 2),
      };
      out.burstsPlain = await burstRun(b, site, false, 30_000);
    }
  });
  await withBrowser(name, extensionDir, async (b) => {
    say(`${name}, with the built extension`);
    out.cold = await coldStart(b, site.server.url('/ext/article.html'));
    say(`  cold start: install → KB in the page ${ms(out.cold.installToKb)}; first page load → first highlight ${ms(out.cold.loadToFirst)}`);
    for (const id of pages) {
      const reps = id === 'article' ? (quick ? 3 : 7) : id === '1mb' ? (quick ? 1 : 3) : 1;
      const r = await scriptRuns(b, site.server.url(`/ext/${id}.html`), reps);
      out.script[id] = r;
      say(`  ${PAGE_LABELS[id].padEnd(18)} index ${ms(r.index)}, extract ${ms(r.extract)}, match ${ms(r.match)}, draw ${ms(r.draw)}: start→drawn ${ms(r.total)}, load→drawn ${ms(r.loadToDrawn)}, load→first in view ${ms(r.loadToView)}, longest task ${ms(r.longestTaskMs)}`);
    }
    out.bursts = await burstRun(b, site, true, quick ? 30_000 : 60_000);
    say(`  bursts: ${out.bursts.scans} scans, ${ms(out.bursts.measuredMs)} measured, longest task ${ms(out.bursts.longestTaskMs)}, last burst → drawn ${out.bursts.settled ? ms(out.bursts.settleMs) : 'not caught up by the deadline'}`);
    if (name === 'chromium' && out.cost) {
      const withArticle = await costOf(b, site.server.url('/ext/article.html'), true, 3);
      const with1mb = await costOf(b, site.server.url('/ext/1mb.html'), true, quick ? 1 : 2);
      const minus = (a: PageCost, z: PageCost): PageCost => ({ heapMb: a.heapMb - z.heapMb, scriptMs: a.scriptMs - z.scriptMs, taskMs: a.taskMs - z.taskMs });
      out.cost = { article: minus(withArticle, out.cost.article!), '1mb': minus(with1mb, out.cost['1mb']!) };
      say(`  cost on the article: +${out.cost.article!.heapMb.toFixed(1)} MB heap, +${ms(out.cost.article!.taskMs)} main thread; 1 MB page: +${out.cost['1mb']!.heapMb.toFixed(1)} MB, +${ms(out.cost['1mb']!.taskMs)}`);
    }
  });
  return out;
}
