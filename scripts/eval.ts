/**
 * `npm run eval [-- --threshold 0.5] [--sweep] [--stories DIR [--fit a,b] [--verbose]]`: the matcher's honest
 * quality figures on held-out text; with --stories, how well pages read are linked (see scripts/eval/stories.ts).
 * Our own articles are split once: the first half of each file is for development (looked at while improving the
 * matcher), the second half only ever reported. See scripts/eval/heldout.ts for what each check measures.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildKb } from './kb/build.ts';
import { DEFAULT_THRESHOLD } from '../shared/match/index.ts';
import { leaveOneOut, scoreArticle, scoreDistractors, type Distractor, type EvalArticle } from './eval/heldout.ts';
import { add, emptyTally, percent, precision, recall, type Tally } from './eval/metrics.ts';
import { runStories } from './eval/stories.ts';

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

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--threshold');
  const threshold = at >= 0 ? Number(args[at + 1]) : DEFAULT_THRESHOLD;
  const { kb, problems } = buildKb(join(root, 'shared/kb'));
  if (problems.length) console.error(`warning: the KB build reported ${problems.length} problem(s); run npm run build-kb`);
  if (args.includes('--sweep')) return sweep(kb);
  const stories = args.indexOf('--stories');
  if (stories >= 0) {
    // Linking of pages read, on real multi-outlet stories kept outside the repository (scripts/eval/stories.ts).
    const fit = args.indexOf('--fit');
    const fitted = new Set(fit >= 0 ? (args[fit + 1] ?? '').split(',').filter(Boolean) : []);
    return console.log(runStories(kb, args[stories + 1] ?? '', fitted, args.includes('--verbose')));
  }
  const english = readJson<EvalArticle[]>('scripts/eval/data/english.json');
  const german = readJson<EvalArticle[]>('scripts/eval/data/german.json');
  const distractors = readJson<Distractor[]>('scripts/eval/data/distractors.json');
  const fresh = readJson<EvalArticle[]>('scripts/eval/data/fresh.json');
  const d = scoreDistractors(kb, distractors, { threshold });
  const out = [
    `Claim threshold ${threshold}; KB ${kb.version}: ${kb.claims.length} claims, ${kb.entities.length} entities, ${kb.concepts.length} concepts.`,
    '',
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
    ...(args.includes('--verbose') ? d.falsePositives.map((f) => `- ${f.text} → ${f.claims.join(', ')}`) : []),
  ];
  console.log(out.join('\n'));
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
