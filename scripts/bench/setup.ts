/**
 * What every browser section shares: the bench pages (with the probe inlined), the in-page scripts bundled (one
 * way for every section, the pages-read one too), the terms the baselines highlight, and a server publishing them.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { buildMatcher } from '../../shared/match/index.ts';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { articlePage, bulkPage, textNodesPage, type GeneratedPage, type PageSource } from './pages.ts';
import { startServer, type BenchServer } from './server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The pages every highlighting figure is taken on. */
export const PAGE_IDS = ['article', '1mb', '5mb', '100k-nodes'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** How each page is described in the report. */
export const PAGE_LABELS: Record<PageId, string> = {
  article: 'article',
  '1mb': '1 MB page',
  '5mb': '5 MB page',
  '100k-nodes': '100,000 text nodes',
};

/** A bench page's facts. */
export interface PageInfo {
  bytes: number;
  textNodes: number;
}

/** The served bench: `/plain/ID.html` runs a method, `/ext/ID.html` is the bare page for the extension. */
export interface BenchSite {
  server: BenchServer;
  pages: Record<PageId, PageInfo>;
  /** The terms the baselines highlight: every distinct text Crossread's matcher marks as an entity. */
  terms: string[];
  /** The bundled probe, for pages made elsewhere (the dynamic page). */
  probeScript: string;
}

/** An in-page script of the bench (`entry`, from the repository's root) bundled for both browsers. */
export async function bundleInPage(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome120', 'firefox142'],
    define: { __BROWSER__: '"chrome"', __DEV__: 'false' },
    minify: true,
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

function generate(id: PageId, sources: PageSource[], head: string): GeneratedPage {
  if (id === 'article') return articlePage(sources, head);
  if (id === '1mb') return bulkPage(sources, 1_000_000, head);
  if (id === '5mb') return bulkPage(sources, 5_000_000, head);
  return textNodesPage(sources, 100_000, head);
}

/** Entity texts the matcher finds in the sources, which the pages are made of. */
function termsOf(kb: KnowledgeBase, sources: PageSource[]): string[] {
  const matcher = buildMatcher(kb);
  const terms = new Set<string>();
  for (const s of sources) {
    const text = `${s.title}\n\n${s.text}`;
    for (const m of matcher.matchEntities(text)) terms.add(text.slice(m.start, m.end));
  }
  return [...terms].sort();
}

/** Generates the pages and starts serving them. */
export async function startSite(kb: KnowledgeBase): Promise<BenchSite> {
  const sources: PageSource[] = kb.sources.map((s) => ({ title: s.title, text: s.text }));
  const probeScript = await bundleInPage('scripts/bench/in-page/probe.ts');
  const methods = await bundleInPage('scripts/bench/in-page/methods.ts');
  const server = await startServer();
  const head = `<script>${probeScript}</script>`;
  const pages = {} as Record<PageId, PageInfo>;
  for (const id of PAGE_IDS) {
    const page = generate(id, sources, head);
    server.set(`/ext/${id}.html`, page.html);
    server.set(`/plain/${id}.html`, page.html.replace('</body>', '<script src="/methods.js"></script></body>'));
    pages[id] = { bytes: Buffer.byteLength(page.html), textNodes: page.textNodes };
  }
  const terms = termsOf(kb, sources);
  server.set('/methods.js', methods);
  server.set('/terms.json', JSON.stringify(terms));
  server.set('/kb.json', JSON.stringify({ entities: kb.entities, claims: kb.claims, concepts: kb.concepts }));
  return { server, pages, terms, probeScript };
}
