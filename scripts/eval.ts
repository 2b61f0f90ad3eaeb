/**
 * `npm run eval [-- --threshold 0.5] [--sweep] [--stories DIR [--fit a,b] [--new c,d] [--verbose]]`: the matcher's honest
 * quality figures on held-out text; with --stories, how well pages read are linked (see scripts/eval/stories.ts).
 * Our own articles are split once: the first half of each file is for development (looked at while improving the
 * matcher), the second half only ever reported. See scripts/eval/heldout.ts for what each check measures.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildKb } from './kb/build.ts';
import { buildMatcher, DEFAULT_THRESHOLD } from '../shared/match/index.ts';
import { calibrated } from '../shared/match/calibration.ts';
import { breakpoints, type Judged } from './eval/calibrate.ts';
import type { KnowledgeBase, Lang } from '../shared/kb/types.ts';
import { prChart, type Curve } from './eval/chart.ts';
import {
  leaveOneOut,
  scoreArticle,
  scoreDistractors,
  judgeArticle,
  sweepArticle,
  sweepLeaveOneOut,
  type Distractor,
  type EvalArticle,
} from './eval/heldout.ts';
import { add, emptyTally, percent, precision, recall, type Tally } from './eval/metrics.ts';
import { runStories } from './eval/stories.ts';
import { choose, GRID, leaveOneArticleOut, pooled, TARGET_PRECISION, type Sweep } from './eval/operating.ts';
import { goldOfClaims, loadRealSet, runReal, scoreReal, scoreRealEntities, seedTexts, type RealSet } from './eval/realtext.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(root, path), 'utf8')) as T;

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function looTable(title: string, results: Map<string, Tally>): string[] {
  const lines = [`### ${title}`, '', row(['article', 'claim passages found (recall)', 'precision']), row(['---', '---', '---'])];
  const all = emptyTally();
  for (const [id, t] of results) {
    add(all, t);
    lines.push(row([id, percent(t.goldFound, t.gold), percent(t.foundRight, t.found)]));
  }
  lines.push(row(['**all**', `**${percent(all.goldFound, all.gold)}**`, `**${percent(all.foundRight, all.found)}**`]), '');
  return lines;
}

type Split = 'dev' | 'test';

/** Our own articles: the first half of each file is for development, the second only reported. */
const halves = (k: number, count: number): Split => (k < Math.ceil(count / 2) ? 'dev' : 'test');

function articleTable(
  title: string,
  articles: EvalArticle[],
  threshold: number,
  kb: ReturnType<typeof buildKb>['kb'],
  splitOf: (k: number, count: number) => Split = halves,
): string[] {
  const lines = [
    `### ${title}`,
    '',
    row(['article', 'split', 'claims: recall', 'claims: precision', 'entities: recall', 'entities: precision']),
    row(['---', '---', '---', '---', '---', '---']),
  ];
  const totals = new Map<Split, { c: Tally; e: Tally }>();
  articles.forEach((article, k) => {
    const split = splitOf(k, articles.length);
    const s = scoreArticle(kb, article, { threshold });
    if (!totals.has(split)) totals.set(split, { c: emptyTally(), e: emptyTally() });
    add(totals.get(split)!.c, s.claims);
    add(totals.get(split)!.e, s.entities);
    lines.push(row([article.id, split, percent(s.claims.goldFound, s.claims.gold), percent(s.claims.foundRight, s.claims.found),
      percent(s.entities.goldFound, s.entities.gold), percent(s.entities.foundRight, s.entities.found)]));
  });
  for (const split of ['dev', 'test'] as const) {
    const t = totals.get(split);
    if (!t) continue;
    lines.push(row([`**all ${split}**`, split, percent(t.c.goldFound, t.c.gold), percent(t.c.foundRight, t.c.found),
      percent(t.e.goldFound, t.e.gold), percent(t.e.foundRight, t.e.found)]));
  }
  return [...lines, ''];
}

/** Where the labelled real articles are looked for: beside the repository, or where REALTEXT says. */
const REALTEXT = process.env['REALTEXT'] ?? join(root, '..', 'shared', 'realtext');

const pct = (t: Tally) => `R ${percent(t.goldFound, t.gold)}, P ${percent(t.foundRight, t.found)}`;

/** The real articles: leave-one-article-out per language, the figures at the shipped threshold, entities. */
function realSection(
  kb: KnowledgeBase,
  set: RealSet,
  threshold: number,
  verbose: boolean,
): { lines: string[]; curves: Curve[]; judged: Judged[] } {
  const matcher = buildMatcher(kb, { threshold: GRID[0] });
  const found = runReal(matcher, set, goldOfClaims(kb, set));
  const sweeps: Sweep[] = set.articles.map((a, i) => GRID.map((t) => scoreReal(set, a, found[i]!, t).tally));
  const loao = leaveOneArticleOut(sweeps);
  const names = new Map(kb.entities.map((e) => [e.id, e.name]));
  const lines = [
    `### Real articles by other outlets (${set.articles.length}, read from outside the repository)`,
    '',
    'Leave one article out: each article scored at the threshold chosen on the other articles (highest recall at',
    `${Math.round(TARGET_PRECISION * 100)} % precision, else best F1); the shipped threshold ${threshold} for comparison; entities.`,
    '',
    row(['language', 'claims, leave one article out', 'claims at the shipped threshold', 'entities']),
    row(['---', '---', '---', '---']),
  ];
  const curves: Curve[] = [];
  const shipped = GRID.findIndex((t) => t >= threshold - 1e-9);
  for (const lang of ['de', 'en'] as Lang[]) {
    const idx = set.articles.flatMap((a, i) => (a.lang === lang ? [i] : []));
    const out = idx.map((i) => loao.tallies[i]!).reduce(add, emptyTally());
    const at = pooled(idx.map((i) => sweeps[i]!), shipped);
    const ents = idx
      .map((i) => scoreRealEntities(set, set.articles[i]!, matcher.matchEntities(set.articles[i]!.body), names))
      .reduce(add, emptyTally());
    lines.push(row([lang, pct(out), pct(at), pct(ents)]));
    curves.push({
      label: `real articles, ${lang === 'de' ? 'German' : 'English'} (${idx.length})`,
      color: lang === 'de' ? '#c62828' : '#1565c0',
      points: GRID.map((t, k) => {
        const p = pooled(idx.map((i) => sweeps[i]!), k);
        return { recall: recall(p), precision: precision(p), threshold: t };
      }),
      chosen: shipped,
    });
  }
  const all = pooled(sweeps, choose(sweeps));
  lines.push(
    '',
    `Thresholds chosen with one article left out: ${[...new Set(loao.thresholds)].sort().join(', ')}; on all ${set.articles.length} articles: ${GRID[choose(sweeps)]} (${pct(all)}).`,
    '',
  );
  // Calibration checked like the threshold: fitted on the other articles, read on the left-out one.
  // Every claim the low-threshold run found, so the table covers scores below the shipped threshold too.
  const judged = set.articles.map((a, i) => scoreReal(set, a, found[i]!, GRID[0]!).judged);
  const bins = [0.3, 0.5, 0.7, 0.85, 1.01].map(() => ({ predicted: 0, right: 0, count: 0 }));
  judged.forEach((list, i) => {
    const points = breakpoints(judged.filter((_, j) => j !== i).flat().map((j) => ({ coverage: j.found.coverage, right: j.right })));
    for (const j of list) {
      const p = calibrated(j.found.coverage, points);
      const bin = bins[[0.3, 0.5, 0.7, 0.85, 1.01].findIndex((edge) => p < edge)]!;
      bin.predicted += p;
      bin.right += j.right ? 1 : 0;
      bin.count++;
    }
  });
  lines.push(
    `Calibration, leave one article out (score fitted on the other articles): every claim found from coverage ${GRID[0]} on,`,
    'by score, mean score against share right:',
    '',
    row(['score', 'claims', 'mean score', 'share right']),
    row(['---', '---', '---', '---']),
    ...bins.flatMap((b, k) =>
      b.count
        ? [row([['< 0.3', '0.3–0.5', '0.5–0.7', '0.7–0.85', '≥ 0.85'][k]!, String(b.count), (b.predicted / b.count).toFixed(2), (b.right / b.count).toFixed(2)])]
        : [],
    ),
    '',
  );
  if (verbose) {
    set.articles.forEach((a, i) => {
      const s = scoreReal(set, a, found[i]!, threshold);
      lines.push(`- ${a.name}: ${pct(s.tally)} (left out, at ${loao.thresholds[i]}: ${pct(loao.tallies[i]!)})`);
      for (const m of s.missed) lines.push(`  - missed [${m.id}] ${a.body.slice(m.span[0], m.span[1]).slice(0, 110)}`);
      for (const w of s.wrong) {
        const points = [...w.found.gold].sort().join(', ') || 'no gold claim';
        const near = w.near.length ? `gold there: ${w.near.join(', ')}` : 'no labelled claim there';
        lines.push(`  - wrong ${w.found.claim} ${w.found.coverage.toFixed(3)} (points at ${points}; ${near}) ${a.body.slice(w.found.span[0], w.found.span[1]).slice(0, 110)}`);
      }
    });
    lines.push('');
  }
  return { lines, curves, judged: judged.flat().map((j) => ({ coverage: j.found.coverage, right: j.right })) };
}

/** Own-set curves: the corpus left out article by article, and our own articles (dev and test halves together). */
function ownCurves(kb: KnowledgeBase, own: EvalArticle[], threshold: number): Curve[] {
  const matcher = buildMatcher(kb, { threshold: GRID[0] });
  const shipped = GRID.findIndex((t) => t >= threshold - 1e-9);
  const curve = (label: string, color: string, sweeps: Sweep[]): Curve => ({
    label,
    color,
    dashed: true,
    chosen: shipped,
    points: GRID.map((t, k) => {
      const p = pooled(sweeps, k);
      return { recall: recall(p), precision: precision(p), threshold: t };
    }),
  });
  return [
    curve(`our own articles (${own.length})`, '#6a1b9a', own.map((a) => sweepArticle(kb, a, matcher, GRID))),
    curve(`corpus, leave one out (${kb.sources.length})`, '#757575', sweepLeaveOneOut(kb, GRID)),
  ];
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--threshold');
  const threshold = at >= 0 ? Number(args[at + 1]) : DEFAULT_THRESHOLD;
  const verbose = args.includes('--verbose');
  const { kb, problems } = buildKb(join(root, 'shared/kb'));
  if (problems.length) console.error(`warning: the KB build reported ${problems.length} problem(s); run npm run build-kb`);
  if (args.includes('--sweep')) return sweep(kb);
  const stories = args.indexOf('--stories');
  if (stories >= 0) {
    // Linking of pages read, on real multi-outlet stories kept outside the repository (scripts/eval/stories.ts).
    const fit = args.indexOf('--fit');
    const fitted = new Set(fit >= 0 ? (args[fit + 1] ?? '').split(',').filter(Boolean) : []);
    const fresh = args.indexOf('--new');
    const added = new Set(fresh >= 0 ? (args[fresh + 1] ?? '').split(',').filter(Boolean) : []);
    return console.log(runStories(kb, args[stories + 1] ?? '', fitted, args.includes('--verbose'), added));
  }
  const english = readJson<EvalArticle[]>('scripts/eval/data/english.json');
  const german = readJson<EvalArticle[]>('scripts/eval/data/german.json');
  const distractors = readJson<Distractor[]>('scripts/eval/data/distractors.json');
  const fresh = readJson<EvalArticle[]>('scripts/eval/data/fresh.json');
  const set = loadRealSet(REALTEXT, seedTexts(kb));
  const real = set
    ? realSection(kb, set, threshold, verbose)
    : {
        lines: ['### Real articles by other outlets', '', `Skipped: no labelled real articles at ${REALTEXT} (set REALTEXT to their folder).`, ''],
        curves: [],
        judged: [],
      };
  if (args.includes('--real')) return console.log(real.lines.join('\n'));
  if (args.includes('--calibrate')) {
    const matcher = buildMatcher(kb, { threshold: GRID[0] });
    const own = [...english, ...german, ...fresh].flatMap((a) => judgeArticle(kb, a, matcher));
    console.log(JSON.stringify(breakpoints([...real.judged, ...own])));
    return;
  }
  const d = scoreDistractors(kb, distractors, { threshold });
  const out = [
    `Claim threshold ${threshold}; KB ${kb.version}: ${kb.claims.length} claims, ${kb.entities.length} entities, ${kb.concepts.length} concepts.`,
    '',
    ...real.lines,
    ...looTable('Leave one article out (German): claims defined without article k, found in article k', leaveOneOut(kb, { threshold })),
    ...looTable('Stricter: leave one out, without the canonical statements (only the other articles\' passages)',
      leaveOneOut(kb, { threshold, statements: false })),
    ...articleTable('Our own English articles (other outlets\' wording, English names)', english, threshold, kb),
    ...articleTable('Our own German articles (other outlets\' wording)', german, threshold, kb),
    // Written after the matcher was settled: all of them test.
    ...articleTable('Fresh checks, written and labelled after the matcher was settled', fresh, threshold, kb, () => 'test'),
    `### Distractors: ${d.total} sentences on the same topic stating no known claim`,
    '',
    `Claims wrongly found in ${percent(d.falsePositives.length, d.total)} of them; entities: recall ${percent(d.entities.goldFound, d.entities.gold)}, precision ${percent(d.entities.foundRight, d.entities.found)}.`,
    ...(verbose ? d.falsePositives.map((f) => `- ${f.text} → ${f.claims.join(', ')}`) : []),
  ];
  console.log(out.join('\n'));
  const curves = [...real.curves, ...ownCurves(kb, [...english, ...german, ...fresh], threshold)];
  mkdirSync(join(root, 'docs/eval'), { recursive: true });
  writeFileSync(join(root, 'docs/eval/precision-recall.svg'), prChart('Claims: precision against recall over the threshold (dot: shipped threshold)', curves));
  console.log('\nWrote docs/eval/precision-recall.svg.');
}

function sweep(kb: ReturnType<typeof buildKb>['kb']): void {
  const english = readJson<EvalArticle[]>('scripts/eval/data/english.json');
  const dev = english.slice(0, Math.ceil(english.length / 2));
  for (let t = 0.3; t <= 0.801; t += 0.05) {
    const loo = [...leaveOneOut(kb, { threshold: t }).values()].reduce(add, emptyTally());
    const en = dev.map((a) => scoreArticle(kb, a, { threshold: t }).claims).reduce(add, emptyTally());
    console.log(`t=${t.toFixed(2)}  LOO R ${(100 * recall(loo)).toFixed(1)} P ${(100 * precision(loo)).toFixed(1)}   EN-dev R ${(100 * recall(en)).toFixed(1)} P ${(100 * precision(en)).toFixed(1)}`);
  }
}

main();
