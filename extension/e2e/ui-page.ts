/**
 * Helpers for the UI end-to-end tests that run inside the article page (puppeteer's main world). The content
 * script's highlights are read from the document's highlight registry (shared by all worlds) and its card from
 * the open shadow root of <cl-root>.
 */
import type { Page } from 'puppeteer-core';

/** Waits until the content script has drawn claim highlights. */
export async function waitForHighlights(page: Page): Promise<void> {
  await page.waitForFunction(() => (CSS.highlights.get('cl-claim')?.size ?? 0) > 0, { timeout: 20_000, polling: 50 });
}

/** The text of every range of a highlight, in document order. */
export function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const ranges = [...((CSS.highlights.get(n) as Iterable<Range> | undefined) ?? [])];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

/** Viewport centre of the first range of highlight `name` whose text is `text`, or of `word` inside it. */
export function pointOf(page: Page, name: string, text: string, word?: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (n, t, w) => {
      const range = [...((CSS.highlights.get(n) as Iterable<Range> | undefined) ?? [])].find((r) => r.toString() === t);
      if (!range) throw new Error(`no ${n} highlight for ${t}`);
      let target: Range = range;
      if (w) {
        // A word of the passage that is not itself an entity, so the claim (not a name inside it) is under the pointer.
        const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          const at = node.data.indexOf(w);
          if (at >= 0 && range.intersectsNode(node)) {
            target = document.createRange();
            target.setStart(node, at);
            target.setEnd(node, at + w.length);
            break;
          }
        }
      }
      const box = target.getClientRects()[0] ?? target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    name,
    text,
    word ?? '',
  );
}

/** Moves the pointer to a point in small steps, as a hand would. */
export async function hover(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.move(point.x - 40, point.y + 30);
  await page.mouse.move(point.x, point.y, { steps: 6 });
}

/** The open card's text and its other-source entries, or null when no card is shown. */
export function readCard(page: Page): Promise<{ text: string; sources: number; links: string[] } | null> {
  return page.evaluate(() => {
    const card = document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card');
    if (!(card instanceof HTMLElement)) return null;
    return {
      text: card.innerText,
      sources: card.querySelectorAll('.cl-source').length,
      links: [...card.querySelectorAll('a.cl-source-link')].map((a) => (a as HTMLAnchorElement).href),
    };
  });
}

/** Waits for a card (or its absence) and returns what readCard gives. */
export async function waitForCard(page: Page, shown: boolean): Promise<Awaited<ReturnType<typeof readCard>>> {
  await page.waitForFunction(
    (want) => !!document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card') === want,
    { timeout: 5_000, polling: 50 },
    shown,
  );
  return readCard(page);
}

/** Whether a viewport-relative range of the page is fully on screen. */
export function inView(box: { top: number; bottom: number }, height: number): boolean {
  return box.top >= 0 && box.bottom <= height;
}

/**
 * Saves a screenshot of the open card with the text around it: the card's box joined with the article column and
 * the pointer's line, grown by a margin and kept inside the viewport.
 */
export async function screenshotCard(page: Page, path: string, pointer: { x: number; y: number }): Promise<void> {
  const clip = await page.evaluate((p) => {
    const card = document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card')!.getBoundingClientRect();
    const column = (document.querySelector('main') ?? document.body).getBoundingClientRect();
    const margin = 24;
    const left = Math.max(0, Math.min(card.left, column.left) - margin);
    const top = Math.max(0, Math.min(card.top, p.y - 20) - margin);
    const right = Math.min(innerWidth, Math.max(card.right, column.right) + margin);
    const bottom = Math.min(innerHeight, Math.max(card.bottom, p.y + 20) + margin);
    return { x: left, y: top, width: right - left, height: bottom - top };
  }, pointer);
  await page.screenshot({ path, clip });
}
