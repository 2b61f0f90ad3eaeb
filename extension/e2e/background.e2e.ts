/**
 * The background in the real browsers: seeding IndexedDB from kb.json at install, once; an update that replaces
 * the knowledge but keeps the user's rows; every call answered from the database, bad calls answered with an
 * error; and, in Chromium, the same answers after the browser stops the service worker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import type { ClaimDetails, EntityCard, MatcherData, Result, TabClaims } from '../../shared/messages.ts';
import { BROWSERS, distFor, launch, type Harness } from './harness.ts';

const SEEDED = ['sources', 'entities', 'claims', 'concepts'];

/** What {@link rawDatabase} does in the one transaction it opens. */
type RawOp =
  | { kind: 'count'; stores: string[] }
  | { kind: 'metaAndUserRows' }
  | { kind: 'addAnnotation'; row: Record<string, unknown> };

/**
 * Runs in the background: one operation on Crossread's database through the raw IndexedDB API, so the checks do
 * not trust our own Dexie code. Row counts per store, the kbVersion row with every annotation, or one added
 * annotation. Sent as source text, so everything it needs is inside it.
 */
function rawDatabase(scope: typeof globalThis, op: RawOp): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const open = scope.indexedDB.open('crossread');
    // Not created yet: abort, or this probe would create an empty version 1 and hold it open, blocking the
    // background's own upgrade at install (seen as a flake in CI).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close();
      const stores = op.kind === 'count' ? op.stores : op.kind === 'metaAndUserRows' ? ['meta', 'annotations'] : ['annotations'];
      let tx: IDBTransaction;
      try {
        tx = db.transaction(stores, op.kind === 'addAnnotation' ? 'readwrite' : 'readonly');
      } catch (err) {
        db.close();
        return reject(err);
      }
      let result: () => unknown = () => undefined;
      if (op.kind === 'count') {
        const counts: Record<string, number> = {};
        for (const store of op.stores) {
          const req = tx.objectStore(store).count();
          req.onsuccess = () => (counts[store] = req.result);
        }
        result = () => counts;
      } else if (op.kind === 'metaAndUserRows') {
        const meta = tx.objectStore('meta').get('kbVersion');
        const rows = tx.objectStore('annotations').getAll();
        result = () => ({ version: meta.result?.value, annotations: rows.result });
      } else {
        tx.objectStore('annotations').add(op.row);
      }
      tx.oncomplete = () => (db.close(), resolve(result()));
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** Every tab report the background keeps in storage.session. */
function sessionReports(scope: typeof globalThis): Promise<Record<string, { url: string }>> {
  type Api = { storage: { session: { get(k: null): Promise<object> } } };
  const g = scope as unknown as { browser?: Api; chrome: Api };
  return (g.browser ?? g.chrome).storage.session.get(null) as Promise<Record<string, { url: string }>>;
}

/** Sends a runtime message from an extension page, as the sidebar and reader do. */
async function call<T>(page: Page, message: unknown): Promise<Result<T> | undefined> {
  // Returned as JSON text: WebDriver BiDi serialises an object met twice as a reference puppeteer cannot resolve.
  const json = await page.evaluate(async (m) => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    const answer = await (g.browser ?? g.chrome).runtime.sendMessage(m).catch((err: Error) => ({ transportError: err.message }));
    return JSON.stringify(answer ?? null);
  }, message);
  return JSON.parse(json) ?? undefined;
}

async function value<T>(page: Page, message: unknown): Promise<T> {
  const answer = await call<T>(page, message);
  if (!answer?.ok) throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer.value;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = 'no answer yet';
  for (;;) {
    const got = await probe().catch((err: unknown) => ((last = String(err)), null));
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last probe: ${last})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(BROWSERS)('background in %s', (name) => {
  let h: Harness;
  let page: Page;
  const kb = JSON.parse(readFileSync(join(distFor(name), 'kb.json'), 'utf8')) as KnowledgeBase;
  const expectedCounts = Object.fromEntries(SEEDED.map((t) => [t, (kb[t as keyof KnowledgeBase] as unknown[]).length]));

  const countRows = (stores: string[]) =>
    h.evaluateInBackground(rawDatabase, { kind: 'count', stores }) as Promise<Record<string, number>>;
  const readMetaAndUserRows = () =>
    h.evaluateInBackground(rawDatabase, { kind: 'metaAndUserRows' }) as Promise<{ version: unknown; annotations: unknown[] }>;
  const addAnnotation = (row: Record<string, unknown>) => h.evaluateInBackground(rawDatabase, { kind: 'addAnnotation', row });

  beforeAll(async () => {
    h = await launch(name);
    page = await h.openExtensionPage('sidebar/sidebar.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('seeds the knowledge base at install, with every entity, claim, source and concept', async () => {
    // Generous: with the whole suite running on two cores, Firefox has once needed more than 15 s here.
    await until('the install-time seeding', async () => (await readMetaAndUserRows()).version, 40_000);
    expect(await countRows(SEEDED)).toEqual(expectedCounts);
    expect((await readMetaAndUserRows()).version).toBe(kb.version);
  });

  it('gives the matcher its data, sources without their text', async () => {
    const data = await value<MatcherData>(page, { type: 'matcher.data', params: {} });
    expect(data.version).toBe(kb.version);
    expect(data.entities).toHaveLength(kb.entities.length);
    expect(data.claims).toHaveLength(kb.claims.length);
    expect(data.concepts).toHaveLength(kb.concepts.length);
    expect(data.sources.map((s) => s.id).sort()).toEqual(kb.sources.map((s) => s.id).sort());
    expect(data.sources.every((s) => !('text' in s))).toBe(true);
  });

  it("answers an entity's card with the claims it made or is about", async () => {
    const card = await value<EntityCard>(page, { type: 'entity.card', params: { id: 'vladimir-putin' } });
    expect(card.entity.id).toBe('vladimir-putin');
    const expected = kb.claims.filter((c) => c.speaker === 'vladimir-putin' || c.about.includes('vladimir-putin'));
    expect(card.claims.map((c) => c.claim.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(card.claims.length).toBeGreaterThan(0);
    const titles = new Map(kb.sources.map((s) => [s.id, s.title]));
    for (const { occurrences } of card.claims) {
      for (const o of occurrences) expect(o.source.title).toBe(titles.get(o.source.id));
    }
  });

  it("answers a claim's details with its speaker and every passage's source", async () => {
    const claim = kb.claims.find((c) => c.speaker && c.occurrences.length >= 2)!;
    const details = await value<ClaimDetails>(page, { type: 'claim.details', params: { id: claim.id } });
    expect(details.claim.statement).toEqual(claim.statement);
    expect(details.speaker?.id).toBe(claim.speaker);
    expect(details.about.map((e) => e.id).sort()).toEqual([...claim.about].sort());
    expect(details.occurrences).toHaveLength(claim.occurrences.length);
    for (const [i, o] of details.occurrences.entries()) {
      const source = kb.sources.find((s) => s.id === claim.occurrences[i]!.source)!;
      expect(o.source.title).toBe(source.title);
      expect(source.text.slice(o.start, o.end)).toBe(o.quote);
    }
  });

  it('gives the reader a source with its text', async () => {
    const source = kb.sources[0]!;
    expect(await value(page, { type: 'source.get', params: { id: source.id } })).toEqual(source);
  });

  it('answers unknown and malformed calls with an error, and keeps working', async () => {
    expect(await call(page, { type: 'db.dropAll', params: {} })).toEqual({ ok: false, error: 'unknown call "db.dropAll"' });
    expect(await call(page, { type: 'entity.card', params: { id: 7 } })).toEqual({
      ok: false,
      error: 'entity.card: params.id: expected a string',
    });
    expect(await call(page, { type: 'entity.card', params: { id: 'nobody-at-all' } })).toEqual({
      ok: false,
      error: 'entity.card: no entity "nobody-at-all"',
    });
    const report = { url: 'https://x.example/', title: '', entities: [], claims: [] };
    expect(await call(page, { type: 'page.report', params: report })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only a content script/),
    });
    expect((await call(page, 'just a string')) ?? { transportError: 'none' }).not.toHaveProperty('ok', true);
    expect((await value<EntityCard>(page, { type: 'entity.card', params: { id: 'north-korea' } })).entity.id).toBe(
      'north-korea',
    );
  });

  it("keeps what the content script found on a tab, for the sidebar's tab.claims", async () => {
    const article = await h.openPage(`/article/${kb.sources[0]!.id}.html`);
    const url = article.url();
    const tabKey = await until('the page report', async () => {
      const reports = await h.evaluateInBackground(sessionReports);
      return Object.keys(reports).find((k) => reports[k]!.url === url);
    });
    const tabId = Number(tabKey.slice('tab:'.length));
    const found = await value<TabClaims>(page, { type: 'tab.claims', params: { tabId } });
    expect(found.url).toBe(url);
    expect(found.entities.map((e) => e.id)).toContain('vladimir-putin');
    expect(found.claims.length).toBeGreaterThan(0);
    expect(found.claims[0]!.claim.statement.en).toBeTruthy();
    await article.close();
    await until('the report to be dropped with its tab', async () => !(tabKey in (await h.evaluateInBackground(sessionReports))));
  });

  // Firefox runs the background as an event page, which has no stop command to test against.
  if (name === 'chromium') it('answers from the database after the browser stops the service worker', async () => {
    const article = await h.openPage(`/article/${kb.sources[1]!.id}.html`);
    const url = article.url();
    const tabKey = await until('the page report', async () => {
      const reports = await h.evaluateInBackground(sessionReports);
      return Object.keys(reports).find((k) => reports[k]!.url === url);
    });
    await h.stopServiceWorker();
    const card = await value<EntityCard>(page, { type: 'entity.card', params: { id: 'vladimir-putin' } });
    expect(card.claims.length).toBeGreaterThan(0);
    const found = await value<TabClaims>(page, { type: 'tab.claims', params: { tabId: Number(tabKey.slice(4)) } });
    expect(found.url).toBe(url);
    expect(await countRows(SEEDED)).toEqual(expectedCounts);
    await article.close();
  });

  it('does not seed again when the extension restarts with the same knowledge base', async () => {
    await addAnnotation({ url: 'https://news.example/read', created: 1, note: 'mine' });
    await h.reloadExtension();
    page = await h.openExtensionPage('sidebar/sidebar.html');
    expect((await value<MatcherData>(page, { type: 'matcher.data', params: {} })).version).toBe(kb.version);
    expect(await countRows([...SEEDED, 'annotations'])).toEqual({
      ...expectedCounts,
      annotations: 1,
    });
  });

  it("replaces the seeded knowledge on an update with a new version, keeping the user's rows", async () => {
    const dropped = kb.claims.at(-1)!;
    const next: KnowledgeBase = { ...kb, version: `${kb.version}-next`, claims: kb.claims.slice(0, -1) };
    writeFileSync(join(h.extensionDir, 'kb.json'), JSON.stringify(next));
    await h.reloadExtension();
    await until('the update to be seeded', async () => {
      return (await readMetaAndUserRows()).version === next.version;
    });
    page = await h.openExtensionPage('sidebar/sidebar.html');
    expect(await countRows(SEEDED)).toEqual({ ...expectedCounts, claims: kb.claims.length - 1 });
    expect(await call(page, { type: 'claim.details', params: { id: dropped.id } })).toMatchObject({ ok: false });
    const { annotations } = await readMetaAndUserRows();
    expect(annotations).toEqual([{ id: 1, url: 'https://news.example/read', created: 1, note: 'mine' }]);
  });
});
