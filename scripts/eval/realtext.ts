/**
 * Real articles by other outlets, labelled by hand, read from a folder outside the repository (`realtext/`: its
 * `articles/`, `gold.json` and `score.py`). Nothing of it is copied here: this module only reads the folder when it
 * is present and scores the matcher on it with the rules of its `score.py`:
 * - a gold claim passage is found when a reported claim overlaps it (15 characters, or half the shorter span) and
 *   that claim's occurrences point at a seed passage of the same gold claim or a related one;
 * - a reported claim is right when it overlaps a gold passage in that way;
 * - an entity mention is found when an entity whose name or id matches the gold key overlaps it; a title read as the
 *   person it names, around a labelled country mention, counts neither way.
 * The matcher runs in-process, once per article at a low threshold, so that any higher threshold can be applied
 * afterwards (a claim's score does not depend on the threshold it was found at: see ClaimIndex.select).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase, Lang } from '../../shared/kb/types.ts';
import type { Matcher } from '../../shared/match/index.ts';
import { detectLang } from '../cli/lang.ts';
import { emptyTally, type Tally } from './metrics.ts';

interface GoldClaim {
  id: string;
  seed_passages: { file: string; quote: string }[];
}

interface GoldFile {
  lang: Lang;
  claims: { id: string; quote: string; nth?: number }[];
  entities: { key: string; text: string; nth: number }[];
}

interface Gold {
  claims: GoldClaim[];
  related: string[][];
  files: Record<string, GoldFile>;
}

type Span = readonly [number, number];

/** One labelled real article. */
export interface RealArticle {
  name: string;
  lang: Lang;
  body: string;
  claims: { id: string; span: Span }[];
  entities: { key: string; span: Span }[];
}

/** A claim the matcher reported in a real article, with the gold claims its occurrences point at. */
export interface RealFound {
  claim: string;
  span: Span;
  score: number;
  coverage: number;
  gold: ReadonlySet<string>;
}

/** The labelled set, loaded. */
export interface RealSet {
  articles: RealArticle[];
  /** Gold entity key → pattern the reported entity's name or id must match. */
  keys: Record<string, RegExp>;
  related: string[][];
  seedSpans: Map<string, { span: Span; id: string }[]>;
}

/**
 * Gold entity keys → what the name (or id) of the entity reported for that mention must match. Read from the
 * set's own scorer (its KEY_RX table of Python raw-string patterns, which are valid JavaScript patterns too), so the
 * two always judge alike and nothing of it is kept here.
 */
export function keyPatterns(scorer: string): Record<string, RegExp> {
  const start = scorer.indexOf('KEY_RX = {');
  const end = scorer.indexOf('}', start);
  if (start < 0 || end < 0) throw new Error('realtext: no KEY_RX table in score.py');
  const out: Record<string, RegExp> = {};
  for (const m of scorer.slice(start, end).matchAll(/'(\w+)':\s*r'([^']*)'/g)) out[m[1]!] = new RegExp(m[2]!);
  if (Object.keys(out).length === 0) throw new Error('realtext: empty KEY_RX table in score.py');
  return out;
}

/** The overlap rule: at least 15 characters in common, or half of the shorter span. */
export function overlap(a: Span, b: Span): boolean {
  const inter = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  return inter > 0 && inter >= Math.min(15, 0.5 * Math.min(a[1] - a[0], b[1] - b[0]));
}

function nthSpan(body: string, text: string, nth: number): Span {
  let pos = -1;
  for (let k = 0; k <= nth; k++) {
    pos = body.indexOf(text, pos + 1);
    if (pos < 0) throw new Error(`realtext: "${text.slice(0, 40)}" (occurrence ${nth}) not found in its article`);
  }
  return [pos, pos + text.length];
}

/** Loads the labelled set from `dir`, or undefined when the folder is not there. */
export function loadRealSet(dir: string, seeds: ReadonlyMap<string, string>): RealSet | undefined {
  if (!existsSync(join(dir, 'gold.json'))) return undefined;
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as Gold;
  const seedSpans = new Map<string, { span: Span; id: string }[]>();
  for (const c of gold.claims) {
    for (const p of c.seed_passages) {
      const text = seeds.get(p.file);
      const i = text?.indexOf(p.quote) ?? -1;
      if (!text || i < 0) throw new Error(`realtext: seed passage of ${c.id} not found in ${p.file}`);
      const list = seedSpans.get(p.file) ?? [];
      list.push({ span: [i, i + p.quote.length], id: c.id });
      seedSpans.set(p.file, list);
    }
  }
  const names = new Set(readdirSync(join(dir, 'articles')));
  const articles: RealArticle[] = Object.entries(gold.files)
    .filter(([name]) => names.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, g]) => {
      const raw = readFileSync(join(dir, 'articles', name), 'utf8');
      const cut = raw.indexOf('\n\n');
      const body = cut >= 0 ? raw.slice(cut + 2) : raw;
      return {
        name,
        lang: g.lang,
        body,
        claims: g.claims.map((c) => ({ id: c.id, span: nthSpan(body, c.quote, c.nth ?? 0) })),
        entities: g.entities.map((m) => ({ key: m.key, span: nthSpan(body, m.text, m.nth) })),
      };
    });
  const keys = keyPatterns(readFileSync(join(dir, 'score.py'), 'utf8'));
  return { articles, keys, related: gold.related, seedSpans };
}

/** The seed texts by file name, as the gold's seed passages name them. */
export function seedTexts(kb: Pick<KnowledgeBase, 'sources'>): Map<string, string> {
  return new Map(kb.sources.map((s) => [`${s.id}.txt`, s.text]));
}

/** Gold claims each KB claim points at through its occurrences (quotes located anywhere in the seed texts). */
export function goldOfClaims(kb: Pick<KnowledgeBase, 'sources' | 'claims'>, set: RealSet): Map<string, Set<string>> {
  const seeds = seedTexts(kb);
  const out = new Map<string, Set<string>>();
  for (const claim of kb.claims) {
    const ids = new Set<string>();
    for (const o of claim.occurrences) {
      const source = kb.sources.find((s) => s.id === o.source);
      if (!source) continue;
      const quote = source.text.slice(o.selector[1].start, o.selector[1].end);
      if (!quote) continue;
      for (const [file, text] of seeds) {
        for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
          for (const s of set.seedSpans.get(file) ?? []) if (overlap(s.span, [i, i + quote.length])) ids.add(s.id);
        }
      }
    }
    out.set(claim.id, ids);
  }
  return out;
}

/** Runs the matcher over every article (built with a low threshold, so any higher one can be applied after). */
export function runReal(matcher: Matcher, set: RealSet, goldOf: ReadonlyMap<string, ReadonlySet<string>>): RealFound[][] {
  return set.articles.map((a) =>
    matcher.match(a.body).claims.map((m) => ({
      claim: m.claim,
      span: [m.start, m.end] as Span,
      score: m.score,
      coverage: m.coverage ?? m.score,
      gold: goldOf.get(m.claim) ?? new Set<string>(),
    })),
  );
}

/** One judged article: counts, and the misses and wrong claims for --verbose. */
export interface RealScore {
  tally: Tally;
  missed: { id: string; span: Span }[];
  wrong: { found: RealFound; near: string[] }[];
  /** For each reported claim, whether it was right. */
  judged: { found: RealFound; right: boolean }[];
}

/** Scores one article's reported claims at or above `threshold` (on the raw coverage). */
export function scoreReal(set: RealSet, article: RealArticle, found: readonly RealFound[], threshold: number): RealScore {
  const related = (x: string, y: string) => x === y || set.related.some((g) => g.includes(x) && g.includes(y));
  const kept = found.filter((f) => f.coverage >= threshold);
  const tally = emptyTally();
  const missed: RealScore['missed'] = [];
  const wrong: RealScore['wrong'] = [];
  const judged: RealScore['judged'] = [];
  for (const g of article.claims) {
    tally.gold++;
    const hit = kept.some((f) => overlap(g.span, f.span) && [...f.gold].some((x) => related(g.id, x)));
    if (hit) tally.goldFound++;
    else missed.push(g);
  }
  for (const f of kept) {
    tally.found++;
    const right = article.claims.some((g) => overlap(f.span, g.span) && [...f.gold].some((x) => related(g.id, x)));
    judged.push({ found: f, right });
    if (right) tally.foundRight++;
    else wrong.push({ found: f, near: [...new Set(article.claims.filter((g) => overlap(f.span, g.span)).map((g) => g.id))].sort() });
  }
  return { tally, missed, wrong, judged };
}

/** Entities on one article, by score.py's rules; `names` gives an entity's name in the article's language. */
export function scoreRealEntities(
  set: RealSet,
  article: RealArticle,
  entities: readonly { entity: string; start: number; end: number }[],
  names: ReadonlyMap<string, Record<Lang, string>>,
): Tally {
  const lang = detectLang(article.body);
  const label = (id: string) => `${names.get(id)?.[lang] ?? ''} ${id}`.toLowerCase();
  const matches = (id: string, key: string) => set.keys[key]?.test(label(id)) ?? false;
  let golds = article.entities.map((g) => ({ span: g.span, key: g.key }));
  const spanOf = (e: { start: number; end: number }): Span => [e.start, e.end];
  const titles = entities.filter(
    (e) =>
      golds.some(
        (g) => e.start <= g.span[0] && g.span[1] <= e.end && e.end - e.start > g.span[1] - g.span[0] && !matches(e.entity, g.key),
      ) && !golds.some((g) => overlap(spanOf(e), g.span) && matches(e.entity, g.key)),
  );
  const inside = new Set(golds.flatMap((g, i) => (titles.some((e) => e.start <= g.span[0] && g.span[1] <= e.end) ? [i] : [])));
  const kept = entities.filter((e) => !titles.includes(e));
  golds = golds.filter((_, i) => !inside.has(i));
  const hits = golds.map((g) => kept.some((e) => overlap(g.span, spanOf(e)) && matches(e.entity, g.key)));
  const tally = emptyTally();
  golds.forEach((g, i) => {
    tally.gold++;
    const within = golds.some(
      (h, j) => hits[j] && h.span[0] <= g.span[0] && g.span[1] <= h.span[1] && (h.span[0] !== g.span[0] || h.span[1] !== g.span[1]),
    );
    if (hits[i] || within) tally.goldFound++;
  });
  for (const e of kept) {
    if (!Object.keys(set.keys).some((k) => matches(e.entity, k))) continue;
    tally.found++;
    if (golds.some((g) => overlap(spanOf(e), g.span) && matches(e.entity, g.key))) tally.foundRight++;
  }
  return tally;
}
