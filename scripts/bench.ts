/**
 * `npm run bench`: Crossread's performance side by side with baselines run on the same input in the same run,
 * in Node and in Debian's Chromium and Firefox, written to BENCHMARKS.md with a chart (docs/bench/ratios.svg).
 * Sections, one per file under scripts/bench/: content-script size (size.ts), knowledge-base scale (kb-scale.ts),
 * then per browser the highlighting methods side by side (highlight.ts, in-page/methods.ts) and the built
 * extension itself (extension.ts). Not a test: figures vary with the machine; the ratios are what to read.
 *
 * Then pages read at scale (learned.ts): linking and storage at 1,000 and 10,000 articles read, in Chromium.
 *
 * Flags: --quick (article and 1 MB page, fewer runs, KB up to 10,000 entities); --only=chromium|firefox|node;
 * --node-only: only the matcher in Node (the KB-scale section plus the seed on 5 MB), printed and written nowhere,
 * with a fingerprint of what each KB matched so that a speed change can be checked to find exactly the same;
 * --learned-only (only the pages-read section, in Chromium, or in Firefox with --only=firefox; its section of
 * BENCHMARKS.md is replaced and the rest left as it is).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './build.ts';
import { benchBrowser, type BrowserResults } from './bench/browser-suite.ts';
import type { BrowserName } from './bench/browsers.ts';
import { ratioChart } from './bench/chart.ts';
import { grownKb, measureKb, type KbScaleRow } from './bench/kb-scale.ts';
import { benchLearned } from './bench/learned.ts';
import { chartBars, learnedSection, renderReport, withLearnedSection, type BenchResults } from './bench/report.ts';
import { startSite } from './bench/setup.ts';
import { contentScriptSize } from './bench/size.ts';
import { times } from './bench/stats.ts';
import { buildKb } from './kb/build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const say = (line: string) => console.log(line);

function parseArgs(argv: string[]): { quick: boolean; only?: string; nodeOnly: boolean; learnedOnly: boolean } {
  const opts: { quick: boolean; only?: string; nodeOnly: boolean; learnedOnly: boolean } = { quick: false, nodeOnly: false, learnedOnly: false };
  for (const arg of argv) {
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--node-only') opts.nodeOnly = true;
    else if (arg === '--learned-only') opts.learnedOnly = true;
    else if (/^--only=(chromium|firefox|node)$/.test(arg)) opts.only = arg.slice(7);
    else throw new Error(`bench: unknown argument ${arg} (use --quick, --node-only, --learned-only, --only=chromium|firefox|node)`);
  }
  return opts;
}

/** The pages-read section alone: measured, then put in place of its old self in BENCHMARKS.md. */
async function learnedOnly(kb: ReturnType<typeof buildKb>['kb'], only: string | undefined): Promise<void> {
  const browser: BrowserName = only === 'firefox' ? 'firefox' : 'chromium';
  const results = await benchLearned(browser, kb, say);
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench/learned.json'), JSON.stringify(results, null, 2));
  const path = join(root, 'BENCHMARKS.md');
  writeFileSync(path, withLearnedSection(readFileSync(path, 'utf8'), learnedSection(results)));
  say(`\nWrote the pages-read section of BENCHMARKS.md.`);
}

/** The text matched in the KB-scale section: the source articles repeated to 1 MB (or `size`). */
function articleText(texts: string[], size = 1_000_000): string {
  const one = texts.join('\n\n');
  let text = '';
  while (text.length < size) text += one + '\n\n';
  return text;
}

function kbScale(kb: ReturnType<typeof buildKb>['kb'], quick: boolean, fingerprints = false): { rows: KbScaleRow[]; samples: number[] } {
  const text = articleText(kb.sources.map((s) => s.text));
  // Every KB matches the same 1 MB, the median of several matches: a single match of a 20 KB prefix right after a
  // big build timed mostly the cold start (JIT, caches, the collector after the build), not the KB's size.
  const plan: [number, number][] = quick ? [[0, 1_000_000], [10_000, 1_000_000]] : [[0, 1_000_000], [10_000, 1_000_000], [100_000, 1_000_000]];
  const rows: KbScaleRow[] = [];
  const samples: number[] = [];
  say('\nKnowledge-base scale (Node)');
  for (const [entities, chars] of plan) {
    const grown = grownKb(kb, entities);
    const row = measureKb(grown, text, grown === kb ? 5 : 1, text.slice(0, chars), 5);
    rows.push(row);
    samples.push(chars);
    say(`  ${row.entities} entities, ${row.claims} claims: build ${row.buildMs.toFixed(0)} ms, match ${row.fullMBps.toFixed(3)} MB/s (${times(rows[0]!.fullMBps / row.fullMBps)} slower than seed), entities only ${row.entityMBps.toFixed(1)} MB/s (${times(rows[0]!.entityMBps / row.entityMBps)}), heap ${row.heapMb.toFixed(0)} MB`);
    if (fingerprints) say(`    matches: ${row.matches}`);
  }
  return { rows, samples };
}

/** The seed matcher on 5 MB of the source articles, as on the 5 MB page: the matcher's own speed. */
function seedOnFive(kb: ReturnType<typeof buildKb>['kb'], quick: boolean, fingerprints = false): NonNullable<BenchResults['seedFive']> {
  const five = articleText(kb.sources.map((s) => s.text), 5_000_000);
  const row = measureKb(kb, five, quick ? 3 : 5);
  say(`Seed KB on ${(five.length / 1e6).toFixed(1)} MB (Node): match ${row.fullMBps.toFixed(1)} MB/s, entities only ${row.entityMBps.toFixed(1)} MB/s`);
  if (fingerprints) say(`  matches: ${row.matches}`);
  return { mb: five.length / 1e6, fullMBps: row.fullMBps, entityMBps: row.entityMBps };
}

/** The seed matcher on 5 MB, then the KB-scale section, with a hash of every match. Writes nothing. */
function nodeOnly(kb: ReturnType<typeof buildKb>['kb'], quick: boolean): void {
  seedOnFive(kb, quick, true);
  kbScale(kb, quick, true);
}

async function main(): Promise<void> {
  const started = performance.now();
  const { quick, only, nodeOnly: nodeOnlyFlag, learnedOnly: learnedAlone } = parseArgs(process.argv.slice(2));
  const { kb } = buildKb(join(root, 'shared/kb'));
  if (nodeOnlyFlag) return nodeOnly(kb, quick);
  if (learnedAlone) return learnedOnly(kb, only);
  await buildExtension();
  const size = await contentScriptSize(root);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  say(`Content script (always loaded): ${kib(size.minified)} minified (${kib(size.gzip)} gzip), ${kib(size.shipped)} as shipped`);
  say(`Lazy UI chunk (${size.lazy.file}, on first hover or selection): ${kib(size.lazy.minified)} minified (${kib(size.lazy.gzip)} gzip), ${kib(size.lazy.shipped)} as shipped`);
  const nodeToo = !only || only === 'node';
  const seedFive = nodeToo ? seedOnFive(kb, quick) : undefined;
  const scale = nodeToo ? kbScale(kb, quick) : { rows: [], samples: [] };
  const site = await startSite(kb);
  const browsers: BrowserResults[] = [];
  try {
    for (const name of ['chromium', 'firefox'] as BrowserName[]) {
      if (only && only !== name) continue;
      browsers.push(await benchBrowser(name, site, join(root, 'dist', name === 'chromium' ? 'chrome' : 'firefox'), quick, say));
    }
  } finally {
    await site.server.close();
  }
  const learned = only && only !== 'chromium' ? undefined : await benchLearned('chromium', kb, say, quick ? [1, 1_000] : undefined);
  const results: BenchResults = {
    quick,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}`,
    durationS: (performance.now() - started) / 1000,
    pages: site.pages,
    terms: site.terms.length,
    size,
    kb: scale.rows,
    ...(seedFive && { seedFive }),
    kbSample: scale.samples,
    browsers,
    ...(learned && { learned }),
  };
  mkdirSync(join(root, '.bench'), { recursive: true });
  writeFileSync(join(root, '.bench/results.json'), JSON.stringify(results, null, 2));
  mkdirSync(join(root, 'docs/bench'), { recursive: true });
  writeFileSync(join(root, 'docs/bench/ratios.svg'), ratioChart('Crossread vs baselines, time in script (log scale)', chartBars(results)));
  writeFileSync(join(root, 'BENCHMARKS.md'), renderReport(results, join(root, 'scripts/bench/notes.md')));
  say(`\nWrote BENCHMARKS.md and docs/bench/ratios.svg in ${Math.round(results.durationS)} s.`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
