/**
 * The storage of pages read, in both real browsers with real IndexedDB, pages recorded as a reader records them
 * (an article page visible for five seconds):
 * - a bound in megabytes set on the options page forgets the oldest page read at once, and again when a page is
 *   recorded past it; the curated knowledge base and the reader's annotations stay as they were;
 * - a full disk: Chromium cannot be made to reach a real quota for an extension origin (see storage.e2e.ts), so
 *   the fault is injected where the browser raises it, in both browsers alike: IDBObjectStore put/add in the
 *   background's own scope throw the QuotaExceededError DOMException of a full disk, for one store, a set number
 *   of times. Recording a page read then forgets the oldest page read and records it; saving an annotation
 *   forgets pages read until it is saved; a disk that stays full leaves the page unrecorded after one round, the
 *   options page says so, and the knowledge base and annotations are intact.
 * The article pages come from a server of this test: all on one site, so they never link to each other.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnedOverview, LearnedStorage } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { until, value } from './fixtures/annotations/drive.ts';

const SELECTORS = [
  { type: 'TextQuoteSelector', exact: 'kept words', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: 0, end: 10 },
];
const ANNOTATION = { url: 'https://news.example/kept', title: 'kept', selectors: SELECTORS, note: 'mine' };
/**
 * Characters of each article: each then takes some 0.42 MB (its text as UTF-16 and its index entries), three more
 * than 1 MB. Longer than the content script links (200,000), so recording is all these pages cost.
 */
const ARTICLE_CHARS = 210_000;

/** An article page of about ARTICLE_CHARS characters of reporting: statements with a speaker, so it is recorded. */
function articleHtml(name: string): string {
  const sentences: string[] = [];
  for (let i = 0, n = 0; n < ARTICLE_CHARS; i++) {
    const s = `<p>Transport minister Tobias Hallgren said on Wednesday that the line between Lindqvarn and Brekke would stay closed for ${i + 2} more days. The mayor of Brekke, Sanna Lund, said the closure would cut off ${100 + i} commuters every morning.</p>`;
    sentences.push(s);
    n += s.length - 7;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Closure at Lindqvarn (${name})</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Closure at Lindqvarn", "datePublished": "2026-11-10", "inLanguage": "en"}</script>
</head><body><article><h1>Closure at Lindqvarn (${name})</h1>${sentences.join('\n')}</article></body></html>`;
}

/** Serves `/article/NAME.html` as {@link articleHtml}; one site. */
async function articleServer(): Promise<{ url: (name: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const name = /^\/article\/([a-z]+)\.html$/.exec(req.url ?? '')?.[1];
    if (!name) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articleHtml(name));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: (name) => `http://127.0.0.1:${port}/article/${name}.html`, close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) };
}

const urls = (o: LearnedOverview) => o.sites.flatMap((s) => s.pages.map((p) => p.url)).sort();

/**
 * Makes IndexedDB writes into `store` throw a full disk's QuotaExceededError `times` times (-1: until reset), in
 * the background's scope; `null` puts the browser's own put and add back.
 */
function injectDiskFull(scope: typeof globalThis, store: string | null, times: number): void {
  type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest;
  const g = scope as unknown as { IDBObjectStore: typeof IDBObjectStore; DOMException: typeof DOMException; crossreadFault?: { put: Write; add: Write; store: string | null; left: number } };
  const proto = g.IDBObjectStore.prototype as unknown as { put: Write; add: Write };
  if (!g.crossreadFault) {
    const fault = { put: proto.put, add: proto.add, store, left: times };
    g.crossreadFault = fault;
    for (const op of ['put', 'add'] as const) {
      proto[op] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (fault.store === this.name && fault.left !== 0) {
          fault.left--;
          throw new g.DOMException('injected: the disk is full', 'QuotaExceededError');
        }
        return fault[op].apply(this, args);
      };
    }
  }
  g.crossreadFault.store = store;
  g.crossreadFault.left = times;
}

describe.each(BROWSERS)('storage of pages read in %s', (name) => {
  let h: Harness;
  let ext: Page;
  let site: Awaited<ReturnType<typeof articleServer>>;
  let before: ExportFile;

  beforeAll(async () => {
    h = await launch(name);
    site = await articleServer();
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    await until('the knowledge base', () => value(ext, { type: 'matcher.data', params: {} }));
    await value(ext, { type: 'annotation.save', params: ANNOTATION });
    before = await value<ExportFile>(ext, { type: 'data.export', params: {} });
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  const list = async () => urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }));
  const storage = () => value<LearnedStorage>(ext, { type: 'learned.storage', params: {} });

  /** Reads an article page for five visible seconds, until the background's list of pages read satisfies `done`. */
  async function read(article: string, done: (pages: string[]) => boolean): Promise<void> {
    const page = await h.openPage(site.url(article));
    await page.bringToFront();
    await until(`${article} read`, async () => done(await list()), 30_000);
    await page.close();
  }

  /** The knowledge base and the annotations, as they were before any page was read (and `extra` notes). */
  async function expectCuratedAndAnnotationsKept(extra: string[] = []) {
    const now = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(now.kb).toEqual(before.kb);
    expect(now.user.annotations.map((a) => a.note).sort()).toEqual([...before.user.annotations.map((a) => a.note), ...extra].sort());
  }

  it('a bound in megabytes forgets the oldest pages read first, when set and when a page is recorded', async () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => site.url(n));
    for (const [i, n] of ['a', 'b', 'c'].entries()) await read(n, (pages) => pages.length === i + 1);
    expect(await list()).toEqual([a, b, c]);

    const options = await h.openExtensionPage('options/options.html');
    const size = await options.waitForFunction(() => document.querySelector('[data-learned=size]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await size.jsonValue()).toMatch(/^Pages read take about 1\.\d MB \(3 pages\)\.$/);
    await options.$eval('#learned-mb', (input) => {
      (input as HTMLInputElement).value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.click('#learned-mb-save');
    const status = await options.waitForFunction(() => document.querySelector('[data-status=learned-storage]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await status.jsonValue()).toBe('Keeping at most 1 MB; 1 oldest pages deleted.');
    // The list of pages read on the page follows: the oldest is gone from it too.
    await options.waitForFunction((u) => !document.querySelector(`.learned-page[data-url="${u}"]`), { timeout: 10_000, polling: 100 }, a);
    expect(await list()).toEqual([b, c]);
    await options.close();

    // Recording one more page past the bound forgets the oldest left, never the page just recorded.
    await read('d', (pages) => pages.includes(d!));
    expect(await list()).toEqual([c, d]);
    expect(await storage()).toMatchObject({ keepMb: 1, pages: 2, bytes: expect.any(Number) });
    expect((await storage()).bytes).toBeLessThanOrEqual(1024 * 1024);
    await expectCuratedAndAnnotationsKept();
    await value(ext, { type: 'learned.limit', params: { mb: 0 } });
  });

  it('a full disk costs the oldest pages read, never the knowledge base or an annotation, and says so', async () => {
    const [c, d, e, f, g] = ['c', 'd', 'e', 'f', 'g'].map((n) => site.url(n));
    expect(await list()).toEqual([c, d]);
    // Recording a page hits a full disk once: the oldest page read makes room, and the page is recorded.
    await h.evaluateInBackground(injectDiskFull, 'readPages', 1);
    await read('e', (pages) => pages.includes(e!));
    expect(await list()).toEqual([d, e]);
    expect((await storage()).diskFull).toMatchObject({ pruned: 1, saved: true });

    // Saving an annotation on a full disk: pages read make room until it is saved.
    await h.evaluateInBackground(injectDiskFull, 'annotations', 2);
    expect(await value(ext, { type: 'annotation.save', params: { ...ANNOTATION, url: 'https://news.example/second', note: 'second' } })).toMatchObject({ note: 'second' });
    expect(await list()).toEqual([]);
    expect((await storage()).diskFull).toMatchObject({ pruned: 2, saved: true });

    // A disk that stays full: one round of room made (the page read before goes), the page is not recorded, and
    // the options page says so.
    await read('f', (pages) => pages.includes(f!));
    await h.evaluateInBackground(injectDiskFull, 'readPages', -1);
    const page = await h.openPage(site.url('g'));
    await page.bringToFront();
    const refused = await until('the page refused on a full disk', async () => {
      const s = await storage();
      return s.diskFull?.saved === false && s;
    }, 30_000);
    await page.close();
    await h.evaluateInBackground(injectDiskFull, null, 0);
    expect(refused.diskFull).toMatchObject({ pruned: 1, saved: false });
    expect(await list()).toEqual([]);
    expect(await list()).not.toContain(g);
    await expectCuratedAndAnnotationsKept(['second']);

    const options = await h.openExtensionPage('options/options.html');
    const notice = await options.waitForFunction(() => document.querySelector('[data-learned=disk-full]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await notice.jsonValue()).toMatch(
      /^The disk was full on .+ and Crossread could not save, even after deleting the 1 oldest pages read\. Your knowledge base and annotations were kept; free some disk space\.$/,
    );
    await options.close();
  });
});
