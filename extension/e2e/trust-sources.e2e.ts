/**
 * "Not this claim" on another source, in both real browsers: a page read earlier and recorded as a source of a
 * claim is listed under "also reported by" on a later page; the reader rejects it there, in the card or in the
 * sidebar. The source leaves both lists at once, the rejection is stored under the page's address without its
 * tracking parameters, so the page never becomes that source again, reached by another link or not, and it travels
 * through export and import. The knowledge base's own sources offer no such button.
 * Fixtures: fixtures/careful/read-first.html and other-outlet.html (English, read first), sentence.html (German).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabClaims } from '../../shared/messages.ts';
import { RECORD_MIN_SCORE } from '../content/report.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { tabIdOf, until, value } from './fixtures/annotations/drive.ts';
import { highlightTexts, hover, pointOf, waitForCard, waitForHighlights } from './ui-page.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const THREAT_CLAIM = 'putin-threatens-to-arm-north-korea';
const MISTAKE_CLAIM = 'putin-warns-south-korea-arming-ukraine-would-be-grave-mistake';
const THREAT = 'Putin drohte, Nordkorea mit Waffen zu beliefern, und schloss solche Lieferungen ausdrücklich nicht aus.';
const MISTAKE = 'Putin warnte Südkorea, Waffenlieferungen an die Ukraine wären ein großer Fehler.';
const BODY = 'Vladimir Putin threatened to supply North Korea with weapons and expressly did not rule out such deliveries.';

const exportOf = (ext: Page) => value<ExportFile>(ext, { type: 'data.export', params: {} });

/** The sources the open card lists: id, whether each offers "Not this claim", and its passages. */
function cardEntries(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card');
    if (!card) return null;
    return [...card.querySelectorAll<HTMLElement>('.cl-source')].map((e) => ({
      id: e.dataset.source ?? '',
      title: e.querySelector('.cl-source-title')?.textContent ?? '',
      rejectable: !!e.querySelector('.cl-reject-source'),
    }));
  });
}

/** The sidebar row of the claim whose page passage is `text`, unfolded: its sources as the card lists them. */
function sidebarEntries(sidebar: Page, text: string) {
  return sidebar.evaluate(async (passage) => {
    const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === passage);
    if (!row) return null;
    const toggle = row.querySelector('.claim-toggle') as HTMLButtonElement;
    if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return [...row.querySelectorAll<HTMLElement>('.claim-sources .cl-source')].map((e) => ({
      id: e.dataset.source ?? '',
      title: e.querySelector('.cl-source-title')?.textContent ?? '',
      rejectable: !!e.querySelector('.cl-reject-source'),
    }));
  }, text);
}

describe.each(BROWSERS)('"Not this claim" on another source in %s', (name) => {
  let h: Harness;
  let ext: Page;
  /** read-first.html as a newsletter linked it: the tracking parameters are not part of the page. */
  let taggedUrl: string;
  let plainUrl: string;
  let otherUrl: string;
  let sentenceUrl: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name);
    ext = await h.openExtensionPage('options/options.html');
    plainUrl = h.server.url('/careful/read-first.html');
    taggedUrl = `${plainUrl}?utm_source=newsletter&utm_medium=email`;
    otherUrl = h.server.url('/careful/other-outlet.html');
    sentenceUrl = h.server.url('/careful/sentence.html');
    for (const url of [taggedUrl, otherUrl]) {
      const page = await h.openPage(url);
      await until(`${url} recorded as a page read`, async () => (await exportOf(ext)).user.occurrences.some((o) => o.sourceId === `page:${url}`));
      await page.close();
    }
  });
  afterAll(async () => h?.close());

  it('rejects a page read in the card: it leaves the card and the sidebar at once, and the rejection is stored without tracking parameters', async () => {
    const page = await h.openPage(sentenceUrl);
    await page.setViewport({ width: 1000, height: 800 });
    await waitForHighlights(page);
    await page.evaluate((text) => [...document.querySelectorAll('p')].find((p) => p.textContent === text)?.scrollIntoView({ block: 'center' }), THREAT);
    await hover(page, await pointOf(page, 'cl-claim', THREAT, 'beliefern'));
    await waitForCard(page, true);
    const before = await until('the page read in the card', async () => {
      const entries = await cardEntries(page);
      return entries?.some((e) => e.id === `page:${taggedUrl}`) && entries;
    });
    // Only the page read offers "Not this claim"; the knowledge base's sources are curated.
    expect(before.filter((e) => e.rejectable).map((e) => e.id)).toEqual([`page:${taggedUrl}`]);
    expect(before.filter((e) => !e.rejectable).length).toBeGreaterThan(0);
    await page.evaluate((id) => {
      const entry = document.querySelector('cl-root')?.shadowRoot?.querySelector(`.cl-source[data-source="${CSS.escape(id)}"]`);
      entry?.scrollIntoView({ block: 'center' });
    }, `page:${taggedUrl}`);
    await page.screenshot({ path: `${SHOTS}reject-source-card-${name}.png` });

    await page.evaluate((id) => {
      const entry = document.querySelector('cl-root')?.shadowRoot?.querySelector(`.cl-source[data-source="${CSS.escape(id)}"]`);
      (entry?.querySelector('.cl-reject-source') as HTMLButtonElement).click();
    }, `page:${taggedUrl}`);
    const after = await until('the page read gone from the open card', async () => {
      const entries = await cardEntries(page);
      return entries && !entries.some((e) => e.id === `page:${taggedUrl}`) && entries;
    });
    // The card stays open with the other sources; the highlight on this page stays too (its own passage is right).
    expect(after.map((e) => e.id)).toEqual(before.filter((e) => e.id !== `page:${taggedUrl}`).map((e) => e.id));
    expect(await highlightTexts(page, 'cl-claim')).toContain(THREAT);

    const file = await exportOf(ext);
    expect(file.user.occurrences.some((o) => o.claimId === THREAT_CLAIM && o.sourceId.startsWith(`page:${plainUrl}`))).toBe(false);
    expect(file.user.rejections).toContainEqual(expect.objectContaining({ url: plainUrl, claimId: THREAT_CLAIM, quote: BODY }));

    // The sidebar lists what the card lists, in the same order.
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${await tabIdOf(h, sentenceUrl)}`);
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const listed = await until('the claim in the sidebar', () => sidebarEntries(sidebar, THREAT));
    expect(listed.map((e) => e.id)).toEqual(after.map((e) => e.id));
    await sidebar.close();
    await page.close();
  });

  it('never records the rejected page as that source again, reached by another link', async () => {
    const again = `${plainUrl}?fbclid=IwAR0xyz#top`;
    const page = await h.openPage(again);
    // The page's scan, reported: the names on it are found, the claim on the rejected passage is not (the reader
    // said it does not state it), so nothing records it.
    const report = await until('the scan of the page reached by another link', async () => {
      const r = await value<TabClaims | null>(ext, { type: 'tab.claims', params: { tabId: await tabIdOf(h, again) } });
      return r && r.entities.length > 0 && r;
    });
    // (The headline is highlighted as the claim with a low score, trust.e2e.ts; the rejected body passage is not.)
    expect(report.claims.filter((c) => c.id === THREAT_CLAIM).map((c) => c.text)).not.toContain(BODY);
    expect(report.claims.filter((c) => c.id === THREAT_CLAIM).every((c) => c.score < RECORD_MIN_SCORE)).toBe(true);
    expect(await highlightTexts(page, 'cl-claim')).not.toContain(BODY);
    const file = await exportOf(ext);
    expect(file.user.occurrences.filter((o) => o.claimId === THREAT_CLAIM && o.sourceId.startsWith(`page:${plainUrl}`))).toEqual([]);
    await page.close();
  });

  it('rejects a page read in the sidebar: it leaves the sidebar at once, and the card agrees', async () => {
    const page = await h.openPage(`${sentenceUrl}?sidebar`);
    await page.setViewport({ width: 1000, height: 800 });
    await waitForHighlights(page);
    const tabId = await tabIdOf(h, `${sentenceUrl}?sidebar`);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.setViewport({ width: 380, height: 900 });
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const before = await until('the page read in the sidebar', async () => {
      const entries = await sidebarEntries(sidebar, MISTAKE);
      return entries?.some((e) => e.id === `page:${otherUrl}`) && entries;
    });
    expect(before.filter((e) => e.rejectable).map((e) => e.id)).toEqual([`page:${otherUrl}`]);
    // The row of the claim on that passage: the page read may be listed under another claim's row too.
    await sidebar.evaluate((id, passage) => {
      const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === passage);
      const entry = row?.querySelector(`.claim-sources .cl-source[data-source="${CSS.escape(id)}"]`);
      entry?.scrollIntoView({ block: 'center' });
    }, `page:${otherUrl}`, MISTAKE);
    await sidebar.screenshot({ path: `${SHOTS}reject-source-sidebar-${name}.png` });
    // The sidebar may have drawn the tab's report again since (a scan's update folds the rows): unfold the row first.
    await until('the reject button clicked', () =>
      sidebar.evaluate(async (id, passage) => {
        const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === passage);
        const toggle = row?.querySelector('.claim-toggle') as HTMLButtonElement | null;
        if (toggle && toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const button = row?.querySelector(`.claim-sources .cl-source[data-source="${CSS.escape(id)}"] .cl-reject-source`) as HTMLButtonElement | null;
        button?.click();
        return !!button;
      }, `page:${otherUrl}`, MISTAKE),
    );
    const after = await until('the page read gone from the sidebar', async () => {
      const entries = await sidebarEntries(sidebar, MISTAKE);
      return entries && !entries.some((e) => e.id === `page:${otherUrl}`) && entries;
    });
    expect(after.map((e) => e.id)).toEqual(before.filter((e) => e.id !== `page:${otherUrl}`).map((e) => e.id));
    const file = await exportOf(ext);
    expect(file.user.occurrences.some((o) => o.claimId === MISTAKE_CLAIM && o.sourceId === `page:${otherUrl}`)).toBe(false);
    expect(file.user.rejections).toContainEqual(expect.objectContaining({ url: otherUrl, claimId: MISTAKE_CLAIM }));

    await page.bringToFront();
    await page.evaluate((text) => [...document.querySelectorAll('p')].find((p) => p.textContent === text)?.scrollIntoView({ block: 'center' }), MISTAKE);
    await hover(page, await pointOf(page, 'cl-claim', MISTAKE, 'warnte'));
    await waitForCard(page, true);
    // The card's list comes from the background; it lists what the sidebar lists.
    const inCard = await until('the card with the background list', async () => {
      const entries = await cardEntries(page);
      return entries && entries.length === after.length && entries;
    });
    expect(inCard.map((e) => e.id)).toEqual(after.map((e) => e.id));
    await sidebar.close();
    await page.close();
  });

  it('carries the rejections through export and import, keyed by the address without tracking parameters', async () => {
    const file = await exportOf(ext);
    const rejections = file.user.rejections ?? [];
    expect(rejections.map((r) => r.url).sort()).toEqual([otherUrl, plainUrl]);
    // A file that keyed one by the address a newsletter linked (as exports made before did) imports keyed plainly.
    const tagged = structuredClone(file);
    tagged.user.rejections = rejections.map((r) => (r.url === plainUrl ? { ...r, url: taggedUrl } : r));
    await value(ext, { type: 'data.import', params: { file: tagged } });
    expect((await exportOf(ext)).user.rejections).toEqual(rejections);
  });
});
