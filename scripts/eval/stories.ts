/**
 * `npm run eval -- --stories DIR [--fit a,b] [--verbose]`: how well pages read are linked, on real stories that
 * several outlets reported. DIR holds one folder per story (one .txt per article: `url:`, `lang:`, `title:`, a
 * blank line, the text) and `labels-<story>.json` (the statements the articles share, with their exact passages
 * per file). Each ordered pair of articles of a story is one trial: the first is read, the second annotated.
 * - recall: of the statements the two share, the share linked (a learned claim found in a sentence of the second
 *   that states it, with an occurrence in a passage of the first that states it);
 * - precision: of the links made, the share between passages of one shared statement.
 * Reported apart for pairs in one language and across German and English, and for fitted and reported stories.
 * The stories are real articles by other publishers and are not in the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase, Lang } from '../../shared/kb/types.ts';
import { isLearnedClaim, linkPage, Reading, type LinkOptions, type ReadingOptions } from '../../shared/learn/index.ts';
import { add, emptyTally, percent, type Tally } from './metrics.ts';

export interface StoryArticle {
  file: string;
  url: string;
  lang: Lang;
  title: string;
  text: string;
}

/** A statement the articles of a story share: per file, the passages that state it (verbatim). */
export interface SharedStatement {
  id: string;
  quotes: Record<string, string[]>;
}

export interface Story {
  id: string;
  articles: StoryArticle[];
  statements: SharedStatement[];
}

/** One trial's counts, and what went wrong, for --verbose. */
export interface PairResult {
  story: string;
  read: string;
  page: string;
  cross: boolean;
  tally: Tally;
  missed: string[];
  wrong: string[];
}

interface Span {
  start: number;
  end: number;
}

/** Parses one article file; throws with the file name when the header is not there. */
export function parseArticle(raw: string, file: string): StoryArticle {
  const blank = raw.indexOf('\n\n');
  if (blank < 0) throw new Error(`${file}: no blank line after the url:/lang:/title: header`);
  const header = new Map(
    raw.slice(0, blank).split('\n').map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as [string, string];
    }),
  );
  const lang = header.get('lang');
  if (lang !== 'de' && lang !== 'en') throw new Error(`${file}: lang: must be de or en`);
  return { file, url: header.get('url') ?? '', lang, title: header.get('title') ?? '', text: raw.slice(blank + 2) };
}

/** Reads every labelled story of `dir`; a quote not found verbatim in its file is an error naming both. */
export function loadStories(dir: string): Story[] {
  const labels = readdirSync(dir).filter((f) => /^labels-.+\.json$/.test(f)).sort();
  if (labels.length === 0) throw new Error(`${dir}: no labels-<story>.json files`);
  return labels.map((name) => {
    const data = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { story: string; statements: SharedStatement[] };
    const folder = join(dir, data.story);
    const articles = readdirSync(folder)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => parseArticle(readFileSync(join(folder, f), 'utf8'), f));
    for (const s of data.statements) {
      for (const [file, quotes] of Object.entries(s.quotes)) {
        const article = articles.find((a) => a.file === file);
        if (!article) throw new Error(`${name}: ${s.id} names ${file}, which is not in ${data.story}/`);
        for (const q of quotes) if (!article.text.includes(q)) throw new Error(`${name}: ${s.id}: not in ${file}: ${q}`);
      }
    }
    return { id: data.story, articles, statements: data.statements };
  });
}

function spansOf(text: string, quotes: readonly string[] | undefined): Span[] {
  const out: Span[] = [];
  for (const q of quotes ?? []) {
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) out.push({ start: at, end: at + q.length });
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Reads `read`, annotates `page`, and scores the learned links against the shared statements. */
export function evaluatePair(
  kb: KnowledgeBase,
  story: Story,
  read: StoryArticle,
  page: StoryArticle,
  options: EvalOptions = {},
): PairResult {
  const reading = new Reading(kb, options.reading);
  reading.read({ address: read.file, title: read.title, text: read.text, lang: read.lang });
  const { kb: known, result } = linkPage(reading, { address: page.file, title: page.title, text: page.text, lang: page.lang }, options.link);
  const claims = new Map(known.claims.map((c) => [c.id, c]));
  const shared = story.statements
    .map((s) => ({ id: s.id, inRead: spansOf(read.text, s.quotes[read.file]), inPage: spansOf(page.text, s.quotes[page.file]) }))
    .filter((s) => s.inRead.length > 0 && s.inPage.length > 0);
  const links = result.claims.flatMap((m) => {
    if (!isLearnedClaim(m.claim)) return [];
    const occurrences = claims.get(m.claim)!.occurrences.filter((o) => o.source === read.file).map((o) => o.selector[1]);
    return [{ at: { start: m.start, end: m.end }, occurrences }];
  });
  const states = (s: (typeof shared)[number], link: (typeof links)[number]) =>
    s.inPage.some((p) => overlaps(p, link.at)) && link.occurrences.some((o) => s.inRead.some((r) => overlaps(r, o)));
  const linked = shared.filter((s) => links.some((l) => states(s, l)));
  const right = links.filter((l) => shared.some((s) => states(s, l)));
  const tally: Tally = { gold: shared.length, goldFound: linked.length, found: links.length, foundRight: right.length };
  const excerpt = (text: string, span: Span) => text.slice(span.start, span.end).replace(/\s+/g, ' ').slice(0, 140);
  return {
    story: story.id,
    read: read.file,
    page: page.file,
    cross: read.lang !== page.lang,
    tally,
    missed: shared.filter((s) => !linked.includes(s)).map((s) => s.id),
    wrong: links
      .filter((l) => !right.includes(l))
      .map((l) => `${excerpt(page.text, l.at)}  ⇐  ${l.occurrences.map((o) => excerpt(read.text, o)).join(' | ')}`),
  };
}

/** Settings to evaluate with (the defaults unless tuning). */
export interface EvalOptions {
  reading?: ReadingOptions;
  link?: LinkOptions;
}

/** Every ordered pair of articles of every story. */
export function evaluateStories(kb: KnowledgeBase, stories: readonly Story[], options: EvalOptions = {}): PairResult[] {
  return stories.flatMap((story) =>
    story.articles.flatMap((read) => story.articles.filter((p) => p !== read).map((page) => evaluatePair(kb, story, read, page, options))),
  );
}

/**
 * The figures as a Markdown table: same language and across, for fitted and reported stories; with `fresh`, the
 * stories added after the linking was last tuned (measured only, never looked at while tuning) apart from the
 * other reported ones.
 */
export function storiesTable(results: readonly PairResult[], fit: ReadonlySet<string>, fresh: ReadonlySet<string> = new Set()): string[] {
  const lines = ['| stories | pairs | shared statements linked (recall) | links right (precision) |', '| --- | --- | --- | --- |'];
  const groups: [string, (r: PairResult) => boolean][] = [];
  for (const [name, inSplit] of [
    ['fitted', (r: PairResult) => fit.has(r.story)],
    ['reported', (r: PairResult) => !fit.has(r.story) && !fresh.has(r.story)],
    ['new, measured only', (r: PairResult) => fresh.has(r.story)],
    ...(fresh.size > 0 ? [['all measured only', (r: PairResult) => !fit.has(r.story)] as const] : []),
  ] as const) {
    groups.push([`${name}, same language`, (r) => inSplit(r) && !r.cross]);
    groups.push([`${name}, German ↔ English`, (r) => inSplit(r) && r.cross]);
    groups.push([`${name}, all`, (r) => inSplit(r)]);
  }
  for (const [name, test] of groups) {
    const chosen = results.filter(test);
    if (chosen.length === 0) continue;
    const t = chosen.map((r) => r.tally).reduce((a, b) => add(a, b), emptyTally());
    lines.push(`| ${name} | ${chosen.length} | ${percent(t.goldFound, t.gold)} | ${percent(t.foundRight, t.found)} |`);
  }
  return lines;
}

/** The --stories run: prints the table (and with verbose, every miss and wrong link). */
export function runStories(kb: KnowledgeBase, dir: string, fit: ReadonlySet<string>, verbose: boolean, fresh: ReadonlySet<string> = new Set()): string {
  if (!existsSync(dir)) return `No story set at ${dir}: it is kept outside the repository (see README, "Learning from pages read").`;
  const stories = loadStories(dir);
  const results = evaluateStories(kb, stories);
  const head = stories.map(
    (s) => `${s.id} (${s.articles.length} articles, ${s.statements.length} shared statements${fit.has(s.id) ? ', fitted' : fresh.has(s.id) ? ', new' : ''})`,
  );
  const out = [`Stories: ${head.join('; ')}`, '', ...storiesTable(results, fit, fresh), ''];
  if (verbose) {
    for (const r of results) {
      if (r.missed.length === 0 && r.wrong.length === 0) continue;
      out.push(`${r.story}: read ${r.read} → ${r.page}: missed ${r.missed.join(', ') || '-'}`);
      for (const w of r.wrong) out.push(`    wrong: ${w}`);
    }
  }
  return out.join('\n');
}
