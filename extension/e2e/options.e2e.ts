/**
 * The options page in both real browsers: "Clear my data" asks first in a modal dialog that counts what would
 * go and offers an export; export says which file it wrote (and the file is there); import errors are in words.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { summarize } from '../options/summary.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { until, value } from './fixtures/annotations/drive.ts';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

const SELECTORS = (exact: string, start: number) => [
  { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start, end: start + exact.length },
];

/** The text of the element `selector` once it has some. */
function textOf(page: Page, selector: string): Promise<string> {
  return until(`text in ${selector}`, () => page.evaluate((s) => document.querySelector(s)?.textContent?.trim() || null, selector));
}

/** Whether the options page's dialog is open. */
const dialogOpen = (page: Page) => page.evaluate(() => (document.querySelector('#clear-dialog') as HTMLDialogElement).open);

describe.each(BROWSERS)('options page in %s', (name) => {
  let h: Harness;
  let ext: Page;
  const downloads = mkdtempSync(join(tmpdir(), 'crossread-downloads-'));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    h = await launch(name, { downloadsTo: downloads });
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    for (const [i, exact] of ['erste Stelle', 'zweite Stelle'].entries()) {
      await value(ext, { type: 'annotation.save', params: { url: 'https://news.example/a', title: 'A', selectors: SELECTORS(exact, i * 40), note: `n${i}` } });
    }
    // A page read: the article's claims are recorded as occurrences of a page source.
    await h.openPage('/ui/article.html');
    await until('the article recorded as a page read', async () => {
      const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
      return file.user.sources.some((s) => s.id.startsWith('page:'));
    });
  });
  afterAll(async () => {
    await h?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('keeps "Clear my data" apart from "Save settings" and styled as dangerous', async () => {
    const options = await h.openExtensionPage('options/options.html');
    // The settings form appears once the settings have come from the background, which a busy machine delays.
    await options.waitForSelector('#data-clear');
    await options.waitForSelector('#settings-save');
    const look = await options.evaluate(() => {
      const style = (id: string) => {
        const s = getComputedStyle(document.getElementById(id)!);
        return { color: s.color, background: s.backgroundColor, border: s.borderTopColor };
      };
      const save = document.getElementById('settings-save')!;
      const clear = document.getElementById('data-clear')!;
      return {
        save: style('settings-save'),
        clear: style('data-clear'),
        sameSection: save.closest('section') === clear.closest('section'),
        plainDefault: getComputedStyle(save).borderRadius === '0px' || getComputedStyle(save).cursor !== 'pointer',
      };
    });
    expect(look.sameSection).toBe(false);
    expect(look.plainDefault).toBe(false);
    expect(look.clear.color).not.toBe(look.save.color);
    expect(look.clear.background).not.toBe(look.save.background);
    await options.close();
  });

  it('asks before clearing, counts what would be deleted, and Escape or Cancel deletes nothing', async () => {
    const before = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    const expected = summarize(before);
    expect(expected.annotations).toBe(2);
    expect(expected.pagesRead).toBeGreaterThan(0);

    const options = await h.openExtensionPage('options/options.html');
    await options.click('#data-clear');
    await until('the dialog', () => dialogOpen(options));
    const shown = await options.evaluate(() => ({
      counts: Object.fromEntries([...document.querySelectorAll('[data-count]')].map((li) => [li.getAttribute('data-count'), li.textContent])),
      focused: document.activeElement?.id,
      modal: document.querySelector('#clear-dialog')!.matches(':modal'),
      label: document.getElementById(document.querySelector('#clear-dialog')!.getAttribute('aria-labelledby')!)?.textContent,
    }));
    expect(shown.counts).toEqual({
      annotations: `Annotations: ${expected.annotations}`,
      pages: `Pages you read, recorded as sources: ${expected.pagesRead}`,
      articles: `Articles you added: ${expected.articles}`,
      claims: `Claims you added: ${expected.claims}`,
      passages: `Passages recorded in those pages and articles: ${expected.passages}`,
    });
    // Cancel has the focus, so a stray Enter does not delete; the page behind cannot be reached.
    expect(shown).toMatchObject({ focused: 'clear-cancel', modal: true, label: 'Delete your data?' });
    await options.screenshot({ path: `${SHOTS}options-clear-dialog-${name}.png` });

    await options.keyboard.press('Escape');
    await until('the dialog closed by Escape', async () => !(await dialogOpen(options)));
    await options.click('#data-clear');
    await until('the dialog again', () => dialogOpen(options));
    await options.click('#clear-cancel');
    await until('the dialog closed by Cancel', async () => !(await dialogOpen(options)));
    const after = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect({ ...after, exported: '' }).toEqual({ ...before, exported: '' });
    await options.close();
  });

  it('exports first from the dialog, says which file, and the file holds the data; then deletes', async () => {
    const before = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    const options = await h.openExtensionPage('options/options.html');
    await options.click('#data-clear');
    await until('the dialog', () => dialogOpen(options));
    await options.click('#clear-export');
    const said = await textOf(options, '[data-status="clear-dialog"]');
    const file = /"(crossread-\d{4}-\d{2}-\d{2}\.json)"/.exec(said)?.[1];
    expect(said).toBe(`Exported: "${file}" is in your browser's downloads.`);
    const saved = join(downloads, file!);
    await until('the exported file on disk', async () => existsSync(saved) && !readdirSync(downloads).some((f) => /\.(crdownload|part)$/.test(f)));
    const written = JSON.parse(readFileSync(saved, 'utf8')) as ExportFile;
    expect(written.user).toEqual(before.user);

    await options.click('#clear-confirm');
    await until('the dialog closed after deleting', async () => !(await dialogOpen(options)));
    expect(await textOf(options, '[data-status="clear"]')).toBe('Your annotations, claims and reading history were deleted.');
    const after = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(summarize(after)).toEqual({ annotations: 0, claims: 0, pagesRead: 0, articles: 0, passages: 0 });
    expect(after.kb).toEqual(before.kb);
    await options.close();
  });

  it('says where an export went, and explains a bad import in the reader’s words', async () => {
    const options = await h.openExtensionPage('options/options.html');
    await options.click('#export-json');
    expect(await textOf(options, '[data-status="export"]')).toMatch(/^Exported: "crossread-\d{4}-\d{2}-\d{2}\.json" is in your browser's downloads\.$/);

    const good = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    const dir = mkdtempSync(join(tmpdir(), 'crossread-import-'));
    const path = join(dir, 'odd.json');
    writeFileSync(path, JSON.stringify({ ...good, hello: 'world' }));
    const input = (await options.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    expect(await textOf(options, '[data-status="import"].error')).toBe(
      'This file has a field Crossread does not know: "hello" (at the top level of the file). Nothing was imported; your data is as it was.',
    );
    // Another name: choosing the same file again fires no change event in Chromium.
    writeFileSync(join(dir, 'broken.json'), 'not json {');
    await input.uploadFile(join(dir, 'broken.json'));
    await until('the not-JSON message', () =>
      options.evaluate(() => document.querySelector('[data-status="import"]')?.textContent?.startsWith('This file is not a JSON file')),
    );
    await options.screenshot({ path: `${SHOTS}options-${name}.png`, fullPage: true });
    rmSync(dir, { recursive: true, force: true });
    await options.close();
  });
});
