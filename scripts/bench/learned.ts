/**
 * The bench of pages read at scale: the background's store (extension/background/learned.ts) run in a page of
 * the real browser on its real IndexedDB (in-page/learned.ts), at 0 (one article read, the baseline), 1,000 and
 * 10,000 synthetic articles read (learned-corpus.ts). Per level: recording one more article, linking a new
 * article of a known story (first time, and again with the reading kept), finding its candidates through the
 * index against every entry of its terms and against a full scan, and the storage taken.
 */
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { withBrowser, type BrowserName } from './browsers.ts';
import type { LevelResult } from './in-page/learned.ts';
import { startServer } from './server.ts';
import { bundleInPage } from './setup.ts';
import { ms } from './stats.ts';

export type { LevelResult };

/** One browser's levels, and the ms per article it took to fill them. */
export interface LearnedResults {
  browser: string;
  levels: LevelResult[];
  fillMs: number[];
}

/** The levels measured: articles read before each. */
export const LEVELS = [1, 1_000, 10_000];
const PROBES = 5;
/** Articles read per call into the page while filling. */
const FILL_STEP = 500;

type Bench = {
  setup(kb: { entities: unknown[]; concepts: unknown[]; version: string }): Promise<void>;
  fill(total: number): Promise<number>;
  measure(probes: number): Promise<LevelResult>;
  teardown(): Promise<void>;
};

/** `lookup 12 ms, load 3 ms, …`: the phases of a link in the order they run. */
export function phaseLine(phases: NonNullable<LevelResult['coldPhases']>): string {
  return Object.entries(phases).map(([name, t]) => `${name} ${ms(t)}`).join(', ');
}

/** Runs the levels in `name`, printing as it goes. */
export async function benchLearned(name: BrowserName, kb: KnowledgeBase, say: (line: string) => void, levels = LEVELS): Promise<LearnedResults> {
  const server = await startServer();
  try {
    server.set('/learned.js', await bundleInPage('scripts/bench/in-page/learned.ts'));
    server.set('/learned.html', '<!doctype html><meta charset="utf-8"><title>bench</title><script src="/learned.js"></script>');
    return await withBrowser(name, undefined, async (b) => {
      const page = await b.browser.newPage();
      await page.goto(server.url('/learned.html'), { waitUntil: 'load' });
      const version = await b.browser.version();
      say(`\nPages read at scale, ${name} (${version}), real IndexedDB`);
      await page.evaluate(
        (k) => (globalThis as unknown as { crossreadLearnedBench: Bench }).crossreadLearnedBench.setup(k),
        { entities: kb.entities, concepts: kb.concepts, version: kb.version },
      );
      const out: LearnedResults = { browser: version, levels: [], fillMs: [] };
      for (const level of levels) {
        // Filled a few hundred articles per call: one call for thousands would outlast the protocol's timeout.
        const from = out.levels.at(-1)?.articles ?? 0;
        let spent = 0;
        for (let upto = Math.min(level, from + FILL_STEP); ; upto = Math.min(level, upto + FILL_STEP)) {
          const before = Math.max(from, upto - FILL_STEP);
          const each = await page.evaluate(
            (n) => (globalThis as unknown as { crossreadLearnedBench: Bench }).crossreadLearnedBench.fill(n),
            upto,
          );
          spent += each * Math.max(0, upto - before);
          if (upto >= level) break;
        }
        const perArticle = spent / Math.max(1, level - from);
        out.fillMs.push(perArticle);
        const r = await page.evaluate(
          (p) => (globalThis as unknown as { crossreadLearnedBench: Bench }).crossreadLearnedBench.measure(p),
          PROBES,
        );
        out.levels.push(r);
        say(
          `  ${r.articles.toLocaleString('en')} articles (${r.statements.toLocaleString('en')} statements, filled at ${ms(perArticle)}/article): ` +
            `link ${ms(r.linkColdMs)} first, ${ms(r.linkWarmMs)} again (${r.linkedSpans.toFixed(1)} spans, ${r.candidates.toFixed(1)} candidates); ` +
            `lookup ${ms(r.lookupMs)} indexed, ${ms(r.lookupAllMs)} all entries, ${ms(r.scanMs)} full scan (${Math.round(r.scanRows).toLocaleString('en')} entries); ` +
            `record ${ms(r.recordMs)}; ${r.learnedMb.toFixed(1)} MB learned, ${r.usageMb.toFixed(1)} MB used`,
        );
        if (r.storyArticles !== undefined) say(`    the probes' own stories: ${r.storyFound} of their ${r.storyArticles} articles read were among the candidates`);
        if (r.coldPhases) say(`    first link by phase: ${phaseLine(r.coldPhases)}`);
        if (r.warmPhases) say(`    again by phase: ${phaseLine(r.warmPhases)}`);
      }
      await page.evaluate(() => (globalThis as unknown as { crossreadLearnedBench: Bench }).crossreadLearnedBench.teardown());
      return out;
    });
  } finally {
    await server.close();
  }
}
