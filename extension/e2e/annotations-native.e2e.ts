/**
 * Annotations that feel native, in both real browsers: "Add a note" puts the caret in the note box (real key
 * presses land there, and a space does not scroll the page); the toolbar stays with its selection when the page
 * scrolls; resting the pointer on an annotated passage shows its note, and so does the keyboard's highlight
 * stepper stopping there; the sidebar names a marked claim by its statement, never by its id. Screenshots of each
 * go to test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { ClaimDetails } from '../../shared/messages.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { inToolbar, selectPassage, tabIdOf, until, value, type Status } from './fixtures/annotations/drive.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const PASSAGE = 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs auf einen der beiden Partner vor';

/** The box of the element matching `selector` in the shadow root of `<host>`, in window coordinates. */
function boxIn(page: Page, host: string, selector: string) {
  return page.evaluate(
    (h, s) => {
      const r = document.querySelector(h)?.shadowRoot?.querySelector(s)?.getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right } : null;
    },
    host,
    selector,
  );
}

/** The selection's box, in window coordinates. */
const selectionBox = (page: Page) =>
  page.evaluate(() => {
    const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left };
  });

/** Clicks the toolbar's element `selector` with the mouse, as a reader does (focus follows real clicks only). */
async function clickInToolbar(page: Page, selector: string): Promise<void> {
  const box = await until(`${selector} in the toolbar`, () => boxIn(page, 'cl-annotate', selector));
  await page.mouse.click((box.left + box.right) / 2, (box.top + box.bottom) / 2);
}

describe.each(BROWSERS)('native annotations in %s', (name) => {
  let h: Harness;
  let ext: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('focuses the note box: what the reader types goes into the note and the page does not scroll', async () => {
    const url = h.server.url('/annotations/long.html?focus');
    const page = await h.openPage(url);
    await page.evaluate(() => document.getElementById('p2')!.scrollIntoView({ block: 'center' }));
    await selectPassage(page, 'p2', PASSAGE);
    await clickInToolbar(page, '.cl-act-note');
    await until('the note box focused', () =>
      page.evaluate(() => document.querySelector('cl-annotate')?.shadowRoot?.activeElement?.classList.contains('cl-note') === true),
    );
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.type('Beistand = Artikel 4 ');
    const typed = await page.evaluate(() => (document.querySelector('cl-annotate')!.shadowRoot!.querySelector('.cl-note') as HTMLTextAreaElement).value);
    expect(typed).toBe('Beistand = Artikel 4 ');
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    await page.screenshot({ path: `${SHOTS}note-box-${name}.png` });
    await page.close();
  });

  it('keeps the toolbar with the selection when the page scrolls', async () => {
    const url = h.server.url('/annotations/long.html?scroll');
    const page = await h.openPage(url);
    await page.evaluate(() => document.getElementById('p2')!.scrollIntoView({ block: 'center' }));
    await selectPassage(page, 'p2', PASSAGE);
    const gap = async () => {
      const [bar, sel] = await Promise.all([boxIn(page, 'cl-annotate', '.cl-toolbar'), selectionBox(page)]);
      return bar && bar.top - sel.bottom;
    };
    const first = await gap();
    expect(first).not.toBeNull();
    expect(Math.abs(first!)).toBeLessThan(20);

    await page.evaluate(() => scrollBy(0, 150));
    // After the scroll the toolbar is placed again within a frame; wait for it to be back under the selection.
    await until('the toolbar under the selection after scrolling', async () => {
      const g = await gap();
      return g !== null && Math.abs(g - first!) < 2;
    });
    const sel = await selectionBox(page);
    const bar = (await boxIn(page, 'cl-annotate', '.cl-toolbar'))!;
    expect(Math.abs(bar.left - Math.max(4, sel.left))).toBeLessThan(2);
    await page.screenshot({ path: `${SHOTS}toolbar-scrolled-${name}.png` });
    await page.close();
  });

  it('shows the note when the pointer rests on the annotated passage, and hides it on Escape', async () => {
    const url = h.server.url('/annotations/page.html?hover');
    const page = await h.openPage(url);
    await selectPassage(page, 'p2', PASSAGE);
    await inToolbar(page, '.cl-act-note', 'click');
    await inToolbar(page, '.cl-note', { type: 'Beistand heißt Artikel 4' });
    await inToolbar(page, '.cl-save', 'click');
    const tabId = await tabIdOf(h, url);
    await until('the annotation placed', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, tabId);
      return s.placed.length === 1;
    });
    const tip = () => page.evaluate(() => document.querySelector('cl-note')?.shadowRoot?.querySelector('.cl-note-tip')?.textContent ?? null);
    expect(await tip()).toBeNull();

    const line = await page.evaluate((text) => {
      const node = document.getElementById('p2')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, node.data.indexOf(text));
      range.setEnd(node, node.data.indexOf(text) + 10);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, PASSAGE);
    await page.mouse.move(line.x, line.y + 200);
    await page.mouse.move(line.x, line.y, { steps: 4 });
    expect(await until('the note on hover', tip)).toBe('Beistand heißt Artikel 4');
    await page.screenshot({ path: `${SHOTS}note-hover-${name}.png` });

    await page.keyboard.press('Escape');
    await until('the note hidden after Escape', async () => (await tip()) === null);
    // Moving off the passage and back shows it again.
    await page.mouse.move(line.x, line.y + 300, { steps: 2 });
    await page.mouse.move(line.x, line.y, { steps: 2 });
    expect(await until('the note on hover again', tip)).toBe('Beistand heißt Artikel 4');
    await page.close();
  });

  it('reaches a note from the keyboard: the highlight stepper stops at the annotated passage and shows its note', async () => {
    const url = h.server.url('/annotations/page.html?keys');
    const page = await h.openPage(url);
    await selectPassage(page, 'p2', PASSAGE);
    await inToolbar(page, '.cl-act-note', 'click');
    await inToolbar(page, '.cl-note', { type: 'Artikel 4 des Vertrags' });
    await inToolbar(page, '.cl-save', 'click');
    const tabId = await tabIdOf(h, url);
    await until('the annotation placed', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, tabId);
      return s.placed.length === 1;
    });
    await page.evaluate(() => getSelection()?.removeAllRanges());
    const tip = () => page.evaluate(() => document.querySelector('cl-note')?.shadowRoot?.querySelector('.cl-note-tip')?.textContent ?? null);
    const card = () => page.evaluate(() => !!document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card'));
    // The highlights before the annotated passage, in page order: the stepper stops at each of them first.
    const before = await page.evaluate((text) => {
      const node = document.getElementById('p2')!.firstChild as Text;
      const passage = document.createRange();
      passage.setStart(node, node.data.indexOf(text));
      const ranges = ['cl-claim', 'cl-entity'].flatMap((n) => [...((CSS.highlights.get(n) as Iterable<Range> | undefined) ?? [])]);
      return ranges.filter((r) => r.compareBoundaryPoints(Range.START_TO_START, passage) <= 0).length;
    }, PASSAGE);
    const step = () => value(ext, { type: 'page.step', params: { direction: 1 } }, tabId);
    for (let i = 0; i < before; i++) {
      await step();
      await until(`the card of highlight ${i + 1}`, card);
    }
    await step();
    expect(await until('the note shown from the keyboard', tip)).toBe('Artikel 4 des Vertrags');
    expect(await card()).toBe(false);
    // A status: screen readers say the note as it appears.
    expect(await page.evaluate(() => document.querySelector('cl-note')?.shadowRoot?.querySelector('.cl-note-tip')?.getAttribute('role'))).toBe('status');
    await page.screenshot({ path: `${SHOTS}note-keyboard-${name}.png` });
    await page.keyboard.press('Escape');
    await until('the note hidden after Escape', async () => (await tip()) === null);
    // The next step goes on past the note to the next highlight (or back to the first).
    await step();
    await until('the next card', card);
    expect(await tip()).toBeNull();
    await page.close();
  });

  it('names a marked claim in the sidebar by its statement, never by its id', async () => {
    const url = h.server.url('/annotations/page.html?states');
    const page = await h.openPage(url);
    await selectPassage(page, 'p2', PASSAGE);
    await inToolbar(page, '.cl-act-claim', 'click');
    await inToolbar(page, '.cl-claim-search', { type: 'Beistand' });
    const choice = await page.waitForFunction(
      () => {
        const el = document.querySelector('cl-annotate')?.shadowRoot?.querySelector<HTMLElement>('.cl-choice');
        if (!el) return null;
        el.click();
        return el.getAttribute('data-claim');
      },
      { timeout: 10_000, polling: 50 },
    );
    const claimId = (await choice.jsonValue()) as string;
    const details = await value<ClaimDetails>(ext, { type: 'claim.details', params: { id: claimId } });
    const tabId = await tabIdOf(h, url);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    const states = await until('the marked claim in the sidebar', () =>
      sidebar.evaluate(() => document.querySelector('.annotation .states')?.textContent ?? null),
    );
    expect(states).not.toContain(claimId);
    expect([details.claim.statement.de, details.claim.statement.en].some((s) => states.includes(s))).toBe(true);
    expect(await sidebar.evaluate(() => document.body.innerText)).not.toContain(claimId);
    await Promise.all([sidebar.close(), page.close()]);
  });
});
