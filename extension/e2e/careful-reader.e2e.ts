/**
 * What a careful reader meets, in both real browsers: a page read earlier listed as a source in the card and in
 * the sidebar alike, in the same order; a passage's language shown; no doubled quotation marks; a caption that
 * repeats the lead listed once; a sentence with two claims paged in its card; a long card that says more
 * follows; the reader without its stray dateline and with a way back.
 * Fixtures: fixtures/careful/read-first.html (English, read first) and sentence.html (German).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { inToolbar, selectPassage, tabIdOf, until, value } from './fixtures/annotations/drive.ts';
import { hover, pointOf, waitForCard, waitForHighlights } from './ui-page.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const LEAD = 'Russland und Nordkorea haben einen Pakt unterzeichnet, in dem sie sich gegenseitigen militärischen Beistand im Fall eines Angriffs zusichern.';
const BOTH = 'Russland und Nordkorea haben einen Pakt unterzeichnet, in dem sie sich gegenseitigen militärischen Beistand im Fall eines Angriffs zusichern, und Südkorea verurteilte das Abkommen als Verstoß gegen die UN-Sanktionen.';
const THREAT = 'Putin drohte, Nordkorea mit Waffen zu beliefern, und schloss solche Lieferungen ausdrücklich nicht aus.';
const MISTAKE = 'Putin warnte Südkorea, Waffenlieferungen an die Ukraine wären ein großer Fehler.';
const READ_FIRST_TITLE = 'Putin threatens the West over weapons';

/** Runs in the card's shadow root: what it shows. */
function cardState(page: Page) {
  return page.evaluate(() => {
    const card = document.querySelector('cl-root')?.shadowRoot?.querySelector('.cl-card') as HTMLElement | null;
    if (!card) return null;
    const quotes = [...card.querySelectorAll('blockquote.cl-quote')];
    return {
      statement: card.querySelector('.cl-statement')?.textContent ?? '',
      claim: card.querySelector('.cl-statement')?.getAttribute('data-claim') ?? '',
      pager: card.querySelector('.cl-page-count')?.textContent ?? null,
      sources: [...card.querySelectorAll('.cl-source-title')].map((e) => e.textContent),
      passages: quotes.map((q) => ({
        source: q.closest('.cl-source')?.getAttribute('data-source') ?? '',
        text: q.textContent ?? '',
        lang: q.getAttribute('lang'),
        tag: q.closest('.cl-passage')?.querySelector('.cl-lang')?.textContent ?? null,
        before: getComputedStyle(q, '::before').content,
      })),
      more: !!card.querySelector('.cl-more'),
      scrollTop: card.scrollTop,
    };
  });
}

/** Opens the card of the claim highlight whose text is `passage`, with the pointer on `word`. */
async function openCard(page: Page, passage: string, word: string) {
  // Keys go to the front tab only: another test may have opened (and closed) a tab over this one.
  await page.bringToFront();
  await page.mouse.move(5, 5);
  await waitForCard(page, false).catch(() => undefined);
  await page.evaluate((text) => {
    const p = [...document.querySelectorAll('p')].find((e) => e.textContent === text);
    p?.scrollIntoView({ block: 'center' });
  }, passage);
  const point = await pointOf(page, 'cl-claim', passage, word);
  await hover(page, point);
  await waitForCard(page, true);
  return point;
}

/** Presses Tab (or Shift+Tab) until the element matching `selector` in the card has focus (at most `max` presses). */
async function tabTo(page: Page, selector: string, backwards = false, max = 8): Promise<void> {
  for (let i = 0; i < max; i++) {
    const there = await page.evaluate((s) => !!document.querySelector('cl-root')!.shadowRoot!.activeElement?.matches(s), selector);
    if (there) return;
    if (backwards) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (backwards) await page.keyboard.up('Shift');
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each(BROWSERS)('a careful reader in %s', (name) => {
  let h: Harness;
  let ext: Page;
  let article: Page;
  let url: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    await h.openPage('/careful/read-first.html');
    await until('the English page recorded as a page read', async () => {
      const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
      return file.user.sources.some((s) => s.title === READ_FIRST_TITLE);
    });
    url = h.server.url('/careful/sentence.html');
    article = await h.openPage(url);
    await article.setViewport({ width: 1000, height: 700 });
    await waitForHighlights(article);
  });
  afterAll(async () => h?.close());

  it('lists the same sources in card and sidebar, in the same order, the page read earlier in both', async () => {
    await openCard(article, THREAT, 'beliefern');
    const card = await until('the card with the page read', async () => {
      const s = await cardState(article);
      return s?.sources.includes(READ_FIRST_TITLE) && s;
    });
    // The statement in the UI language (English here), whatever the page's language.
    expect(card.statement).toBe('Vladimir Putin threatened to supply North Korea with weapons and expressly did not rule such deliveries out.');
    await article.screenshot({ path: `${SHOTS}careful-card-${name}.png` });

    const tabId = await tabIdOf(h, url);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.setViewport({ width: 380, height: 900 });
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const listed = await sidebar.evaluate((text) => {
      const row = [...document.querySelectorAll('.claim')].find((r) => r.querySelector('.claim-passage')?.textContent === text)!;
      (row.querySelector('.claim-toggle') as HTMLButtonElement).click();
      return new Promise<string[]>((resolve) =>
        requestAnimationFrame(() => resolve([...row.querySelectorAll('.claim-sources .cl-source-title')].map((e) => e.textContent ?? ''))),
      );
    }, THREAT);
    expect(listed).toEqual(card.sources);
    await sidebar.screenshot({ path: `${SHOTS}careful-sidebar-${name}.png` });
    await sidebar.close();
  });

  /** Opens the card of the claim many sources report, once the page read has joined its list. */
  async function threatCard() {
    await openCard(article, THREAT, 'beliefern');
    return until('the card with the page read', async () => {
      const s = await cardState(article);
      return s?.sources.includes(READ_FIRST_TITLE) && s;
    });
  }

  it('tags each quoted passage with its language and adds no second pair of quotation marks', async () => {
    const card = await threatCard();
    const read = card.passages.filter((p) => p.source.startsWith('page:'));
    expect(read.length, JSON.stringify(card.passages)).toBeGreaterThan(0);
    for (const p of read) expect(p).toMatchObject({ lang: 'en', tag: 'EN' });
    expect(card.passages.filter((p) => p.lang === 'de').every((p) => p.tag === 'DE')).toBe(true);

    await openCard(article, MISTAKE, 'warnte');
    const quotes = (await cardState(article))!;
    await article.screenshot({ path: `${SHOTS}careful-quotes-${name}.png` });
    const quoted = quotes.passages.filter((p) => /^[„“"«»]|[“”"«»]$/.test(p.text.trim()));
    expect(quoted.length, JSON.stringify(quotes.passages)).toBeGreaterThan(0);
    for (const p of quoted) expect(p.before, p.text).toBe('none');
    const plain = quotes.passages.find((p) => !/^[„“"«»‚‘]|[“”"«»‘’]$/.test(p.text.trim()));
    expect(plain?.before).not.toBe('none');
  });

  it('shows that a long card goes on, and its "More below" button scrolls it from the keyboard', async () => {
    const before = await threatCard();
    expect(before.more).toBe(true);
    await article.evaluate(() => (document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-more') as HTMLElement).focus());
    await article.keyboard.press('Enter');
    await until('the card scrolled on', async () => ((await cardState(article))?.scrollTop ?? 0) > before.scrollTop);
    await article.evaluate(() => {
      const card = document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card') as HTMLElement;
      card.scrollTop = card.scrollHeight;
    });
    await until('no cue at the end', async () => (await cardState(article))?.more === false);
  });

  it('lists a caption that repeats the lead once in the sidebar', async () => {
    const tabId = await tabIdOf(h, url);
    const sidebar = await h.openExtensionPage(`sidebar/sidebar.html?tab=${tabId}`);
    await sidebar.waitForFunction(() => document.querySelectorAll('.claim').length > 0, { timeout: 15_000, polling: 50 });
    const passages = await sidebar.$$eval('.claim-passage', (els) => els.map((e) => e.textContent));
    expect(passages.filter((p) => p === LEAD)).toHaveLength(1);
    expect(passages).toContain(THREAT);
    await sidebar.close();
  });

  it('pages between the two claims of one sentence with keyboard-reachable buttons', async () => {
    await openCard(article, BOTH, 'verurteilte');
    const first = (await cardState(article))!;
    expect(first.pager).toBe('1 of 2');
    await article.screenshot({ path: `${SHOTS}careful-two-claims-${name}.png` });
    await article.evaluate(() => (document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card') as HTMLElement).focus());
    await tabTo(article, '.cl-next');
    await article.keyboard.press('Enter');
    const second = await until('the second claim', async () => {
      const s = await cardState(article);
      return s?.pager === '2 of 2' && s;
    });
    expect(new Set([first.claim, second.claim])).toEqual(new Set(['seoul-condemns-pact-as-breach-of-un-sanctions', 'russia-north-korea-mutual-defence-pact']));
    await tabTo(article, '.cl-prev', true);
    await article.keyboard.press('Enter');
    await until('back to the first', async () => (await cardState(article))?.claim === first.claim);
  });

  it('opens a source in the reader without the dateline, dated in words, and Back returns to the article', async () => {
    await openCard(article, THREAT, 'beliefern');
    await article.evaluate(() => {
      const link = [...document.querySelector('cl-root')!.shadowRoot!.querySelectorAll('a.cl-source-link')].find((a) =>
        (a as HTMLAnchorElement).href.includes('reader/reader.html?source=000_'),
      ) as HTMLAnchorElement;
      link.click();
    });
    const reader = await until('the reader tab', async () => {
      for (const page of await h.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.includes('reader/reader.html?source=000_')) return page;
      }
      return null;
    });
    await reader.waitForFunction(() => !!document.querySelector('mark.passage'), { timeout: 15_000, polling: 50 });
    const shown = await reader.evaluate(() => ({
      text: document.querySelector('article')!.textContent ?? '',
      date: document.querySelector('.meta time')?.textContent,
      firstParagraph: document.querySelector('article p:not(.meta):not(.passage-note)')?.textContent?.slice(0, 8),
    }));
    expect(shown.text).not.toMatch(/date \d{4}-\d{2}/);
    expect(shown).toMatchObject({ date: 'June 2024', firstParagraph: 'Berlin. ' });
    await reader.screenshot({ path: `${SHOTS}careful-reader-${name}.png` });

    await reader.evaluate(() => (document.getElementById('reader-back') as HTMLButtonElement).click());
    await until('the reader tab closed', async () => {
      const hrefs = await Promise.all((await h.browser.pages()).map((p) => p.evaluate(() => location.href).catch(() => '')));
      return !hrefs.some((href) => href.includes('reader/reader.html?source=000_'));
    });
    const active = await ext.evaluate(async () => {
      type Api = { tabs: { query(q: object): Promise<Array<{ id: number }>> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      return (await (g.browser ?? g.chrome).tabs.query({ active: true, currentWindow: true }))[0]?.id;
    });
    expect(active).toBe(await tabIdOf(h, url));
  });

  it('goes back in the same tab when the reader was reached by a link in it', async () => {
    const page = await h.openExtensionPage('options/options.html');
    const readerUrl = `${h.origin}reader/reader.html?source=001_6c645b556d0d9aac`;
    await page.evaluate((to) => void (location.href = to), readerUrl);
    // Polled rather than waited on in the page: the navigation may swap the page's frame (Chromium).
    const inPage = <T,>(fn: () => T) => page.evaluate(fn).catch(() => null);
    await until('the reader in the same tab', () => inPage(() => !!document.querySelector('#reader-back') && !!document.querySelector('article h1')));
    await inPage(() => (document.getElementById('reader-back') as HTMLButtonElement).click());
    await until('the options page again', () => inPage(() => location.pathname.endsWith('/options/options.html')));
    await page.close();
  });

  it("words an error in the reader's terms: a missing article and a note too long, without ids or field paths", async () => {
    const reader = await h.openExtensionPage('reader/reader.html?source=page%3Ahttps%3A%2F%2Fgone.example%2Fa&claim=learned%3Ax1');
    const said = await until('the reader\'s error', () => reader.evaluate(() => document.querySelector('[role="alert"], .error')?.textContent ?? null).catch(() => null));
    expect(said).toMatch(/^The article could not be opened: This article is no longer in your library/);
    expect(said).not.toMatch(/gone\.example|page:|source\.get|no source/);
    await reader.close();

    const page = await h.openPage(h.server.url('/careful/sentence.html?errors'));
    await waitForHighlights(page);
    await selectPassage(page, '', 'Der Kreml nannte keine Einzelheiten.');
    await inToolbar(page, '.cl-act-note', 'click');
    // Pasted, not typed: one more character than a note may hold.
    await page.evaluate(() => {
      const box = document.querySelector('cl-annotate')?.shadowRoot?.querySelector('textarea.cl-note') as HTMLTextAreaElement;
      box.value = 'x'.repeat(100_001);
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await inToolbar(page, '.cl-save', 'click');
    const error = await until('the toolbar\'s error', () =>
      page.evaluate(() => document.querySelector('cl-annotate')?.shadowRoot?.querySelector('.cl-error')?.textContent ?? null),
    );
    expect(error).toBe(`Not saved: The note is too long: at most ${(100_000).toLocaleString('en')} characters.`);
    await page.close();
  });
});
