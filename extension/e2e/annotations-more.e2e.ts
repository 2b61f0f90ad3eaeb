/**
 * More of the annotation feature in the real browsers: a schema v1 database with the user's rows opened by the
 * current background; the new-claim form; editing, deleting and orphans in the sidebar; a passage that arrives
 * after load; pages read recorded (or not, with recording off); adding the current page as an article; and the
 * hover delay setting, applied live.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import type { ClaimDetails } from '../../shared/messages.ts';
import { DEFAULT_SETTINGS, type ExportFile, type UserAnnotation } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { inToolbar, selectPassage, sessionReports, tabIdOf, until, value, type Status } from './fixtures/annotations/drive.ts';
import { hover, pointOf, waitForCard, waitForHighlights } from './ui-page.ts';
import { writeV1Database, type V1Rows } from './fixtures/v1-database.ts';

const V1_EXTENSION = fileURLToPath(new URL('./fixtures/annotations/v1-extension/', import.meta.url));
const PASSAGE = 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs auf einen der beiden Partner vor';
const LATE = 'Die Delegation reiste am Abend weiter nach Hanoi';

/** Runs in the background: the database's IndexedDB version and store names, as the browser reports them. */
async function readDatabaseShape(): Promise<{ version: number; stores: string[] }> {
  const open = indexedDB.open('crossread');
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const shape = { version: db.version, stores: [...db.objectStoreNames].sort() };
  db.close();
  return shape;
}

describe.each(BROWSERS)('schema upgrade in %s', (name) => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("opens a schema v1 database written before it: the user's rows kept and upgraded, the knowledge seeded", async () => {
    const url = h.server.url('/annotations/page.html');
    const kb = JSON.parse(readFileSync(`${h.extensionDir}/kb.json`, 'utf8')) as KnowledgeBase;
    const v1: V1Rows = {
      meta: [{ key: 'kbVersion', value: 'v1-era' }],
      claims: [{ id: 'v1-era-claim', statement: { de: 'Alt', en: 'Old' }, about: [], occurrences: [] }],
      annotations: [
        {
          url,
          created: 1718000000000,
          note: 'aus Version 1',
          selectors: [
            { type: 'TextQuoteSelector', exact: PASSAGE, prefix: '', suffix: '' },
            { type: 'TextPositionSelector', start: 0, end: PASSAGE.length },
          ],
        },
        { url: 'https://news.example/v1', created: 1718000001000, selectors: 'not selectors' },
      ],
      userSources: [{ id: 'page:https://news.example/v1', url: 'https://news.example/v1' }],
    };

    // An "old version" takes Crossread's place under the same id (same origin, same database) with an idle
    // background, so the v1 database is written while no Crossread code holds it; then the real build comes
    // back as an update, as it would from the store, and its background opens what it finds.
    const real = `${h.extensionDir}-real`;
    cpSync(h.extensionDir, real, { recursive: true });
    rmSync(h.extensionDir, { recursive: true });
    cpSync(V1_EXTENSION, h.extensionDir, { recursive: true });
    await h.reloadExtension();
    const writer = await h.openExtensionPage('blank.html');
    expect(await writer.evaluate(writeV1Database, v1, false)).toBe(10);
    await writer.close();
    rmSync(h.extensionDir, { recursive: true });
    cpSync(real, h.extensionDir, { recursive: true });
    await h.reloadExtension();

    const ext = await h.openExtensionPage('sidebar/sidebar.html');
    const after = await until('the update to seed the knowledge base', async () => {
      const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
      return file.kb.version === kb.version && file;
    });
    expect(await h.evaluateInBackground(readDatabaseShape)).toEqual({
      // Dexie's version 4 (rejections rekeyed by address, db.ts) is IndexedDB's 40.
      version: 40,
      stores: ['annotations', 'claims', 'concepts', 'entities', 'learnedClaims', 'meta', 'readPages', 'readTerms', 'rejections', 'settings', 'sources', 'userClaims', 'userOccurrences', 'userSources'],
    });
    // Version 3 only adds tables: rejected passages and what was learned from pages read, all empty; version 4
    // rekeys rejections, of which a v1 database has none.
    expect(after.user.rejections).toEqual([]);
    expect(after.kb.claims.map((c) => c.id)).toEqual(kb.claims.map((c) => c.id));
    expect(after.user.annotations).toEqual([
      { ...v1.annotations![0], id: 1, title: '', modified: 1718000000000 },
      { ...v1.annotations![1], id: 2, title: '', modified: 1718000001000, note: '' },
    ]);
    expect(after.user.sources).toEqual([{ id: 'page:https://news.example/v1', url: 'https://news.example/v1', title: 'https://news.example/v1', date: '' }]);
    expect(after.user.settings).toEqual(DEFAULT_SETTINGS);

    // The upgraded note is found on its page again; the one with broken selectors is an orphan, not lost.
    const page = await h.openPage(url);
    const tabId = await tabIdOf(h, url);
    const status = await until('the v1 annotation anchored', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, tabId);
      return s.placed.length === 1 && s;
    });
    expect(status.placed).toEqual([{ id: 1, text: PASSAGE }]);
    await page.close();
    rmSync(real, { recursive: true, force: true });
  });
});

/** Opens the sidebar page pinned to a tab, as the side panel would show it. */
async function openSidebar(h: Harness, tabId: number): Promise<Page> {
  return h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
}

/** Clicks an element of an extension page once it exists. */
async function clickWhenThere(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.evaluate((s) => (document.querySelector(s) as HTMLElement).click(), selector);
}

/** Types into an input or textarea of an extension page, as Preact's onInput hears it. */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 10_000 });
  await page.evaluate(
    (s, t) => {
      const el = document.querySelector(s) as HTMLInputElement;
      el.value = t;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    selector,
    text,
  );
}

/** The options page's settings form: changes, saves, and waits for "saved". */
async function saveSettings(h: Harness, change: (options: Page) => Promise<void>): Promise<void> {
  const options = await h.openExtensionPage('options/options.html');
  await options.waitForSelector('#settings-save', { timeout: 10_000 });
  await change(options);
  await clickWhenThere(options, '#settings-save');
  await options.waitForFunction(() => {
    const s = document.querySelector('[data-status="settings"]');
    return !!s?.textContent && !s.classList.contains('error');
  }, { timeout: 10_000, polling: 50 });
  await options.close();
}

/** Milliseconds from the pointer starting towards `point` until a card shows, read on the page's own clock. */
async function cardDelay(page: Page, point: { x: number; y: number }): Promise<number> {
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await waitForCard(page, false);
  await page.evaluate(() => {
    const g = globalThis as { clStart?: number; clShown?: number };
    g.clStart = performance.now();
    delete g.clShown;
    const look = () => {
      if (document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card')) g.clShown = performance.now();
      else setTimeout(look, 10);
    };
    look();
  });
  await hover(page, point);
  const handle = await page.waitForFunction(
    () => {
      const g = globalThis as { clStart?: number; clShown?: number };
      return g.clShown !== undefined && g.clShown - g.clStart!;
    },
    { timeout: 15_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

describe.each(BROWSERS)('more annotations in %s', (name) => {
  let h: Harness;
  let ext: Page;

  beforeAll(async () => {
    h = await launch(name);
    ext = await h.openExtensionPage('reader/reader.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  const exported = () => value<ExportFile>(ext, { type: 'data.export', params: {} });
  const listed = (url: string) => value<UserAnnotation[]>(ext, { type: 'annotations.list', params: { url } });
  const status = (tabId: number) => value<Status>(ext, { type: 'annotations.status', params: {} }, tabId);

  it('records a new claim from the toolbar: statement, speaker and entities stored, highlighted, in the sidebar', async () => {
    const url = h.server.url('/annotations/page.html?new');
    const page = await h.openPage(url);
    const quote = 'Beobachter in Seoul und Tokio zeigten sich besorgt';
    await selectPassage(page, 'p3', quote);
    await inToolbar(page, '.cl-act-new', 'click');
    await inToolbar(page, '.cl-statement', { type: 'Seoul und Tokio sind besorgt über den Pakt' });
    await inToolbar(page, '.cl-entity-search', { type: 'Putin' }, 0);
    await inToolbar(page, '.cl-chip[data-entity="vladimir-putin"]', 'click');
    await inToolbar(page, '.cl-entity-search', { type: 'Nordkorea' }, 1);
    await inToolbar(page, '.cl-chip[data-entity="north-korea"]', 'click');
    await inToolbar(page, '.cl-save', 'click');

    const [saved] = await until('the annotation stating the new claim', async () => {
      const list = await listed(url);
      return list.length === 1 && list;
    });
    expect(saved!.selectors[0].exact).toBe(quote);
    const claim = (await exported()).user.claims.find((c) => c.id === saved!.claimId);
    expect(claim).toMatchObject({ statement: 'Seoul und Tokio sind besorgt über den Pakt', speaker: 'vladimir-putin', about: ['north-korea'] });
    await page.waitForFunction(
      (q) => [...((CSS.highlights.get('cl-annotation') as Iterable<Range> | undefined) ?? [])].some((r) => r.toString() === q),
      { timeout: 10_000, polling: 50 },
      quote,
    );

    const sidebar = await openSidebar(h, await tabIdOf(h, url));
    const item = `li.annotation[data-annotation="${saved!.id}"]`;
    await sidebar.waitForSelector(`${item}:not(.orphan)`, { timeout: 10_000 });
    expect(await sidebar.$eval(`${item} .quote`, (b) => b.textContent)).toBe(quote);
    // The marked claim is named by its statement, never by its internal id.
    const text = await until('the claim statement in the sidebar', () => sidebar.$eval(item, (li) => (li.querySelector('.states') ? li.textContent : null)));
    expect(text).toContain('Seoul und Tokio sind besorgt über den Pakt');
    expect(text).not.toContain(saved!.claimId!);
    await Promise.all([sidebar.close(), page.close()]);
  });

  it('edits and deletes an annotation from the sidebar, and the page follows', async () => {
    const url = h.server.url('/annotations/page.html?edit');
    const page = await h.openPage(url);
    await selectPassage(page, 'p1', 'umfassende strategische Partnerschaft');
    await inToolbar(page, '.cl-act-note', 'click');
    await inToolbar(page, '.cl-note', { type: 'erste Fassung' });
    await inToolbar(page, '.cl-save', 'click');
    const [saved] = await until('the note', async () => {
      const list = await listed(url);
      return list.length === 1 && list;
    });
    const tabId = await tabIdOf(h, url);
    await until('the note placed', async () => (await status(tabId)).placed.length === 1);

    const sidebar = await openSidebar(h, tabId);
    const item = `li.annotation[data-annotation="${saved!.id}"]`;
    await clickWhenThere(sidebar, `${item} button.edit`);
    await typeInto(sidebar, `${item} textarea.note-edit`, 'zweite Fassung');
    await clickWhenThere(sidebar, `${item} button.save`);
    await until('the edited note stored', async () => (await listed(url))[0]?.note === 'zweite Fassung');
    await sidebar.waitForFunction((s) => document.querySelector(`${s} .note`)?.textContent === 'zweite Fassung', { timeout: 10_000, polling: 50 }, item);
    expect((await listed(url))[0]).toMatchObject({ id: saved!.id, created: saved!.created, selectors: saved!.selectors });

    await clickWhenThere(sidebar, `${item} button.delete`);
    await until('the note deleted', async () => (await listed(url)).length === 0);
    await until('the page to drop its highlight', async () => (await status(tabId)).placed.length === 0);
    await sidebar.waitForFunction((s) => !document.querySelector(s), { timeout: 10_000, polling: 50 }, item);
    await Promise.all([sidebar.close(), page.close()]);
  });

  it('shows an annotation whose passage is gone as orphaned, and places it when the passage arrives later', async () => {
    const url = h.server.url('/annotations/late.html');
    const full = await h.openPage(url);
    await selectPassage(full, 'later', LATE);
    await inToolbar(full, '.cl-act-note', 'click');
    await inToolbar(full, '.cl-note', { type: 'Reiseroute' });
    await inToolbar(full, '.cl-save', 'click');
    const [saved] = await until('the note', async () => {
      const list = await listed(url);
      return list.length === 1 && list;
    });
    await full.close();

    // The same address without the paragraph: nothing near the passage is left to anchor to.
    const page = await h.openPage(`${url}#late`);
    const tabId = await tabIdOf(h, `${url}#late`);
    expect(await until('the orphan', async () => {
      const s = await status(tabId);
      return s.orphans.length === 1 && s;
    })).toMatchObject({ placed: [], orphans: [saved!.id] });
    const sidebar = await openSidebar(h, tabId);
    await sidebar.waitForSelector(`li.annotation.orphan[data-annotation="${saved!.id}"] .orphan-label`, { timeout: 10_000 });
    expect(await sidebar.$eval(`li.annotation[data-annotation="${saved!.id}"] .quote`, (b) => b.textContent)).toBe(LATE);

    // Infinite scroll brings the paragraph to the tab being read (change batches wait for a frame, and a
    // background tab draws none): the content script's change batch anchors the orphan.
    await page.bringToFront();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Die Delegation reiste am Abend weiter nach Hanoi, wo weitere Gespräche geplant waren.';
      document.getElementById('feed')!.append(p);
    });
    const placed = await until('the late passage anchored', async () => {
      const s = await status(tabId);
      return s.placed.length === 1 && s;
    });
    expect(placed).toMatchObject({ placed: [{ id: saved!.id, text: LATE }], orphans: [] });
    await Promise.all([sidebar.close(), page.close()]);
  });

  it('records a page read as a source of the claims the matcher found there, unconfirmed', async () => {
    const url = h.server.url('/ui/article.html?read');
    const page = await h.openPage(url);
    const tabId = await tabIdOf(h, url);
    const { recorded } = await until('the page recorded', async () => {
      const s = await status(tabId);
      return s.recorded !== null && s;
    });
    expect(recorded).toBeGreaterThan(0);
    const mine = (await exported()).user.occurrences.filter((o) => o.sourceId === `page:${url}`);
    expect(mine.length).toBe(recorded);
    expect(mine.every((o) => !o.confirmed)).toBe(true);
    const details = await value<ClaimDetails>(ext, { type: 'claim.details', params: { id: mine[0]!.claimId } });
    expect(details.occurrences.find((o) => o.source.id === `page:${url}`)?.source).toMatchObject({ url, title: await page.title() });
    await page.close();
  });

  it('records nothing of a page read while recording is turned off in the settings', async () => {
    await saveSettings(h, (o) => clickWhenThere(o, '#record-reading'));
    expect((await exported()).user.settings.recordReading).toBe(false);
    const url = h.server.url('/ui/article.html?off');
    const page = await h.openPage(url);
    const tabId = await tabIdOf(h, url);
    // The background answered the page's request to be recorded: with 0, and nothing stored.
    expect((await until('the answer to recording', async () => {
      const s = await status(tabId);
      return s.recorded !== null && s;
    })).recorded).toBe(0);
    const file = await exported();
    expect(file.user.sources.filter((s) => s.url === url)).toEqual([]);
    expect(file.user.occurrences.filter((o) => o.sourceId === `page:${url}`)).toEqual([]);
    await page.close();
    await saveSettings(h, (o) => clickWhenThere(o, '#record-reading'));
    expect((await exported()).user.settings.recordReading).toBe(true);
  });

  it('adds the current page to the knowledge base from the sidebar, with the claims the matcher found', async () => {
    const url = h.server.url('/ui/article.html?add');
    const page = await h.openPage(url);
    await waitForHighlights(page);
    const tabId = await tabIdOf(h, url);
    const sidebar = await openSidebar(h, tabId);
    await clickWhenThere(sidebar, 'button.add-page-button');
    const message = await until('the page added', () =>
      sidebar.evaluate(() => document.querySelector('[data-status="add-page"]:not(.error)')?.textContent || null),
    );
    const file = await exported();
    const source = file.user.sources.find((s) => s.id.startsWith('article:') && s.url === url);
    expect(source).toMatchObject({ title: await page.title(), lang: 'de' });
    expect(source!.text).toContain('Konkret drohte Putin damit, Nordkorea mit Präzisionswaffen auszustatten.');
    const claims = new Set(file.user.occurrences.filter((o) => o.sourceId === source!.id).map((o) => o.claimId));
    expect(claims.size).toBeGreaterThan(0);
    expect(message).toContain(String(claims.size));
    const details = await value<ClaimDetails>(ext, { type: 'claim.details', params: { id: [...claims][0]! } });
    expect(details.occurrences.some((o) => o.source.id === source!.id)).toBe(true);
    await Promise.all([sidebar.close(), page.close()]);
  });

  it('waits the hover delay set on the options page before a card shows, and follows a change live', async () => {
    await saveSettings(h, (o) => typeInto(o, '#hover-delay', '2000'));
    expect((await exported()).user.settings.hoverDelayMs).toBe(2000);
    const page = await h.openPage('/ui/article.html?hover');
    await waitForHighlights(page);
    const point = await pointOf(page, 'cl-entity', 'Wladimir Putin');
    // No card at 600 ms, nor until the two seconds are up.
    expect(await cardDelay(page, point)).toBeGreaterThanOrEqual(2000);

    // The page stays open: the content script hears the change and the next hover uses the short delay.
    await saveSettings(h, (o) => typeInto(o, '#hover-delay', '200'));
    const short = await until('a card sooner than the long delay', async () => {
      const ms = await cardDelay(page, point);
      return ms < 2000 && ms;
    }, 30_000);
    expect(short).toBeGreaterThanOrEqual(200);
    await page.close();
  });
});

/**
 * Private windows, in Chromium: a browser context made with Target.createBrowserContext is off the record, and
 * CDP's Extensions.loadUnpacked can allow the extension there (as the user's "Allow in Incognito" does); its tabs
 * report incognito. The extension's pages and background cannot message such a tab (Chromium answers "Receiving
 * end does not exist"), so the test reads only the database, after a barrier: the user confirms a claim in the
 * private tab, and that record waits for the matcher's earlier one (the controller sends them in order).
 * Firefox has no such path under puppeteer: WebDriver BiDi opens no private windows (its user contexts are
 * containers), and with browser.privatebrowsing.autostart a temporary add-on is not allowed in them; Firefox
 * grants that only through about:addons or an enterprise policy installed for the whole machine. There the
 * refusal is unit-tested (shared/userdata/types.test.ts, extension/background/user-handlers.test.ts).
 */
describe('private window in chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch('chromium');
    const before = h.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(h.origin));
    const session = await h.browser.target().createCDPSession();
    // The same folder again: an update of the same extension, now allowed in incognito.
    await session.send('Extensions.loadUnpacked', { path: h.extensionDir, enableInIncognito: true });
    await session.detach();
    await h.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(h.origin) && t !== before, { timeout: 15_000 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records nothing of a page read in a private window, neither what the matcher found nor what the user confirmed', async () => {
    const ext = await h.openExtensionPage('reader/reader.html');
    const kb = JSON.parse(readFileSync(`${h.extensionDir}/kb.json`, 'utf8')) as KnowledgeBase;
    const claim = kb.claims.find((c) => c.id === 'putin-deepens-alliance-with-kim-jong-un')!;
    const url = h.server.url('/ui/article.html?private');
    const incognito = await h.browser.createBrowserContext();
    const page = await incognito.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await waitForHighlights(page);
    const tabId = await tabIdOf(h, url);
    const tabs = await ext.evaluate(async () => (await chrome.tabs.query({})).map((t) => ({ id: t.id, incognito: t.incognito })));
    expect(tabs.find((t) => t.id === tabId)?.incognito).toBe(true);

    await selectPassage(page, '', 'Doch mit Nordkoreas Diktator Kim Jong Un will er die Zusammenarbeit vertiefen.');
    await inToolbar(page, '.cl-act-claim', 'click');
    await inToolbar(page, '.cl-claim-search', { type: claim.statement.de });
    await inToolbar(page, `.cl-choice[data-claim="${claim.id}"]`, 'click');
    await until('the confirmation saved', async () => (await value<UserAnnotation[]>(ext, { type: 'annotations.list', params: { url } })).length === 1);
    await page.waitForFunction(() => !document.querySelector('cl-annotate')?.shadowRoot?.querySelector('.cl-toolbar'), { timeout: 10_000, polling: 50 });

    const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(file.user.sources).toEqual([]);
    expect(file.user.occurrences).toEqual([]);

    // The same page in an ordinary window is recorded: what the private window did not do is not a lack of claims.
    const ordinary = await h.openPage(url);
    const ordinaryTab = await until('the ordinary tab', async () => {
      const reports = await h.evaluateInBackground(sessionReports);
      return Object.keys(reports).map((k) => Number(k.slice(4))).find((id) => id !== tabId && reports[`tab:${id}`]!.url === url);
    });
    const normal = await until('the ordinary page recorded', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, ordinaryTab);
      return s.recorded !== null && s;
    });
    expect(normal.recorded).toBeGreaterThan(0);
    expect((await value<ExportFile>(ext, { type: 'data.export', params: {} })).user.sources.map((s) => s.url)).toEqual([url]);
    await Promise.all([ordinary.close(), page.close()]);
    await incognito.close();
  });
});

declare const chrome: { tabs: { query(q: object): Promise<Array<{ id: number; incognito: boolean }>> } };
