/**
 * Learning from pages read, in both real browsers: three articles of one made-up story (English, German and
 * English wire copy) read on three sites for five visible seconds, then a fourth on a fourth site links its
 * statements to them, in its card and in the sidebar, each passage linked at its place (text fragment); a fresh
 * profile highlights no learned statement; the options page lists what was learned per site and deletes it; a
 * private window records nothing (Chromium only: WebDriver BiDi opens no private windows in Firefox, see
 * annotations-more.e2e.ts).
 * Fixtures: fixtures/learned/*.html. Each site is its own fixture server: another port is another site.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnedOverview, TabClaims } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { tabIdOf, until, value } from './fixtures/annotations/drive.ts';
import { startFixtureServer, type FixtureServer } from './fixtures/server.ts';
import { highlightTexts, hover, pointOf, waitForCard } from './ui-page.ts';

// The page's own wording is left out of "also reported by" (ui/sources.ts): the fourth article words it its own way.
const HALLGREN = 'Transport minister Tobias Hallgren said on Wednesday that the line between Lindqvarn and Brekke would stay closed at least until Friday.';
/** A photo caption the wire's photo brings to every site: a caption is no statement, so it is never linked. */
const CAPTION = 'Rescue crews pump fertiliser out of the Vessa river';
const MAYOR = 'The mayor of Brekke, Sanna Lund, said the closure would cut off hundreds of commuters every morning.';
const READ = [
  { path: '/learned/ledger.html', title: 'Freight train derails near Lindqvarn, fertiliser spills into river' },
  { path: '/learned/tagesblatt.html', title: 'Güterzug bei Lindqvarn entgleist – Dünger im Fluss Vessa' },
  { path: '/learned/wire.html', title: 'Investigators examine repaired track after Lindqvarn derailment' },
];

/** The overview of what was learned. */
const learned = (ext: Page) => value<LearnedOverview>(ext, { type: 'learned.list', params: {} });

/**
 * Waits until the page's content script has reported its scan, and, with `linked`, until the report holds the links
 * to pages read too: they are drawn when the background's answer comes, after the page's own findings.
 */
async function scanned(h: Harness, ext: Page, url: string, linked = false): Promise<TabClaims> {
  const tabId = await tabIdOf(h, url);
  return until(linked ? 'the links to pages read in the tab report' : 'the tab report', async () => {
    const report = await value<TabClaims | null>(ext, { type: 'tab.claims', params: { tabId } });
    return report && (!linked || report.claims.some((c) => c.id.startsWith('learned:'))) && report;
  });
}

/** The sites learned from among `hosts` (the harness's own site may have learned the fresh page too). */
const among = (overview: LearnedOverview, hosts: readonly string[]) => overview.sites.filter((s) => hosts.includes(s.site));

/** The claim card's sources: titles and their links. */
function cardSources(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card');
    if (!card) return null;
    return {
      statement: card.querySelector('.cl-statement')?.textContent ?? '',
      titles: [...card.querySelectorAll('.cl-source-title')].map((e) => e.textContent ?? ''),
      links: [...card.querySelectorAll('a.cl-source-link')].map((a) => (a as HTMLAnchorElement).href),
      passages: [...card.querySelectorAll('blockquote.cl-quote')].map((q) => q.textContent ?? ''),
    };
  });
}

describe.each(BROWSERS)('learning from pages read in %s', (name) => {
  let h: Harness;
  let ext: Page;
  /** Three more sites besides the harness's own. */
  const sites: FixtureServer[] = [];
  const hosts = () => sites.map((s) => new URL(s.origin).host);

  beforeAll(async () => {
    h = await launch(name);
    for (let i = 0; i < 3; i++) sites.push(await startFixtureServer());
    ext = await h.openExtensionPage('options/options.html');
  });
  afterAll(async () => {
    await Promise.all(sites.map((s) => s.close()));
    await h?.close();
  });

  it('highlights no learned statement in a fresh profile', async () => {
    const url = h.server.url('/learned/courier.html?fresh');
    const page = await h.openPage(url);
    const report = await scanned(h, ext, url);
    expect(report.claims.filter((c) => c.id.startsWith('learned:'))).toEqual([]);
    expect(await highlightTexts(page, 'cl-claim')).toEqual([]);
    expect((await learned(ext)).sites).toEqual([]);
    await page.close();
  });

  it('learns three articles of a story read on three sites, and links a fourth to them in its card and sidebar', async () => {
    for (const [i, article] of READ.entries()) {
      const page = await h.openPage(sites[i]!.url(article.path));
      await page.bringToFront();
      await until(`${article.path} learned`, async () => among(await learned(ext), hosts()).length === i + 1, 30_000);
      await page.close();
    }
    const overview = { ...(await learned(ext)) };
    overview.sites = among(overview, hosts());
    expect(overview.sites.map((s) => s.pages.map((p) => p.title))).toEqual(
      [...READ.entries()].sort(([a], [b]) => sites[a]!.origin.localeCompare(sites[b]!.origin)).map(([, r]) => [r.title]),
    );
    // The publication date from the page's metadata, not the day it was read.
    expect(overview.sites.flatMap((s) => s.pages.map((p) => p.date)).sort()).toEqual(['2026-11-10', '2026-11-11', '2026-11-11']);
    for (const s of overview.sites) expect(s.pages[0]!.statements).toBeGreaterThanOrEqual(4);

    const url = h.server.url('/learned/courier.html');
    const page = await h.openPage(url);
    await page.setViewport({ width: 1000, height: 800 });
    const report = await scanned(h, ext, url, true);
    const linked = report.claims.filter((c) => c.id.startsWith('learned:'));
    expect(linked.map((c) => c.text)).toContain(HALLGREN);
    // A sentence no other site wrote stays plain.
    expect(linked.map((c) => c.text)).not.toContain(MAYOR);
    // Nor does the caption all four sites carry under the same photo.
    expect(linked.map((c) => c.text).filter((t) => t.includes(CAPTION))).toEqual([]);
    expect(await highlightTexts(page, 'cl-claim')).toContain(HALLGREN);

    await page.bringToFront();
    await hover(page, await pointOf(page, 'cl-claim', HALLGREN, 'closed'));
    await waitForCard(page, true);
    let seen: Awaited<ReturnType<typeof cardSources>> = null;
    const card = await until('the card with the pages read', async () => {
      seen = await cardSources(page);
      return seen && seen.titles.length >= 3 && seen;
    }).catch((err: unknown) => {
      throw new Error(`${String(err)}; the card showed ${JSON.stringify(seen)}`);
    });
    expect(new Set(card.titles)).toEqual(new Set(READ.map((r) => r.title)));
    // Each passage links to its page on its own site, at the passage.
    for (const [i, r] of READ.entries()) {
      const link = card.links.find((l) => l.startsWith(sites[i]!.url(r.path)));
      expect(link, JSON.stringify(card.links)).toMatch(/#:~:text=/);
    }
    expect(card.passages.some((p) => p.includes('bleibe mindestens bis Freitag gesperrt'))).toBe(true);

    const tabId = await tabIdOf(h, url);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const listed = await sidebar.evaluate((text) => {
      const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === text);
      if (!row) return null;
      (row.querySelector('.claim-toggle') as HTMLButtonElement).click();
      return new Promise<string[]>((resolve) =>
        requestAnimationFrame(() => resolve([...row.querySelectorAll('.claim-sources .cl-source-title')].map((e) => e.textContent ?? ''))),
      );
    }, HALLGREN);
    expect(new Set(listed)).toEqual(new Set(card.titles));
    await sidebar.close();
    await page.close();
  });

  it('takes a page read out of a link for good when the reader says "Not this claim" on it, in card and sidebar alike', async () => {
    const url = h.server.url('/learned/courier.html?reject');
    const page = await h.openPage(url);
    await page.setViewport({ width: 1000, height: 800 });
    await scanned(h, ext, url, true);
    await page.bringToFront();
    await hover(page, await pointOf(page, 'cl-claim', HALLGREN, 'closed'));
    await waitForCard(page, true);
    const tagesblatt = `read:${sites[1]!.url(READ[1]!.path)}`;
    await until('the German page read in the card', () =>
      page.evaluate((id) => !!document.querySelector('cl-root')?.shadowRoot?.querySelector(`.cl-source[data-source="${CSS.escape(id)}"] .cl-reject-source`), tagesblatt),
    );
    await page.evaluate((id) => {
      const entry = document.querySelector('cl-root')?.shadowRoot?.querySelector(`.cl-source[data-source="${CSS.escape(id)}"]`);
      (entry?.querySelector('.cl-reject-source') as HTMLButtonElement).click();
    }, tagesblatt);
    const card = await until('the German page read gone from the card', async () => {
      const seen = await cardSources(page);
      return seen && !seen.titles.includes(READ[1]!.title) && seen;
    });
    expect(new Set(card.titles)).toEqual(new Set([READ[0]!.title, READ[2]!.title]));
    const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(file.user.rejections).toContainEqual(expect.objectContaining({ url: sites[1]!.url(READ[1]!.path), claimId: expect.stringMatching(/^link:/) }));

    // The sidebar lists what the card lists.
    const tabId = await tabIdOf(h, url);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const listed = await sidebar.evaluate((text) => {
      const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === text);
      (row?.querySelector('.claim-toggle') as HTMLButtonElement | undefined)?.click();
      return new Promise<string[]>((resolve) =>
        requestAnimationFrame(() => resolve([...(row?.querySelectorAll('.claim-sources .cl-source-title') ?? [])].map((e) => e.textContent ?? ''))),
      );
    }, HALLGREN);
    expect(listed).toEqual(card.titles);
    await sidebar.close();

    // Linked again on the next visit, the sentence does not take the rejected passage back.
    await page.reload();
    await until('the links to pages read after the reload', async () => {
      const report = await value<TabClaims | null>(ext, { type: 'tab.claims', params: { tabId } });
      return report?.claims.some((c) => c.id.startsWith('learned:') && c.text === HALLGREN);
    });
    await hover(page, await pointOf(page, 'cl-claim', HALLGREN, 'closed'));
    await waitForCard(page, true);
    const again = await until('the card after the reload', async () => {
      const seen = await cardSources(page);
      return seen && seen.titles.length >= 2 && seen;
    });
    expect(new Set(again.titles)).toEqual(new Set([READ[0]!.title, READ[2]!.title]));
    await page.close();
  });

  it('lists what was learned per site on the options page, and deletes a page and a site', async () => {
    const options = await h.openExtensionPage('options/options.html');
    await options.waitForSelector('.learned-site', { timeout: 15_000 });
    const listed = await options.$$eval('.learned-site', (els) => els.map((e) => e.getAttribute('data-site')));
    expect(listed.filter((s) => hosts().includes(s!))).toEqual(hosts().sort());
    // A whole site.
    const site = new URL(sites[0]!.origin).host;
    await options.$eval(`.learned-site[data-site="${site}"] .learned-delete-site`, (b) => (b as HTMLButtonElement).click());
    await until('the site gone', async () => !(await learned(ext)).sites.some((s) => s.site === site));
    await options.waitForFunction((s) => !document.querySelector(`.learned-site[data-site="${s}"]`), { timeout: 10_000, polling: 50 }, site);
    // One page.
    const page = sites[1]!.url(READ[1]!.path);
    await options.$eval(`.learned-page[data-url="${page}"] .learned-delete-page`, (b) => (b as HTMLButtonElement).click());
    await until('the page gone', async () => !(await learned(ext)).sites.some((s) => s.pages.some((p) => p.url === page)));
    expect(among(await learned(ext), hosts()).map((s) => s.site)).toEqual([hosts()[2]]);
    await options.close();
  });
});

describe('learning in a private window in chromium', () => {
  let h: Harness;
  let other: FixtureServer;
  beforeAll(async () => {
    h = await launch('chromium');
    other = await startFixtureServer();
    const before = h.browser.targets().find((t) => t.type() === 'service_worker' && t.url().startsWith(h.origin));
    const session = await h.browser.target().createCDPSession();
    // The same folder again: an update of the same extension, now allowed in incognito.
    await session.send('Extensions.loadUnpacked', { path: h.extensionDir, enableInIncognito: true });
    await session.detach();
    await h.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(h.origin) && t !== before, { timeout: 15_000 });
  });
  afterAll(async () => {
    await other?.close();
    await h?.close();
  });

  it('learns nothing from an article read in a private window', async () => {
    const ext = await h.openExtensionPage('options/options.html');
    const privateUrl = h.server.url('/learned/ledger.html?private');
    const incognito = await h.browser.createBrowserContext();
    const page = await incognito.newPage();
    await page.goto(privateUrl, { waitUntil: 'load' });
    await tabIdOf(h, privateUrl);
    // The same kind of article in an ordinary window, opened after the private one, is learned: by then the
    // private page has been open longer than the five seconds that make a page read.
    const ordinaryUrl = other.url('/learned/wire.html');
    await h.openPage(ordinaryUrl);
    const overview = await until('the ordinary page learned', async () => {
      const o = await learned(ext);
      return o.sites.length > 0 && o;
    }, 30_000);
    expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
    expect(overview.sites.flatMap((s) => s.pages.map((p) => p.url))).toEqual([ordinaryUrl]);
    await page.close();
    await incognito.close();
  });
});
