/** Writes BENCHMARKS.md from one run's results; the explanations of missed aims come from notes.md beside it. */
import { readFileSync } from 'node:fs';
import type { BrowserResults } from './browser-suite.ts';
import type { Bar } from './chart.ts';
import { METHODS, type MethodName } from './highlight.ts';
import type { KbScaleRow } from './kb-scale.ts';
import type { LearnedResults } from './learned.ts';
import { PAGE_LABELS, type PageId, type PageInfo } from './setup.ts';
import type { ScriptSize } from './size.ts';
import { ms, times } from './stats.ts';

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  quick: boolean;
  node: string;
  cpus: string;
  durationS: number;
  pages: Record<PageId, PageInfo>;
  terms: number;
  size: ScriptSize;
  kb: KbScaleRow[];
  /** The seed KB on 5 MB of the source articles, as on the 5 MB page: the matcher's own speed (issue aim 20 MB/s). */
  seedFive?: { mb: number; fullMBps: number; entityMBps: number };
  /** Characters of text the full match ran over, per KB row (smaller for the slow large KBs). */
  kbSample: number[];
  browsers: BrowserResults[];
  /** Pages read at scale (learned.ts), if measured. */
  learned?: LearnedResults;
}

/** The heading of the pages-read section: --learned-only replaces the section it starts. */
export const LEARNED_HEADING = '## Pages read at scale: linking and storage';

const mb = (n: number) => `${n.toFixed(1)} MB`;

/** The pages-read section: each level side by side with the baseline (one article read), and the index against a scan. */
export function learnedSection(r: LearnedResults): string {
  const [base, ...rest] = r.levels;
  if (!base) return '';
  const vs = (value: number, of: number) => `${ms(value)} (${times(value / of)} the baseline)`;
  const lines = [
    LEARNED_HEADING,
    '',
    `The background's own store of pages read (extension/background/learned.ts, its Dexie tables) run in a page of ${r.browser} on its real IndexedDB, ` +
      'filled with synthetic news (scripts/bench/learned-corpus.ts): stories in English and German, each article some 30 sentences of wire-copy ' +
      'templates (reported speech, quotes, "according to", announcements) naming a story\'s cast, the cast drawn Zipf-like from pools of names so that ' +
      'a few names are in thousands of articles. The baseline is one article read. Per level, medians over ' +
      `${PROBES_NOTE} new articles of recent stories on a site not read: linking (first time: candidates loaded, prepared and matched; again: the reading ` +
      'and its matchers kept), finding the candidates through the index of rare names, and recording one more article. Run alone with ' +
      '`npm run bench -- --learned-only`.',
    '',
    '| articles read | statements | link, first | link, again | candidates | spans linked | record one more | learned data | IndexedDB used |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.levels.map((l) =>
      `| ${l.articles.toLocaleString('en')} | ${l.statements.toLocaleString('en')} | ${vs(l.linkColdMs, base.linkColdMs)} | ${vs(l.linkWarmMs, base.linkWarmMs)} | ${l.candidates.toFixed(1)} | ${l.linkedSpans.toFixed(1)} | ${vs(l.recordMs, base.recordMs)} | ${mb(l.learnedMb)} | ${mb(l.usageMb)} |`,
    ),
    '',
    'Finding the candidate pages of a new article: the index as linking uses it (each term\'s entries read up to 51, a term with more is common: its entries dropped, it is only checked against the 40 pages the rare terms found that weigh most and the 50 pages read last) against loading every entry of every term the article uses, and against a full scan of the index (what a store without the index would read).',
    '',
    '| articles read | indexed lookup | every entry of its terms | full scan | full scan ÷ indexed | entries scanned |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.levels.map((l) => `| ${l.articles.toLocaleString('en')} | ${ms(l.lookupMs)} | ${ms(l.lookupAllMs)} | ${ms(l.scanMs)} | ${times(l.scanMs / l.lookupMs)} | ${Math.round(l.scanRows).toLocaleString('en')} |`),
    '',
  ];
  const phased = r.levels.filter((l) => l.coldPhases && l.warmPhases);
  if (phased.length > 0) {
    const names = ['extract', 'lookup', 'load', 'read', 'link', 'store'] as const;
    lines.push(
      'Where the time of a link goes, medians per phase (first link / again): the page\'s own names; the index lookup; loading the candidate pages; reading them (each prepared: its statements and names; kept for the next link); linking (the story\'s knowledge, its matchers built or kept, the matching); storing the links.',
      '',
      `| articles read | ${names.join(' | ')} | the probes' own stories among the candidates |`,
      `| --- | ${names.map(() => '---').join(' | ')} | --- |`,
      ...phased.map(
        (l) =>
          `| ${l.articles.toLocaleString('en')} | ${names.map((n) => `${ms(l.coldPhases![n] ?? 0)} / ${ms(l.warmPhases![n] ?? 0)}`).join(' | ')} | ${l.storyArticles === undefined ? '—' : `${l.storyFound} of ${l.storyArticles}`} |`,
      ),
      '',
    );
  }
  const last = rest.at(-1);
  if (last) {
    lines.push(
      `At ${last.articles.toLocaleString('en')} articles a new article links in ${ms(last.linkColdMs)} the first time (${times(last.linkColdMs / base.linkColdMs)} the baseline's ${ms(base.linkColdMs)}) and ${ms(last.linkWarmMs)} again; the learned data take ${mb(last.learnedMb)} by Crossread's count, ${mb(last.usageMb)} of IndexedDB by the browser's. Filling took ${r.fillMs.map((f) => `${ms(f)}`).join(', ')} per article up to each level.`,
      '',
    );
  }
  return lines.join('\n');
}

const PROBES_NOTE = 'five';

/** `report` with its pages-read section replaced by `section` (or added at the end). */
export function withLearnedSection(report: string, section: string): string {
  const at = report.indexOf(LEARNED_HEADING);
  if (at < 0) return `${report.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = report.indexOf('\n## ', at + LEARNED_HEADING.length);
  return `${report.slice(0, at)}${section.trimEnd()}\n${next < 0 ? '' : report.slice(next)}`;
}

const NAMES: Record<MethodName, string> = {
  crossread: 'Crossread (extract + match + draw)',
  floor: 'floor: one pattern, Highlight API',
  advancedmark: 'advanced-mark.js (combined, cached)',
  markjs: 'mark.js',
  perAlias: 'one regex per alias',
};

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const partList = (parts: [string, number][]) => parts.map(([p, n]) => `${p} ${kb(n)}`).join(', ');
const yes = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The bars of the chart: per browser and page, Crossread's speed-up over each baseline and its cost over the floor. */
export function chartBars(r: BenchResults): Bar[] {
  const bars: Bar[] = [];
  for (const b of r.browsers) {
    for (const [id, m] of Object.entries(b.methods) as [PageId, Record<MethodName, { scriptMs: number }>][]) {
      const c = m.crossread.scriptMs;
      const group = `${b.name}, ${PAGE_LABELS[id]}`;
      bars.push(
        { group, label: 'vs mark.js (× faster)', value: m.markjs.scriptMs / c, color: '#c0392b' },
        { group, label: 'vs advanced-mark.js (× faster)', value: m.advancedmark.scriptMs / c, color: '#e67e22' },
        { group, label: 'vs regex per alias (× faster)', value: m.perAlias.scriptMs / c, color: '#8e44ad' },
        { group, label: 'Crossread ÷ floor (× slower)', value: c / m.floor.scriptMs, color: '#2980b9' },
      );
    }
  }
  return bars;
}

function aims(r: BenchResults): string[] {
  const lines = ['| aim | measured | |', '| --- | --- | --- |'];
  for (const b of r.browsers) {
    const m = b.methods['1mb'];
    if (!m) continue;
    const c = m.crossread.scriptMs;
    lines.push(
      `| ${b.name}: 1 MB page ≥ 40× faster than mark.js | ${times(m.markjs.scriptMs / c)} (${ms(m.markjs.scriptMs)} vs ${ms(c)}) | ${yes(m.markjs.scriptMs / c >= 40)} |`,
      `| ${b.name}: 1 MB page ≥ 5× faster than advanced-mark.js | ${times(m.advancedmark.scriptMs / c)} (${ms(m.advancedmark.scriptMs)}) | ${yes(m.advancedmark.scriptMs / c >= 5)} |`,
      `| ${b.name}: 1 MB page within 1.5× of the floor | ${times(c / m.floor.scriptMs)} (floor ${ms(m.floor.scriptMs)}) | ${yes(c / m.floor.scriptMs <= 1.5)} |`,
    );
    const longest = Math.max(...Object.values(b.script).map((s) => s.longestTaskMs), b.bursts.longestTaskMs);
    lines.push(`| ${b.name}: no main-thread task over 50 ms (extension, every page and the bursts) | longest ${ms(longest)} | ${yes(longest <= 50)} |`);
    const a = b.script.article;
    if (a) {
      lines.push(
        `| ${b.name}: article highlighted within 100 ms of load | ${ms(a.loadToDrawn)} | ${yes(a.loadToDrawn <= 100)} |`,
        `| ${b.name}: article extract + match + draw under 10 ms | ${ms(a.extract + a.match + a.draw)} | ${yes(a.extract + a.match + a.draw < 10)} |`,
      );
    }
    const one = b.script['1mb'];
    const viewMs = one?.loadToView;
    if (one && m.advancedmark && viewMs !== undefined) {
      lines.push(`| ${b.name}: 1 MB page, first highlight in view within 1/1.5 of advanced-mark.js's load → drawn | ${ms(viewMs)} vs ${ms(m.advancedmark.waitMs)} (${times(m.advancedmark.waitMs / viewMs)}) | ${yes(viewMs * 1.5 <= m.advancedmark.waitMs)} |`);
    }
    if (one && m.floor && viewMs !== undefined) {
      lines.push(`| ${b.name}: 1 MB page, first highlight in view within 1.5× of the floor's load → drawn (longer aim) | ${ms(viewMs)} vs ${ms(m.floor.waitMs)} (${times(viewMs / m.floor.waitMs)}) | ${yes(viewMs <= 1.5 * m.floor.waitMs)} |`);
    }
    const empty = Object.entries(b.script).filter(([, s]) => s.highlights === 0).map(([id]) => PAGE_LABELS[id as PageId] ?? id);
    lines.push(`| ${b.name}: highlights on every page, with the extension | ${empty.length === 0 ? 'all pages' : `none on ${empty.join(', ')}`} | ${yes(empty.length === 0)} |`);
    if (one) lines.push(`| ${b.name}: 1 MB page under 150 ms of work (index + extract + match + draw) | ${ms(one.index + one.extract + one.match + one.draw)} | ${yes(one.index + one.extract + one.match + one.draw < 150)} |`);
  }
  const seed = r.kb[0];
  const big = r.kb.find((row) => row.entities >= 100_000);
  if (seed && big) {
    lines.push(
      `| 100,000-entity KB ≤ 3× slower to match than the seed (entities + claims) | ${times(seed.fullMBps / big.fullMBps)} | ${yes(seed.fullMBps / big.fullMBps <= 3)} |`,
      `| … entities only | ${times(seed.entityMBps / big.entityMBps)} | ${yes(seed.entityMBps / big.entityMBps <= 3)} |`,
    );
  }
  if (r.seedFive) {
    const f = r.seedFive;
    lines.push(`| matcher in Node ≥ 20 MB/s, seed KB on ${f.mb.toFixed(1)} MB, entities + claims | ${f.fullMBps.toFixed(1)} MB/s (entities only ${f.entityMBps.toFixed(1)} MB/s) | ${yes(f.fullMBps >= 20)} |`);
  }
  lines.push(`| content script under 60 KB minified (always loaded; the lazy UI chunk adds ${kb(r.size.lazy.minified)} on first use) | ${kb(r.size.minified)} | ${yes(r.size.minified < 60 * 1024)} |`);
  return lines;
}

function highlightTables(b: BrowserResults, pages: Record<PageId, PageInfo>): string[] {
  const lines: string[] = [];
  for (const [id, m] of Object.entries(b.methods) as [PageId, Record<MethodName, BrowserResults['methods']['article'] & object>[MethodName]][]) {
    const info = pages[id];
    lines.push(`#### ${b.name}: ${PAGE_LABELS[id]} (${kb(info.bytes)}, ${info.textNodes.toLocaleString('en')} text nodes)`, '');
    lines.push('| method | time in script | Crossread is | load → highlights drawn | longest task | highlights | runs |', '| --- | --- | --- | --- | --- | --- | --- |');
    const c = m.crossread.scriptMs;
    for (const method of METHODS) {
      const s = m[method];
      const ratio = method === 'crossread' ? '' : method === 'floor' ? `${times(c / s.scriptMs)} the floor's time` : `${times(s.scriptMs / c)} faster`;
      const capped = s.done < 1 ? ` (capped after ${Math.round(s.done * 100)}% of the page, extrapolated)` : '';
      const claims = method === 'crossread' ? ` + ${s.claims} claims` : '';
      lines.push(`| ${NAMES[method]} | ${ms(s.scriptMs)}${capped} | ${ratio} | ${ms(s.waitMs)} | ${ms(s.longestTaskMs)} | ${s.highlights}${claims} | ${s.runs} |`);
    }
    const split = m.crossread.split;
    if (split) lines.push('', `Crossread's stages here: index build ${ms(split.index)} (counted in load → drawn, not in script time), extract ${ms(split.extract)}, match ${ms(split.match)}, draw ${ms(split.draw)}.`);
    lines.push('');
  }
  return lines;
}

/**
 * When the reader first sees highlights where they are looking: the extension draws what is in view first, the
 * baselines draw everything at once, so theirs is their load → drawn.
 */
function viewTables(r: BenchResults): string[] {
  const lines = ['| browser | page | Crossread (extension) | floor | advanced-mark.js | mark.js |', '| --- | --- | --- | --- | --- | --- |'];
  for (const b of r.browsers) {
    for (const id of ['1mb', '5mb'] as PageId[]) {
      const s = b.script[id];
      const m = b.methods[id];
      if (!s || !m) continue;
      lines.push(`| ${b.name} | ${PAGE_LABELS[id]} | ${ms(s.loadToView)} | ${ms(m.floor.waitMs)} | ${ms(m.advancedmark.waitMs)} | ${ms(m.markjs.waitMs)}${m.markjs.done < 1 ? ' (capped)' : ''} |`);
    }
  }
  return lines;
}

function extensionTables(r: BenchResults): string[] {
  const lines = ['| browser | page | index in the page | extract | match | draw | start → drawn | load → drawn | longest task | highlights |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const b of r.browsers) {
    for (const [id, s] of Object.entries(b.script) as [PageId, NonNullable<BrowserResults['script']['article']>][]) {
      lines.push(`| ${b.name} | ${PAGE_LABELS[id]} | ${ms(s.index)} | ${ms(s.extract)} | ${ms(s.match)} | ${ms(s.draw)} | ${ms(s.total)} | ${ms(s.loadToDrawn)} | ${ms(s.longestTaskMs)} | ${s.highlights} |`);
    }
  }
  return lines;
}

/** The whole report as Markdown. */
export function renderReport(r: BenchResults, notesPath: string): string {
  const out: string[] = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${r.quick ? ' -- --quick' : ''}\` (scripts/bench.ts) in ${Math.round(r.durationS)} s on ${r.cpus}, Node ${r.node}, ` +
      `${r.browsers.map((b) => b.version).join(' and ')}. Figures vary with the machine and its load; the ratios, each taken against ` +
      'baselines run on the same input in the same run, are what to read. Rerun with `npm run bench` (`-- --quick` for a smaller subset).',
    '',
    '![Crossread against the baselines](docs/bench/ratios.svg)',
    '',
    '## Aims',
    '',
    ...aims(r),
    '',
    '## Why the missed aims are missed',
    '',
    readFileSync(notesPath, 'utf8').trim(),
    '',
    '## Highlighting side by side',
    '',
    `Each method runs after the page's load event in a browser without the extension, on a fresh load per run; the medians are shown. ` +
      `All methods highlight the same ${r.terms} terms: every distinct text Crossread's matcher marks as an entity in the source articles the pages are made of ` +
      '(case-sensitive, whole words). Crossread also finds claims, which the baselines cannot. "Time in script" is from the start of the method until its ' +
      "highlights are in place (Crossread's yields included; its index build is shown apart); \"load → highlights drawn\" runs from the load event to the first " +
      'frame after drawing and includes that frame\'s style and paint. mark.js and advanced-mark.js wrap `<mark>` elements; the floor and the regex-per-alias ' +
      'baseline draw with the Highlight API like Crossread. Highlight counts differ a little: the mark.js libraries and the per-alias regexes also count a ' +
      "term inside a longer one (\"Putin\" in \"Wladimir Putin\"), and Crossread leaves out short forms it cannot resolve.",
    '',
    'The longest task is Chromium\'s PerformanceObserver longtask; Firefox has none, so there it is the longest gap in a zero-delay timer chain (an upper bound, ~4 ms of clamp included).',
    '',
  ];
  for (const b of r.browsers) out.push(`### ${b.name}`, '', ...highlightTables(b, r.pages));
  out.push(
    '## The extension in the browser: content-script start → highlights',
    '',
    "From the content script's own performance measures (cl-extract; cl-match = sending the text to the background in pieces and getting the spans back; cl-draw = the draw of everything but the piece in view; cl-index was building the matcher in the page, which no longer happens) on each page loaded with the built extension; medians of several loads for the article and the 1 MB page, one load for the others. The longest task is taken from the content script's start until 250 ms after it drew.",
    '',
    ...extensionTables(r),
    '',
    '## First highlight in view',
    '',
    "From the load event until the first highlights where the reader is looking are drawn: for the extension, the piece of text in view is matched and drawn before the rest (cl-view); the baselines (without the extension, as in the side-by-side tables) draw everything at once, so theirs is their load → highlights drawn.",
    '',
    ...viewTables(r),
    '',
    '## Cold start',
    '',
    '| browser | install → KB seeded and in the first page | first page: load → first highlight | navigation → first highlight |',
    '| --- | --- | --- | --- |',
    ...r.browsers.map((b) => `| ${b.name} | ${ms(b.cold.installToKb)} | ${ms(b.cold.loadToFirst)} | ${ms(b.cold.navToFirst)} |`),
    '',
    '## Dynamic pages',
    '',
    "20 bursts, 100 ms apart, each appending 250 paragraphs (a `<p>` and its text: 10,000 nodes in all) to the article page after its first highlights. \"Measured\" sums the content script's extract, match and draw measures for the bursts (wall time, so yields count); Chromium's main-thread task time for the same bursts is shown with and without the extension.",
    '',
    '| browser | scans | measured | main-thread tasks (with / without extension) | longest task | last burst → drawn | highlights |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.browsers.map((b) => {
      const task = b.bursts.taskMs !== undefined ? `${ms(b.bursts.taskMs)} / ${ms(b.burstsPlain?.taskMs ?? NaN)}` : '—';
      return `| ${b.name} | ${b.bursts.scans} | ${ms(b.bursts.measuredMs)} | ${task} | ${ms(b.bursts.longestTaskMs)} | ${b.bursts.settled ? ms(b.bursts.settleMs) : '**not caught up** by the deadline'} | ${b.bursts.highlights} |`;
    }),
    '',
    '## Knowledge-base scale (Node)',
    '',
    "The seed KB, and the seed grown with synthetic entities (multi-word names with inflected aliases) and claims in the seed's proportion, drawn from the real concept lexicon (scripts/bench/synthetic.ts). Match throughput is over the source articles repeated to 1 MB (the full-match text column), the median of five matches for every KB (the first after a big KB's build runs cold). The index build is what the content script does on every page load.",
    '',
    '| entities | claims | KB sent to the page | index build | match, entities + claims | match, entities only | index heap | full-match text |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.kb.map((row, k) => `| ${row.entities.toLocaleString('en')} | ${row.claims.toLocaleString('en')} | ${row.payloadMb.toFixed(1)} MB | ${ms(row.buildMs)} | ${row.fullMBps.toFixed(3)} MB/s (${times(r.kb[0]!.fullMBps / row.fullMBps)} slower than seed) | ${row.entityMBps.toFixed(1)} MB/s (${times(r.kb[0]!.entityMBps / row.entityMBps)}) | ${row.heapMb.toFixed(0)} MB | ${(r.kbSample[k]! / 1000).toFixed(0)} KB |`),
    '',
    '## What the content script costs a page',
    '',
    `Size, always loaded: ${kb(r.size.shipped)} as shipped (dist/chrome/content.js, not minified on purpose), ${kb(r.size.minified)} minified, ${kb(r.size.gzip)} gzipped. Largest parts of the minified bundle: ${partList(r.size.parts)}.`,
    '',
    `Size, loaded on first use (dist/chrome/${r.size.lazy.file}: Preact, the hover card and the annotation toolbar, imported by the content script when the page is idle after its first highlights, or when the pointer first enters one): ${kb(r.size.lazy.shipped)} as shipped, ${kb(r.size.lazy.minified)} minified, ${kb(r.size.lazy.gzip)} gzipped. Largest parts: ${partList(r.size.lazy.parts)}.`,
    '',
  );
  for (const b of r.browsers) {
    if (!b.cost) continue;
    out.push('| page (Chromium) | heap growth after GC | script time on the main thread | all main-thread task time |', '| --- | --- | --- | --- |');
    for (const [id, c] of Object.entries(b.cost)) out.push(`| ${PAGE_LABELS[id as PageId]} | ${c.heapMb.toFixed(1)} MB | ${ms(c.scriptMs)} | ${ms(c.taskMs)} |`);
    out.push('', 'With the extension minus without it, the same page, medians of a few loads (CDP Performance.getMetrics after a forced GC). Firefox has no such counters from outside; its time on the main thread is bounded by the stage times above.', '');
  }
  if (r.learned) out.push(learnedSection(r.learned));
  return out.join('\n') + '\n';
}
