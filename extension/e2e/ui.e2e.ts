/**
 * The extension's UI in both real browsers, on a served article page (fixtures/ui/article.html): highlights that
 * leave the page as it was, hover cards, the sidebar, the reader, pages that change after load, and the keyboard.
 * Tests in a describe block share one browser and run in order: each starts from where the previous one left off.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { highlightTexts, hover, inView, pointOf, readCard, screenshotCard, waitForCard, waitForHighlights } from './ui-page.ts';

const EXPECTED = JSON.parse(readFileSync(new URL('./fixtures/ui/article.expected.json', import.meta.url), 'utf8')) as {
  entities: string[];
  claims: string[];
  hoverEntity: { text: string; card: string[] };
  hoverClaim: { passage: string; word: string; card: string[]; otherSources: number };
  neverHighlightedIn: string[];
};
/** Screenshots for people to look at (and the README's pictures to be chosen from); gitignored. */
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const ARTICLE = '/ui/article.html';

/** The extension API object of an extension page's main world (Firefox: browser, Chromium: chrome). */
type Api = { tabs: { query(q: object): Promise<{ id: number }[]>; getCurrent(): Promise<{ id: number }>; sendMessage(id: number, m: unknown): Promise<unknown> }; runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; value: unknown }> } };

/** The id of the tab whose page reported findings to the background (the article), asked from an extension page. */
function articleTabId(extensionPage: Page): Promise<number> {
  return extensionPage.evaluate(async () => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    const me = await api.tabs.getCurrent();
    for (const tab of await api.tabs.query({})) {
      if (tab.id === me?.id) continue;
      const answer = await api.runtime.sendMessage({ type: 'tab.claims', params: { tabId: tab.id } });
      if (answer.ok && answer.value) return tab.id;
    }
    throw new Error('no tab has reported findings');
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The open tab whose address passes `test`, waiting for it to appear. Asks each page for location.href: over
 * WebDriver BiDi (Firefox) a tab the extension opened on a moz-extension:// page keeps reporting about:blank.
 */
async function pageWhere(h: Harness, test: (url: string) => boolean): Promise<Page> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    for (const page of await h.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (test(href)) return page;
    }
    await pause(100);
  }
  throw new Error('no such tab opened');
}

describe.each(BROWSERS)('UI in %s', (name) => {
  let h: Harness;
  let article: Page;
  let sidebar: Page;
  let tabId: number;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name);
    article = await h.openPage(ARTICLE);
    await article.setViewport({ width: 1100, height: 800 });
    // Reloaded at the final size, so the layout the fixture records at DOMContentLoaded (before the content
    // script runs at document_idle) is comparable with the layout after highlighting.
    await article.reload({ waitUntil: 'load' });
    await waitForHighlights(article);
  });
  afterAll(async () => h?.close());

  it('highlights known names and claims, and leaves the page text and layout as they were', async () => {
    const entities = await highlightTexts(article, 'cl-entity');
    const claims = await highlightTexts(article, 'cl-claim');
    for (const text of EXPECTED.entities) expect(entities).toContain(text);
    for (const text of EXPECTED.claims) expect(claims).toContain(text);
    const page = await article.evaluate(async (skipped: string[]) => {
      const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const layout = [...document.querySelectorAll('main p, main h1, main h2')].map((el) => {
        const b = el.getBoundingClientRect();
        return [b.x, b.y + scrollY, b.width, b.height].join(',');
      });
      const ranges = ['cl-entity', 'cl-claim'].flatMap((n) => [...((CSS.highlights.get(n) as Iterable<Range>) ?? [])]);
      const inSkipped = ranges.filter((r) => {
        const el = r.commonAncestorContainer instanceof Element ? r.commonAncestorContainer : r.commonAncestorContainer.parentElement;
        return skipped.some((s) => el?.closest(s));
      });
      return {
        textSame: served.body.textContent === document.body.textContent,
        layoutSame: JSON.stringify(layout) === JSON.stringify((window as { fixtureLayout?: string[] }).fixtureLayout),
        inSkipped: inSkipped.map((r) => r.toString()),
        marks: document.querySelectorAll('mark').length,
      };
    }, EXPECTED.neverHighlightedIn);
    expect(page).toEqual({ textSame: true, layoutSame: true, inSkipped: [], marks: 0 });
  });

  it('shows a name’s card after a dwell, keeps it while hovered, and closes it on Escape', async () => {
    const pointer = await pointOf(article, 'cl-entity', EXPECTED.hoverEntity.text);
    await hover(article, pointer);
    expect(await readCard(article)).toBeNull();
    const card = await waitForCard(article, true);
    for (const text of EXPECTED.hoverEntity.card) expect(card?.text).toContain(text);
    await screenshotCard(article, `${SHOTS}card-entity-${name}.png`, pointer);
    // Onto the card itself: it stays (WCAG 1.4.13, hoverable).
    const box = await article.evaluate(() => {
      const b = document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card')!.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + 20 };
    });
    await article.mouse.move(box.x, box.y, { steps: 4 });
    await pause(500);
    expect(await readCard(article)).not.toBeNull();
    await article.keyboard.press('Escape');
    await waitForCard(article, false);
  });

  it('lists the other sources of a claim, each with its own quote and a link', async () => {
    await article.mouse.move(5, 5);
    const pointer = await pointOf(article, 'cl-claim', EXPECTED.hoverClaim.passage, EXPECTED.hoverClaim.word);
    await hover(article, pointer);
    const card = await waitForCard(article, true);
    for (const text of EXPECTED.hoverClaim.card) expect(card?.text).toContain(text);
    expect(card?.sources).toBeGreaterThanOrEqual(EXPECTED.hoverClaim.otherSources);
    // The article is a copy of a KB source: its own wording is not "also reported by".
    expect(card?.text).not.toContain(EXPECTED.hoverClaim.passage);
    expect(card?.links.filter((href) => !href.startsWith(`${h.origin}reader/reader.html?source=`))).toEqual([]);
    await screenshotCard(article, `${SHOTS}card-claim-${name}.png`, pointer);
  });

  it('opens a link to another source in the reader, with the quote highlighted and in view', async () => {
    const quote = await article.evaluate(() => {
      const link = document.querySelector('cl-root')!.shadowRoot!.querySelector('a.cl-source-link') as HTMLAnchorElement;
      link.click();
      return link.textContent ?? '';
    });
    const reader = await pageWhere(h, (url) => url.includes('reader/reader.html?source='));
    await reader.waitForFunction(() => !!document.querySelector('mark.passage'), { timeout: 15_000, polling: 50 });
    const shown = await reader.evaluate(() => {
      const marks = [...document.querySelectorAll('mark.passage')];
      const b = marks[0]!.getBoundingClientRect();
      return { texts: marks.map((m) => m.textContent), top: b.top, bottom: b.bottom, height: innerHeight };
    });
    expect(shown.texts).toContain(quote);
    expect(inView(shown, shown.height)).toBe(true);
    await reader.close();
    await article.bringToFront();
    await article.keyboard.press('Escape');
  });

  it('lists the page’s claims in page order in the sidebar, and a click scrolls the article to one', async () => {
    const probe = await h.openExtensionPage('sidebar/sidebar.html');
    tabId = await articleTabId(probe);
    await probe.close();
    sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.setViewport({ width: 380, height: 900 });
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const listed = await sidebar.$$eval('.claim-passage', (els) => els.map((e) => e.textContent));
    expect(listed).toEqual(await highlightTexts(article, 'cl-claim'));
    await sidebar.click('.claim-toggle');
    await sidebar.waitForSelector('.claim-sources .cl-source');
    await sidebar.screenshot({ path: `${SHOTS}sidebar-${name}.png` });

    const last = listed.length - 1;
    await article.evaluate(() => scrollTo(0, 0));
    const buttons = await sidebar.$$('.claim-main');
    await buttons[last]!.click();
    await article.waitForFunction(() => (CSS.highlights.get('cl-flash')?.size ?? 0) === 1, { timeout: 5_000, polling: 50 });
    const where = await article.evaluate(() => {
      const range = [...(CSS.highlights.get('cl-flash') as Iterable<Range>)][0]!;
      const b = range.getBoundingClientRect();
      return { text: range.toString(), top: b.top, bottom: b.bottom, height: innerHeight, scrolled: scrollY };
    });
    expect(where.text).toBe(listed[last]);
    expect(where.scrolled).toBeGreaterThan(0);
    expect(inView(where, where.height)).toBe(true);
  });

  it('highlights paragraphs added after load, and the sidebar follows', async () => {
    await article.bringToFront();
    await article.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'Nachtrag: <i>Kim Jong Un</i> empfing Putin in Pjöngjang.';
      document.querySelector('#more')!.append(p);
    });
    await article.waitForFunction(
      () => [...((CSS.highlights.get('cl-entity') as Iterable<Range>) ?? [])].some((r) => r.startContainer.parentElement?.closest('#more')),
      { timeout: 10_000, polling: 50 },
    );
    const added = await article.evaluate(() =>
      [...(CSS.highlights.get('cl-entity') as Iterable<Range>)].filter((r) => r.startContainer.parentElement?.closest('#more')).map((r) => r.toString()),
    );
    expect(added).toEqual(expect.arrayContaining(['Kim Jong Un', 'Putin', 'Pjöngjang']));
    await sidebar.waitForFunction(() => [...document.querySelectorAll('.entity')].some((e) => /\b[2-9]\d*\b/.test(e.textContent ?? '')), { timeout: 10_000 });
  });

  it('steps through the highlights from the keyboard command and opens their cards with focus', async () => {
    await article.bringToFront();
    await article.evaluate(() => scrollTo(0, 0));
    await sidebar.evaluate(async (id: number) => {
      const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
      await api.tabs.sendMessage(id, { type: 'page.step', params: { direction: 1 } });
      await api.tabs.sendMessage(id, { type: 'page.step', params: { direction: 1 } });
    }, tabId);
    const card = await waitForCard(article, true);
    const state = await article.evaluate(() => ({
      focused: document.activeElement?.tagName.toLowerCase(),
      inCard: !!document.querySelector('cl-root')!.shadowRoot!.activeElement?.closest('.cl-card'),
      focusRanges: CSS.highlights.get('cl-focus')?.size,
    }));
    expect(card?.text.length).toBeGreaterThan(0);
    expect(state).toEqual({ focused: 'cl-root', inCard: true, focusRanges: 1 });
    await article.keyboard.press('Escape');
    await waitForCard(article, false);
  });
});
