/**
 * Only the article is read, in both real browsers: names in the navigation, the banner, side boxes, link lists,
 * photo credits and copyright lines are not tinted, while the same names in the article, its kicker, its captions
 * (before their credit) and late paragraphs are; a page without semantic markup is read whole. Short forms are
 * tinted only with evidence, and a German spelling of a name is found. Fixtures: fixtures/careful/boilerplate.html,
 * plain.html, names.html.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { until } from './fixtures/annotations/drive.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Each entity highlight as the id of the nearest element with an id around it, and its text. */
function tinted(page: Page): Promise<Array<{ where: string; text: string }>> {
  return page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('cl-entity') as Iterable<Range> | undefined) ?? [])];
    return ranges.map((r) => {
      const el = r.startContainer.parentElement?.closest('[id]');
      return { where: el?.id ?? '', text: r.toString() };
    });
  });
}

describe.each(BROWSERS)('main content only in %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('tints names in the article and its captions, never in navigation, side boxes, link lists, credits or copyright', async () => {
    const page = await h.openPage(h.server.url('/careful/boilerplate.html'));
    // The late paragraph arrives after the late navigation block: once it is tinted, both were seen.
    const found = await until('the late paragraph tinted', async () => {
      const all = await tinted(page);
      return all.some((f) => f.where === 'late') && all;
    });
    const places = new Set(found.map((f) => f.where));
    for (const article of ['a1', 'a2', 'cap', 'late']) expect(places, article).toContain(article);
    for (const outside of ['banner', 'nav', 'crumbs', 'related', 'aside', 'footer', 'copyright', 'credit', 'late-nav']) {
      expect(places, outside).not.toContain(outside);
    }
    // A caption keeps its own text and loses its credit: the credited "Wladimir Putin" is not tinted.
    expect(found.filter((f) => f.where === 'cap').map((f) => f.text)).toEqual(['Kim Jong Un', 'Pjöngjang']);
    expect(found.filter((f) => f.where === 'cap2' && f.text === 'Kim Jong Un')).toEqual([]);
    // A list of facts with one link is the article's.
    expect(places).toContain('facts');
    await page.screenshot({ path: `${SHOTS}main-content-${name}.png`, fullPage: true });
    await page.close();
  });

  it('tints a short form only with evidence, and a German spelling the knowledge base lists otherwise', async () => {
    const page = await h.openPage(h.server.url('/careful/names.html'));
    const found = await until('highlights on the names page', async () => {
      const all = await tinted(page);
      return all.some((f) => f.where === 'spelling') && all;
    });
    const kims = found.filter((f) => f.text === 'Kim').map((f) => f.where);
    // The plain "Kim" after Kim Jong Un is his; the vice foreign minister and ambassador Kim Song are not.
    expect(kims).toEqual(['plain']);
    expect(found.filter((f) => f.where === 'spelling').map((f) => f.text)).toEqual(['Wladimir Tikhonov']);
    await page.close();
  });

  it('reads a page without semantic markup whole', async () => {
    const page = await h.openPage(h.server.url('/careful/plain.html'));
    const found = await until('highlights on the plain page', async () => {
      const all = await tinted(page);
      return all.some((f) => f.where === 'a2') && all;
    });
    expect(found.map((f) => f.where)).toEqual(expect.arrayContaining(['a1', 'a2']));
    await page.close();
  });
});
