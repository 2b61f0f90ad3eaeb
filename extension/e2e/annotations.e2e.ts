/**
 * Annotations in the real browsers: annotate → reload → found again; a slightly edited page → still found; a bad
 * import → an error on the options page and not one row changed; a claim confirmed on page A → listed as another
 * source of that claim, with a text-fragment link, for every later page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { ClaimDetails } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { passageLink } from '../ui/links.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { inToolbar, selectPassage, tabIdOf, until, value, type Status } from './fixtures/annotations/drive.ts';

const PASSAGE = 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs auf einen der beiden Partner vor';
const EDITED = 'Der Vertrag sieht gegenseitige Hilfe im Fall eines Angriffs auf einen der beiden Partner vor';

describe.each(BROWSERS)('annotations in %s', (name) => {
  let h: Harness;
  let ext: Page;

  beforeAll(async () => {
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps a note, finds it again after a reload, and after a small edit of the page', async () => {
    const url = h.server.url('/annotations/page.html');
    const page = await h.openPage(url);
    await selectPassage(page, 'p2', PASSAGE);
    await inToolbar(page, '.cl-act-note', 'click');
    await inToolbar(page, '.cl-note', { type: 'Beistand = Artikel 4?' });
    await inToolbar(page, '.cl-save', 'click');
    const [saved] = await until('the saved annotation', async () => {
      const list = await value<Array<{ id: number; note: string; selectors: [{ exact: string }] }>>(ext, { type: 'annotations.list', params: { url } });
      return list.length === 1 && list;
    });
    expect(saved!.note).toBe('Beistand = Artikel 4?');
    expect(saved!.selectors[0].exact).toBe(PASSAGE);

    await page.reload({ waitUntil: 'load' });
    const tabId = await tabIdOf(h, url);
    const again = await until('the annotation re-anchored after reload', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, tabId);
      return s.placed.length === 1 && s;
    });
    expect(again).toMatchObject({ placed: [{ id: saved!.id, text: PASSAGE }], orphans: [] });

    const edited = await h.openPage(`${url}#edited`);
    const editedTab = await tabIdOf(h, `${url}#edited`);
    const fuzzy = await until('the annotation anchored in the edited page', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, editedTab);
      return s.placed.length + s.orphans.length === 1 && s;
    });
    expect(fuzzy).toMatchObject({ placed: [{ id: saved!.id, text: EDITED }], orphans: [] });
    await Promise.all([page.close(), edited.close()]);
  });

  it('refuses a bad import with a message and changes nothing', async () => {
    const before = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect(before.user.annotations.length).toBeGreaterThan(0);
    const bad = structuredClone(before);
    bad.user.annotations[0]!.selectors[1].end += 5;
    const dir = mkdtempSync(join(tmpdir(), 'crossread-import-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));

    const options = await h.openExtensionPage('options/options.html');
    const input = (await options.waitForSelector('input#import-file', { timeout: 10_000 })) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    const message = await until('the import error', () =>
      options.evaluate(() => document.querySelector('[data-status="import"].error')?.textContent ?? null),
    );
    expect(message).toContain('Nothing was imported; your data is as it was.');
    expect(message).toContain("A passage's position in its page does not match its quoted text (in entry 1 of your annotations).");
    const after = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    expect({ ...after, exported: '' }).toEqual({ ...before, exported: '' });
    await options.close();
  });

  it('lists a claim confirmed on page A among the other sources of that claim on page B, linked at the passage', async () => {
    const urlA = h.server.url('/annotations/page.html?a');
    const pageA = await h.openPage(urlA);
    await selectPassage(pageA, 'p2', PASSAGE);
    await inToolbar(pageA, '.cl-act-claim', 'click');
    await inToolbar(pageA, '.cl-claim-search', { type: 'Beistand' });
    // Read the choice's claim and click that very element in one step: the list may still re-render as the
    // search answers, and a click on a later list could confirm another claim than the one read.
    const choice = await pageA.waitForFunction(
      () => {
        const el = document.querySelector('cl-annotate')?.shadowRoot?.querySelector<HTMLElement>('.cl-choice');
        if (!el) return null;
        const id = el.getAttribute('data-claim');
        el.click();
        return id;
      },
      { timeout: 10_000, polling: 50 },
    );
    const claimId = (await choice.jsonValue()) as string;

    // What page B's claim card and sidebar show for the claim: every source, the page read among them.
    const details = await until('page A among the sources', async () => {
      const d = await value<ClaimDetails>(ext, { type: 'claim.details', params: { id: claimId } });
      return d.occurrences.some((o) => o.source.url === urlA) && d;
    });
    const read = details.occurrences.find((o) => o.source.url === urlA)!;
    expect(read.quote).toBe(PASSAGE);
    expect(read.source.title).toBe('Pakt zwischen Moskau und Pjöngjang');
    expect(passageLink(read.source, read.quote, claimId)).toEqual({
      kind: 'web',
      href: `${urlA}#:~:text=Der%20Vertrag%20sieht%20gegenseitigen,der%20beiden%20Partner%20vor`,
    });
    expect(details.occurrences.length).toBeGreaterThan(1);
    await pageA.close();
  });
});
