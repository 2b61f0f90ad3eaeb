/**
 * A page with more highlights than are registered at once (render/highlight-painter.ts draws a window around the
 * view on big pages): the reader sees highlights where they look, at the top and after scrolling to the end, in
 * both real browsers. Fixture: fixtures/scale/many.html (3,000 paragraphs, three names each).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { until } from './fixtures/annotations/drive.ts';

/** The numbers of the paragraphs that hold a registered name highlight inside the viewport. */
function tintedInView(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const ranges = [...((CSS.highlights.get('cl-entity') as Iterable<Range> | undefined) ?? [])];
    const out = new Set<number>();
    for (const r of ranges) {
      const box = r.getBoundingClientRect();
      if (box.bottom <= 0 || box.top >= innerHeight) continue;
      const id = r.startContainer.parentElement?.id ?? '';
      if (id.startsWith('p')) out.add(Number(id.slice(1)));
    }
    return [...out].sort((a, b) => a - b);
  });
}

/** The numbers of the paragraphs in the viewport. */
function paragraphsInView(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('article p')]
      .filter((p) => {
        const box = p.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      })
      .map((p) => Number(p.id.slice(1))),
  );
}

describe.each(BROWSERS)('a page with thousands of highlights in %s', (name) => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch(name);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the names in view at the top, and at the end after scrolling there', async () => {
    const page = await h.openPage(h.server.url('/scale/many.html'));
    const atTop = await paragraphsInView(page);
    expect(atTop.length).toBeGreaterThan(3);
    await until('the names at the top tinted', async () => (await tintedInView(page)).length >= atTop.length);
    expect(await tintedInView(page)).toEqual(atTop);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const atEnd = await paragraphsInView(page);
    expect(atEnd).toContain(2999);
    const tinted = await until('the names at the end tinted', async () => {
      const now = await tintedInView(page);
      return now.length >= atEnd.length && now;
    });
    expect(tinted).toEqual(atEnd);
    // And back in the middle of the page, where nothing was in view before.
    await page.evaluate(() => document.getElementById('p1500')!.scrollIntoView());
    const middle = await paragraphsInView(page);
    expect(await until('the names in the middle tinted', async () => {
      const now = await tintedInView(page);
      return now.length >= middle.length && now;
    })).toEqual(middle);
    await page.close();
  });
});
