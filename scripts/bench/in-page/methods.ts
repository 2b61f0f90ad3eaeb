/**
 * Bundled into the bench pages of the plain browser (no extension): runs one highlighting method after the page's
 * load event and leaves its timings in window.__result. The method, the terms and any time cap come from the
 * page's query string and from /terms.json and /kb.json on the bench server.
 *
 * Crossread runs here as the same modules the content script bundles (extract, match, render); the baselines
 * highlight the very terms Crossread found on the page. Times are ms on the page's clock.
 */
import MarkJs from 'mark.js';
import AdvancedMark from 'advanced-mark.js';
import { buildMatcher, type MatcherKb } from '../../../shared/match/index.ts';
import { extractText } from '../../../extension/content/extract/walk.ts';
import { matchText } from '../../../extension/content/match/run.ts';
import { findingsFor } from '../../../extension/content/render/ranges.ts';
import { HighlightPainter } from '../../../extension/content/render/highlight-painter.ts';

/** What one run reports. */
export interface MethodResult {
  method: string;
  /** From the method's start until its highlights are in place (wall time, yields included). */
  scriptMs: number;
  /** From the load event's start until the first frame after the highlights were drawn. */
  waitMs: number;
  /** Entity (or term) highlights drawn. */
  highlights: number;
  /** Claim highlights drawn (Crossread only). */
  claims: number;
  /** Crossread's stages. */
  split?: { index: number; extract: number; match: number; draw: number };
  /** Share of the page done before the time cap stopped the method; times are extrapolated when below 1. */
  done: number;
  start: number;
  end: number;
}

type Run = () => Promise<Omit<MethodResult, 'method' | 'waitMs' | 'start' | 'end'>>;

const params = new URLSearchParams(location.search);
const capMs = Number(params.get('cap') ?? 'Infinity');
const terms = fetch('/terms.json').then((r) => r.json() as Promise<string[]>);
const kb = params.get('method') === 'crossread' ? fetch('/kb.json').then((r) => r.json() as Promise<MatcherKb>) : null;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Case-sensitive whole-word pattern: letters and digits may not touch the term on either side. */
const wordPattern = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'gu');
/** Punctuation that may end a word, for the mark.js libraries' "exactly" accuracy. */
const LIMITERS = ',.;:!?"\'()[]„“”‘’«»-–—/…'.split('');

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (/^(SCRIPT|STYLE)$/.test(n.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

function highlightRegistry(): Highlight {
  const highlight = new Highlight();
  CSS.highlights.set('bench', highlight);
  const style = document.createElement('style');
  style.textContent = '::highlight(bench){background:rgba(250,190,40,.3)}';
  document.head.append(style);
  return highlight;
}

/** The elements a capped library run works through in turns, checking the clock between turns. */
function units(): Element[] {
  const articles = [...document.querySelectorAll('main > article')];
  return articles.length > 0 ? articles : [...document.querySelectorAll('main li')];
}

/** Runs a mark.js-style library over the page, in one call, or in 20 turns when a time cap is set. */
async function runMarkLibrary(create: (ctx: Element | Element[]) => { mark(t: string[], o: object): void }, options: object) {
  const list = await terms;
  let highlights = 0;
  const opts = { ...options, separateWordSearch: false, diacritics: false, caseSensitive: true, accuracy: { value: 'exactly', limiters: LIMITERS } };
  const t0 = performance.now();
  if (!Number.isFinite(capMs)) {
    create(document.body).mark(list, { ...opts, done: (n: number) => (highlights += n) });
    return { scriptMs: performance.now() - t0, highlights, claims: 0, done: 1 };
  }
  const all = units();
  const total = all.reduce((n, el) => n + (el.textContent?.length ?? 0), 0);
  let covered = 0;
  const turns = 20;
  const size = Math.ceil(all.length / turns);
  for (let k = 0; k < all.length && performance.now() - t0 < capMs; k += size) {
    const group = all.slice(k, k + size);
    create(group).mark(list, { ...opts, done: (n: number) => (highlights += n) });
    covered += group.reduce((n, el) => n + (el.textContent?.length ?? 0), 0);
  }
  const done = covered / total;
  return { scriptMs: (performance.now() - t0) / done, highlights: Math.round(highlights / done), claims: 0, done };
}


/** Adds a highlight range for every match of the global pattern `re` in one text node. */
function highlightMatches(re: RegExp, node: Text, highlight: Highlight): void {
  re.lastIndex = 0;
  for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
    const range = new Range();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    highlight.add(range);
  }
}
const METHODS: Record<string, Run> = {
  async crossread() {
    const data = await kb!;
    const t0 = performance.now();
    const matcher = buildMatcher(data);
    const t1 = performance.now();
    const { map } = await extractText(document.body);
    const t2 = performance.now();
    const result = await matchText(matcher, map.text);
    const t3 = performance.now();
    const found = findingsFor(map, result);
    new HighlightPainter().add(found);
    const t4 = performance.now();
    const claims = found.filter((f) => f.kind === 'claim').length;
    return {
      scriptMs: t4 - t1,
      highlights: found.length - claims,
      claims,
      split: { index: t1 - t0, extract: t2 - t1, match: t3 - t2, draw: t4 - t3 },
      done: 1,
    };
  },
  markjs: () => runMarkLibrary((ctx) => new MarkJs(ctx), {}),
  advancedmark: () => runMarkLibrary((ctx) => new AdvancedMark(ctx as HTMLElement | HTMLElement[]), { combinePatterns: true, cacheTextNodes: true }),
  async perAlias() {
    const list = await terms;
    const t0 = performance.now();
    const highlight = highlightRegistry();
    const nodes = textNodes(document.body);
    let k = 0;
    for (; k < list.length && performance.now() - t0 < capMs; k++) {
      const re = wordPattern(escape(list[k]!));
      for (const node of nodes) highlightMatches(re, node, highlight);
    }
    const done = k / list.length;
    return { scriptMs: (performance.now() - t0) / done, highlights: Math.round(highlight.size / done), claims: 0, done };
  },
  async floor() {
    const list = await terms;
    const t0 = performance.now();
    const highlight = highlightRegistry();
    const re = wordPattern([...list].sort((a, b) => b.length - a.length).map(escape).join('|'));
    for (const node of textNodes(document.body)) highlightMatches(re, node, highlight);
    return { scriptMs: performance.now() - t0, highlights: highlight.size, claims: 0, done: 1 };
  },
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

addEventListener('load', () => {
  const method = params.get('method') ?? 'floor';
  const loadStart = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart;
  const start = performance.now();
  void METHODS[method]!()
    .then(async (r) => {
      await nextFrame();
      const end = performance.now();
      (window as unknown as { __result: MethodResult }).__result = { ...r, method, waitMs: end - loadStart, start, end };
    })
    .catch((err: unknown) => {
      (window as unknown as { __error: string }).__error = String(err);
    });
});
