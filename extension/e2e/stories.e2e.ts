/**
 * Stories, in both real browsers: three articles of one made-up story read on three sites (the fixtures of
 * learned.e2e.ts), then a fourth on a fourth site. Its sidebar groups what it shares with them under the story,
 * with the story's articles; the options page lists the story with its articles; "Export story" saves W3C Web
 * Annotation JSON-LD holding the story's passages, which the ordinary import takes back, keeping them; "Delete
 * story" forgets what was learned from its pages. Screenshots go to test-results/screenshots/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LearnedOverview, StoryInfo, TabClaims } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { tabIdOf, until, value } from './fixtures/annotations/drive.ts';
import { startFixtureServer, type FixtureServer } from './fixtures/server.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const HALLGREN = 'Transport minister Tobias Hallgren said on Wednesday that the line between Lindqvarn and Brekke would stay closed at least until Friday.';
const READ = ['/learned/ledger.html', '/learned/tagesblatt.html', '/learned/wire.html'];

const learned = (ext: Page) => value<LearnedOverview>(ext, { type: 'learned.list', params: {} });
const stories = (ext: Page) => value<StoryInfo[]>(ext, { type: 'stories.list', params: { lang: 'en' } });

/** The text of the element `selector` once it has some. */
function textOf(page: Page, selector: string): Promise<string> {
  return until(`text in ${selector}`, () => page.evaluate((s) => document.querySelector(s)?.textContent?.trim() || null, selector));
}

describe.each(BROWSERS)('stories in %s', (name) => {
  let h: Harness;
  let ext: Page;
  const sites: FixtureServer[] = [];
  const downloads = mkdtempSync(join(tmpdir(), 'crossread-story-downloads-'));
  const readUrls = () => READ.map((path, i) => sites[i]!.url(path));
  let fourth = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name, { downloadsTo: downloads });
    for (let i = 0; i < 3; i++) sites.push(await startFixtureServer());
    ext = await h.openExtensionPage('options/options.html');
    for (const url of readUrls()) {
      const page = await h.openPage(url);
      await page.bringToFront();
      await until(`${url} learned`, async () => (await learned(ext)).sites.flatMap((s) => s.pages).some((p) => p.url === url), 30_000);
      await page.close();
    }
    fourth = h.server.url('/learned/courier.html');
  });
  afterAll(async () => {
    await Promise.all(sites.map((s) => s.close()));
    await h?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('groups what the fourth article shares with the three read under their story in its sidebar', async () => {
    const page = await h.openPage(fourth);
    await page.bringToFront();
    const tabId = await tabIdOf(h, fourth);
    await until('the links to pages read in the tab report', async () => {
      const report = await value<TabClaims | null>(ext, { type: 'tab.claims', params: { tabId } });
      return report?.claims.some((c) => c.id.startsWith('learned:'));
    });
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.setViewport({ width: 420, height: 900 });
    await sidebar.waitForSelector('.story .claim', { timeout: 15_000 });
    const group = await sidebar.evaluate(() => {
      const story = document.querySelector('.story')!;
      return {
        title: story.querySelector('.story-title')?.textContent ?? '',
        articles: [...story.querySelectorAll('.story-article a')].map((a) => (a as HTMLAnchorElement).href),
        passages: [...story.querySelectorAll('.claim-passage')].map((p) => p.textContent ?? ''),
      };
    });
    expect(group.title).toMatch(/Lindqvarn|Hallgren|Brekke/);
    expect(new Set(group.articles)).toEqual(new Set(readUrls()));
    expect(group.passages).toContain(HALLGREN);
    // Its other sources are the card's: the three articles read.
    const titles = await sidebar.evaluate((text) => {
      const row = [...document.querySelectorAll('.story .claim')].find((r) => r.querySelector('.claim-passage')?.textContent === text)!;
      (row.querySelector('.claim-toggle') as HTMLButtonElement).click();
      return new Promise<number>((resolve) => requestAnimationFrame(() => resolve(row.querySelectorAll('.claim-sources .cl-source').length)));
    }, HALLGREN);
    expect(titles).toBe(3);
    await sidebar.screenshot({ path: `${SHOTS}stories-sidebar-${name}.png`, fullPage: true });
    await sidebar.close();
    // Five visible seconds make the fourth article read too: it joins the story.
    await page.bringToFront();
    await until('the fourth article in the story', async () => (await stories(ext)).some((s) => s.articles.some((a) => a.url === fourth)), 30_000);
    await page.close();
  });

  it('lists the story on the options page with its four articles, and exports it as JSON-LD the import takes back', async () => {
    const options = await h.openExtensionPage('options/options.html');
    await options.setViewport({ width: 900, height: 1000 });
    const story = (await stories(ext)).find((s) => s.articles.some((a) => a.url === fourth))!;
    const item = `.story[data-story="${story.id}"]`;
    await options.waitForSelector(item, { timeout: 15_000 });
    await options.$eval(item, (d) => ((d as HTMLDetailsElement).open = true));
    const listed = await options.$$eval(`${item} .story-article`, (els) => els.map((e) => e.getAttribute('data-url')));
    expect(new Set(listed)).toEqual(new Set([...readUrls(), fourth]));
    expect(await options.$eval(`${item} .story-statements`, (e) => e.textContent)).toMatch(/^[1-9]\d* shared statements$/);
    await options.$eval('#stories', (s) => s.scrollIntoView());
    const section = (await options.$('#stories'))!;
    await section.screenshot({ path: `${SHOTS}stories-options-${name}.png` });

    await options.click(`${item} .story-export`);
    const said = await textOf(options, '[data-status="stories"]');
    const file = /^Saved (crossread-story-[\w-]+\.jsonld)\.$/.exec(said)?.[1];
    expect(file, said).toBeTruthy();
    const saved = join(downloads, file!);
    await until('the story file on disk', async () => existsSync(saved) && !readdirSync(downloads).some((f) => /\.(crdownload|part)$/.test(f)));
    const ld = JSON.parse(readFileSync(saved, 'utf8')) as {
      '@context': unknown[];
      type: string;
      label: string;
      first: { items: Array<{ type: string; motivation: string; body: Array<{ source: string }>; target: { source: string; selector: Array<{ type: string; exact?: string }> } }> };
      'cr:claims': Array<{ id: string; statement: string }>;
    };
    expect(ld['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ld.type).toBe('AnnotationCollection');
    expect(ld.label).toBe(`Crossread story: ${story.title}`);
    const storyClaims = new Set(ld['cr:claims'].filter((c) => c.id.startsWith('user-story-')).map((c) => `urn:crossread:claim:${c.id}`));
    expect(storyClaims.size).toBe(story.statements);
    const passages = ld.first.items.filter((a) => a.type === 'Annotation' && a.motivation === 'identifying' && storyClaims.has(a.body[0]!.source));
    // Every article of the story has passages there, each quoted exactly (TextQuoteSelector) at its address.
    expect(new Set(passages.map((a) => a.target.source))).toEqual(new Set([...readUrls(), fourth]));
    expect(passages.some((a) => a.target.source === fourth && a.target.selector[0]!.exact === HALLGREN)).toBe(true);

    const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(saved);
    expect(await textOf(options, '[data-status="import"]')).toMatch(/^Imported/);
    const after = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    const kept = after.user.occurrences.filter((o) => storyClaims.has(`urn:crossread:claim:${o.claimId}`));
    expect(kept).toHaveLength(passages.length);
    expect(after.user.claims.filter((c) => c.id.startsWith('user-story-'))).toHaveLength(story.statements);
    await options.close();
  });

  it('deletes what was learned from the story’s pages', async () => {
    const options = await h.openExtensionPage('options/options.html');
    const story = (await stories(ext)).find((s) => s.articles.some((a) => a.url === fourth))!;
    await options.waitForSelector(`.story[data-story="${story.id}"]`, { timeout: 15_000 });
    await options.$eval(`.story[data-story="${story.id}"] .story-delete`, (b) => (b as HTMLButtonElement).click());
    await options.waitForFunction((id) => !document.querySelector(`.story[data-story="${id}"]`), { timeout: 10_000, polling: 50 }, story.id);
    expect(await textOf(options, '[data-status="stories"]')).toBe('Deleted 4 pages.');
    const pages = (await learned(ext)).sites.flatMap((s) => s.pages.map((p) => p.url));
    for (const url of [...readUrls(), fourth]) expect(pages).not.toContain(url);
    // The Learned section below reloaded too.
    await options.waitForFunction((u) => !document.querySelector(`.learned-page[data-url="${u}"]`), { timeout: 10_000, polling: 50 }, readUrls()[0]);
    await options.close();
  });
});
