/**
 * How well the candidates of a page to link are chosen, in Node on an index held in memory (no browser, no
 * timing): N synthetic articles read (learned-corpus.ts, the same as the in-browser bench), then new articles of
 * recent stories as probes. For each probe, the articles of its own story read within the story's days are the
 * ones it should be linked with; counted is how many of them are among the candidates read, how many candidates
 * are of another story, and how many index entries the lookup read. The rule linking uses
 * (extension/background/learned-index.ts) is set beside the one before it (every term's entries up to 401, a term
 * with more only checked against the 400 pages sharing most, the 40 sharing most, no date window).
 *
 * With `--stories DIR` (the real stories of `npm run eval -- --stories`), the real stories are read before the
 * synthetic news, and for each of their articles as the page, the others as read: how many are among its candidates.
 *
 *   node --import tsx scripts/bench/learned-select.ts [--articles 10000] [--probes 200] [--stories DIR]
 */
import { extractStatements } from '../../shared/learn/index.ts';
import { siteOf, termsOf, withinStory } from '../../extension/background/learned.ts';
import { memoryIndex, selectCandidates } from '../../extension/background/learned-index.ts';
import { loadStories } from '../eval/stories.ts';
import { SyntheticNews } from './learned-corpus.ts';

const MAX = 40;
const MIN = 2;

interface Read {
  url: string;
  site: string;
  date: string;
  story: string;
  terms: string[];
}

/** The rule before: each term's entries up to 401; more, and it only counts for the 400 pages sharing most. */
function before(byTerm: Map<string, string[]>, pageTerms: Map<string, Set<string>>, terms: string[], self: string): { ranked: string[]; entries: number } {
  let entries = 0;
  const shared = new Map<string, number>();
  const common: string[] = [];
  for (const t of [...new Set(terms)].sort()) {
    const list = (byTerm.get(t) ?? []).slice(0, 401);
    entries += list.length;
    if (list.length > 400) common.push(t);
    else for (const u of list) shared.set(u, (shared.get(u) ?? 0) + 1);
  }
  const checked = [...shared].sort((a, b) => b[1] - a[1]).slice(0, 400).map(([u]) => u);
  for (const u of checked) for (const t of common) if (pageTerms.get(u)!.has(t)) shared.set(u, shared.get(u)! + 1);
  entries += checked.length * common.length;
  const ranked = [...shared].filter(([u, n]) => n >= MIN && u !== self).sort((a, b) => b[1] - a[1]).map(([u]) => u);
  return { ranked, entries };
}

/** The first `max` of `ranked` on another site; with `window`, only those dated within the story's days. */
function chosen(ranked: string[], byUrl: Map<string, Read>, page: Read, window: boolean, max = MAX): string[] {
  return ranked.filter((u) => byUrl.get(u)!.site !== page.site && (!window || withinStory(page.date, byUrl.get(u)!.date))).slice(0, max);
}

interface Tally {
  probes: number;
  own: number;
  found: number;
  other: number;
  entries: number;
}

const empty = (): Tally => ({ probes: 0, own: 0, found: 0, other: 0, entries: 0 });

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const articles = Number(flag('--articles') ?? 10_000);
  const probes = Number(flag('--probes') ?? 200);
  const storiesDir = flag('--stories');
  const news = new SyntheticNews();
  const reads: Read[] = [];
  const toRead = (url: string, date: string, story: string, text: string, lang: 'de' | 'en'): Read => ({
    url,
    site: siteOf(url),
    date,
    story,
    terms: termsOf(extractStatements(text, lang).names),
  });
  for (let i = 0; i < articles; i++) {
    const a = news.article(i);
    reads.push(toRead(a.url, a.date, `s${a.story}`, a.text, a.lang));
  }
  const probeReads: Read[] = [];
  for (let k = 0; k < probes; k++) {
    const a = news.sequel(articles + k);
    probeReads.push(toRead(a.url, a.date, `s${a.story}`, a.text, a.lang));
  }
  const real = storiesDir
    ? loadStories(storiesDir).map((s) => s.articles.map((a) => toRead(a.url || `https://${s.id}.example/${a.file}`, '', s.id, a.text, a.lang)))
    : [];
  // The real stories read first: the synthetic news is what was read last, as the probes expect.
  const all = [...real.flat(), ...reads];
  const byUrl = new Map(all.map((r) => [r.url, r]));
  const byTerm = new Map<string, string[]>();
  for (const r of all) for (const t of r.terms) (byTerm.get(t) ?? byTerm.set(t, []).get(t)!).push(r.url);
  for (const list of byTerm.values()) list.sort();
  const pageTerms = new Map(all.map((r) => [r.url, new Set(r.terms)]));

  const fresh = () => ({ before: empty(), now: empty(), 'now, 20 read': empty(), 'now, 10 read': empty() });
  let tallies = fresh();
  const count = async (page: Read, own: Set<string>) => {
    const old = before(byTerm, pageTerms, page.terms, page.url);
    const index = memoryIndex(new Map(all.filter((r) => r.url !== page.url).map((r) => [r.url, r.terms])));
    const ranked = (await selectCandidates(index, page.terms, page.url, { min: MIN })).map((c) => c.url);
    const results = {
      before: { picked: chosen(old.ranked, byUrl, page, false), entries: old.entries },
      now: { picked: chosen(ranked, byUrl, page, true), entries: index.reads.entries },
      'now, 20 read': { picked: chosen(ranked, byUrl, page, true, 20), entries: index.reads.entries },
      'now, 10 read': { picked: chosen(ranked, byUrl, page, true, 10), entries: index.reads.entries },
    };
    for (const which of Object.keys(results) as (keyof typeof results)[]) {
      const t = tallies[which];
      const { picked, entries } = results[which];
      t.probes++;
      t.own += own.size;
      t.found += picked.filter((u) => own.has(u)).length;
      t.other += picked.filter((u) => !own.has(u)).length;
      t.entries += entries;
    }
    return results;
  };

  for (const page of probeReads) {
    const own = new Set(reads.filter((r) => r.story === page.story && r.site !== page.site && withinStory(page.date, r.date)).map((r) => r.url));
    await count(page, own);
  }
  const line = (t: Tally) =>
    `${t.found} of ${t.own} own-story articles among the candidates (${((100 * t.found) / Math.max(1, t.own)).toFixed(1)} %), ` +
    `${(t.other / t.probes).toFixed(1)} candidates of other stories per probe, ${Math.round(t.entries / t.probes).toLocaleString('en')} index entries read per probe`;
  const print = () => {
    for (const [which, t] of Object.entries(tallies)) console.log(`  ${`${which}:`.padEnd(14)} ${line(t)}`);
  };
  console.log(`${articles.toLocaleString('en')} synthetic articles read, ${probes} probes (at most ${MAX} candidates read unless said)`);
  print();

  if (real.length > 0) {
    tallies = fresh();
    for (const story of real) {
      for (const page of story) {
        const own = new Set(story.filter((r) => r !== page && r.site !== page.site).map((r) => r.url));
        await count(page, own);
      }
    }
    console.log(`Real stories among them (${real.map((s) => s.length).join(' + ')} articles), each article as the page and the others read:`);
    print();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
