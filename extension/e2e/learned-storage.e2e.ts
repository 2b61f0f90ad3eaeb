/**
 * The storage of pages read, in both real browsers with real IndexedDB:
 * - a bound in megabytes set on the options page forgets the oldest page read at once, and again when a page is
 *   recorded past it; the curated knowledge base and the reader's annotations stay as they were;
 * - a full disk: Chromium cannot be made to reach a real quota for an extension origin (see storage.e2e.ts), so
 *   the fault is injected where the browser raises it: IDBObjectStore put/add in the background's own scope throw
 *   the QuotaExceededError DOMException a full disk gives, for one store, a set number of times. Recording a page
 *   read then forgets the oldest page read and records it; saving an annotation forgets pages read until it is
 *   saved; and when nothing helps, the page read is not recorded, the reader gets a clear message (the call's
 *   error and the options page), and the knowledge base and annotations are intact.
 * Pages are recorded through the call the content script makes (learn.read), from an extension page: what is
 * tested is the background's store, not the five seconds of reading (learned.e2e.ts tests those).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnedOverview, LearnedStorage, Result } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { call, until, value } from './fixtures/annotations/drive.ts';

const SELECTORS = [
  { type: 'TextQuoteSelector', exact: 'kept words', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: 0, end: 10 },
];
const ANNOTATION = { url: 'https://news.example/kept', title: 'kept', selectors: SELECTORS, note: 'mine' };

/** About `chars` characters of one outlet's reporting: statements with a speaker, so the page is recorded. */
function articleText(outlet: string, chars: number): string {
  const sentences: string[] = [];
  for (let i = 0; sentences.join(' ').length < chars; i++) {
    sentences.push(
      `Transport minister Tobias Hallgren said on Wednesday that the line between Lindqvarn and Brekke would stay closed for ${i + 2} more days, ${outlet} reported.`,
      `The mayor of Brekke, Sanna Lund, said the closure would cut off ${100 + i} commuters every morning.`,
    );
  }
  return sentences.join(' ');
}

/** Records a page read through the content script's call; answers its result. */
function record(ext: Page, url: string, chars: number): Promise<Result<{ statements: number }>> {
  return call<{ statements: number }>(ext, {
    type: 'learn.read',
    params: { url, title: `Closure at Lindqvarn (${url})`, lang: 'en', text: articleText(new URL(url).host, chars) },
  });
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
  let before: ExportFile;

  beforeAll(async () => {
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    await until('the knowledge base', () => value(ext, { type: 'matcher.data', params: {} }));
    await value(ext, { type: 'annotation.save', params: ANNOTATION });
    before = await value<ExportFile>(ext, { type: 'data.export', params: {} });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The knowledge base and the annotations, as they were before any page was read. */
  async function expectCuratedAndAnnotationsKept(extra: string[] = []) {
    const now = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(now.kb).toEqual(before.kb);
    expect(now.user.annotations.map((a) => a.note).sort()).toEqual([...before.user.annotations.map((a) => a.note), ...extra].sort());
  }

  it('a bound in megabytes forgets the oldest pages read first, when set and when a page is recorded', async () => {
    // Each page takes some 0.4 MB (its text as UTF-16 and its index entries): three take more than 1 MB.
    const pages = ['http://one.example/a', 'http://two.example/b', 'http://three.example/c'];
    for (const url of pages) expect(await record(ext, url, 190_000)).toMatchObject({ ok: true, value: { statements: expect.any(Number) } });
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual([...pages].sort());

    const options = await h.openExtensionPage('options/options.html');
    const size = await options.waitForFunction(() => document.querySelector('[data-learned=size]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await size.jsonValue()).toMatch(/about 1\.\d MB \(3 pages\)/);
    await options.$eval('#learned-mb', (input) => {
      (input as HTMLInputElement).value = '1';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.click('#learned-mb-save');
    const status = await options.waitForFunction(() => document.querySelector('[data-status=learned-storage]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await status.jsonValue()).toBe('Keeping at most 1 MB; 1 oldest pages deleted.');
    // The list of pages read below follows: the oldest is gone from it too.
    await options.waitForFunction((u) => !document.querySelector(`.learned-page[data-url="${u}"]`), { timeout: 10_000, polling: 100 }, pages[0]);
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual([pages[1], pages[2]].sort());
    await options.close();

    // Recording one more page past the bound forgets the oldest left, never the page just recorded.
    expect(await record(ext, 'http://four.example/d', 190_000)).toMatchObject({ ok: true });
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual([pages[2], 'http://four.example/d'].sort());
    const storage = await value<LearnedStorage>(ext, { type: 'learned.storage', params: {} });
    expect(storage).toMatchObject({ keepMb: 1, pages: 2 });
    expect(storage.bytes).toBeLessThanOrEqual(1024 * 1024);
    await expectCuratedAndAnnotationsKept();
    await value(ext, { type: 'learned.limit', params: { mb: 0 } });
  });

  it('a full disk costs the oldest pages read, never the knowledge base or an annotation, and says so', async () => {
    await value(ext, { type: 'data.clear', params: {} });
    await value(ext, { type: 'annotation.save', params: ANNOTATION });
    const pages = ['http://one.example/a', 'http://two.example/b', 'http://three.example/c', 'http://four.example/d'];
    for (const url of pages) expect(await record(ext, url, 3_000)).toMatchObject({ ok: true });

    // Recording a page hits a full disk once: the oldest page read makes room, and the page is recorded.
    await h.evaluateInBackground(injectDiskFull, 'readPages', 1);
    expect(await record(ext, 'http://five.example/e', 3_000)).toMatchObject({ ok: true });
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual([...pages.slice(1), 'http://five.example/e'].sort());

    // Saving an annotation on a full disk: pages read make room until it is saved.
    await h.evaluateInBackground(injectDiskFull, 'annotations', 2);
    expect(await value(ext, { type: 'annotation.save', params: { ...ANNOTATION, url: 'https://news.example/second', note: 'second' } })).toMatchObject({ note: 'second' });
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual(['http://four.example/d', 'http://five.example/e']);

    // A disk that stays full: the page read is not recorded, after one round of room made, and the reader is told.
    await h.evaluateInBackground(injectDiskFull, 'readPages', -1);
    const refused = await record(ext, 'http://six.example/f', 3_000);
    await h.evaluateInBackground(injectDiskFull, null, 0);
    expect(refused).toEqual({
      ok: false,
      error:
        'the disk is full (storage quota exceeded): this page read was not recorded although the 1 oldest pages read were forgotten to make room; the knowledge base and your annotations are kept',
    });
    expect(urls(await value<LearnedOverview>(ext, { type: 'learned.list', params: {} }))).toEqual(['http://five.example/e']);
    await expectCuratedAndAnnotationsKept(['second']);

    const options = await h.openExtensionPage('options/options.html');
    const notice = await options.waitForFunction(() => document.querySelector('[data-learned=disk-full]')?.textContent || null, { timeout: 15_000, polling: 100 });
    expect(await notice.jsonValue()).toMatch(
      /^The disk was full on .+ and Crossread could not save, even after deleting the 1 oldest pages read\. Your knowledge base and annotations were kept; free some disk space\.$/,
    );
    await options.close();
    // Once there is room again, pages are recorded as before.
    expect(await record(ext, 'http://six.example/f', 3_000)).toMatchObject({ ok: true });
  });
});
