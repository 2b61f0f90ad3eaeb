/**
 * Storage faults in the real browsers, on real IndexedDB:
 * - an upgrade the background must run is blocked by another context holding the database open at its older
 *   version: calls get a clear error at once instead of hanging, nothing is written or lost, and everything works
 *   (the user's rows upgraded) as soon as the blocker closes;
 * - a write that exceeds the storage quota (Chromium: CDP Storage.overrideQuotaForOrigin; Firefox: a separate
 *   instance with a small dom.quotaManager.temporaryStorage.fixedLimit): a clear "disk is full" error, data unchanged;
 * - IndexedDB unavailable (Firefox: a separate instance with dom.indexedDB.enabled=false): the sidebar and options
 *   page say so, the content script leaves the page alone and nothing throws.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { Result } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { call, until, value } from './fixtures/annotations/drive.ts';

const BLOCKED = /another connection|blocked/i;
const ANNOTATION = { url: 'https://news.example/kept', title: 'kept', selectors: [], note: 'mine' };

/** `call`, bounded: a call that never answers fails the test with a message instead of its whole timeout. */
async function callWithin<T>(page: Page, message: unknown, ms = 10_000): Promise<Result<T> | 'no answer'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'no answer'>((resolve) => (timer = setTimeout(() => resolve('no answer'), ms)));
  return Promise.race([call<T>(page, message), late]).finally(() => clearTimeout(timer));
}

/**
 * Runs in an extension page: replaces the database by one at schema v1 (IndexedDB version 10, the stores of
 * version(1) in db.ts) holding `rows`, and keeps that connection open, deaf to versionchange, as a stuck older
 * page would. The background's own connection is closed by Dexie when the deletion asks it to.
 */
async function holdV1Database(rows: Record<string, object[]>): Promise<number> {
  const done = (r: IDBRequest) =>
    new Promise<unknown>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  await done(indexedDB.deleteDatabase('crossread'));
  const open = indexedDB.open('crossread', 10);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('entities', { keyPath: 'id' }).createIndex('aliases', 'aliases', { multiEntry: true });
    const claims = db.createObjectStore('claims', { keyPath: 'id' });
    claims.createIndex('speaker', 'speaker');
    claims.createIndex('about', 'about', { multiEntry: true });
    db.createObjectStore('concepts', { keyPath: 'id' });
    db.createObjectStore('meta', { keyPath: 'key' });
    db.createObjectStore('annotations', { keyPath: 'id', autoIncrement: true }).createIndex('url', 'url');
    db.createObjectStore('userSources', { keyPath: 'id' }).createIndex('url', 'url');
  };
  const db = (await done(open)) as IDBDatabase;
  const tx = db.transaction(Object.keys(rows), 'readwrite');
  for (const [store, list] of Object.entries(rows)) for (const row of list) tx.objectStore(store).put(row);
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  (globalThis as unknown as { heldDb: IDBDatabase }).heldDb = db;
  return db.version;
}

describe.each(BROWSERS)('storage faults in %s', (name) => {
  let h: Harness;
  let ext: Page;

  beforeAll(async () => {
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    await until('the knowledge base', () => value(ext, { type: 'matcher.data', params: {} }));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an upgrade blocked by another connection: a clear error at once, nothing lost, and recovery when it closes', async () => {
    const blocker = await h.openExtensionPage('reader/reader.html');
    const v1Annotation = { url: 'https://news.example/v1', created: 1718000000000, note: 'from v1', selectors: [] };
    expect(await blocker.evaluate(holdV1Database, { annotations: [v1Annotation] })).toBe(10);

    // The background must upgrade 10 → 20 and cannot while the blocker holds version 10 open.
    const read = await callWithin(ext, { type: 'annotations.list', params: { url: v1Annotation.url } });
    expect(read).toMatchObject({ ok: false, error: expect.stringMatching(BLOCKED) });
    const write = await callWithin(ext, { type: 'annotation.save', params: ANNOTATION });
    expect(write).toMatchObject({ ok: false, error: expect.stringMatching(BLOCKED) });
    // The sidebar shows the same words to the user.
    const sidebar = await h.openExtensionPage('sidebar/sidebar.html?tab=1');
    await sidebar.waitForFunction((re: string) => new RegExp(re, 'i').test(document.body.innerText), { timeout: 15_000, polling: 100 }, BLOCKED.source);

    await blocker.evaluate(() => (globalThis as unknown as { heldDb: IDBDatabase }).heldDb.close());
    const file = await until('the upgrade to run once the blocker closed', () => value<ExportFile>(ext, { type: 'data.export', params: {} }));
    expect(file.user.annotations).toEqual([expect.objectContaining({ ...v1Annotation, modified: v1Annotation.created, title: '' })]);
    expect(file.kb.claims.length).toBeGreaterThan(0); // the emptied knowledge base seeded again on first use
    // The write refused while blocked did not land later behind the user's back.
    expect((await value<unknown[]>(ext, { type: 'annotations.list', params: { url: ANNOTATION.url } }))).toEqual([]);
    expect(await value(ext, { type: 'annotation.save', params: ANNOTATION })).toMatchObject({ note: 'mine' });
    await blocker.close();
    await sidebar.close();
  });
});
