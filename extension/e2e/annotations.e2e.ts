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
import type { ClaimDetails, Result } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { passageLink } from '../ui/links.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';

const PASSAGE = 'Der Vertrag sieht gegenseitigen Beistand im Fall eines Angriffs auf einen der beiden Partner vor';
const EDITED = 'Der Vertrag sieht gegenseitige Hilfe im Fall eines Angriffs auf einen der beiden Partner vor';

type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { sendMessage(id: number, m: unknown): Promise<unknown>; query(q: object): Promise<Array<{ id?: number; url?: string }>> } };

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = '';
  for (;;) {
    const got = await probe().catch((err: unknown) => ((last = String(err)), null));
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sends a runtime message (or, with `tabId`, a message to that tab) from an extension page; JSON back. */
async function call<T>(page: Page, message: unknown, tabId?: number): Promise<Result<T>> {
  const json = await page.evaluate(
    async (m, tab) => {
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = g.browser ?? g.chrome;
      const answer = await (tab === null ? api.runtime.sendMessage(m) : api.tabs.sendMessage(tab, m)).catch((e: Error) => ({ ok: false, error: e.message }));
      return JSON.stringify(answer ?? null);
    },
    message,
    tabId ?? null,
  );
  return JSON.parse(json) as Result<T>;
}

async function value<T>(page: Page, message: unknown, tabId?: number): Promise<T> {
  const answer = await call<T>(page, message, tabId);
  if (!answer?.ok) throw new Error(`expected an answer, got ${JSON.stringify(answer)}`);
  return answer.value;
}

/** Every tab report the background keeps in storage.session (`tab:ID` → its page's report). */
function sessionReports(scope: typeof globalThis): Promise<Record<string, { url: string }>> {
  type Storage = { storage: { session: { get(k: null): Promise<object> } } };
  const g = scope as unknown as { browser?: Storage; chrome: Storage };
  return (g.browser ?? g.chrome).storage.session.get(null) as Promise<Record<string, { url: string }>>;
}

/**
 * The id of the tab showing `url`, from the report its content script sent (tabs.query gives no URLs without the
 * tabs permission, which the extension does not ask for).
 */
async function tabIdOf(h: Harness, url: string): Promise<number> {
  const key = await until(`a report from ${url}`, async () => {
    const reports = await h.evaluateInBackground(sessionReports);
    return Object.keys(reports).find((k) => reports[k]!.url === url);
  });
  return Number(key.slice('tab:'.length));
}

/** Selects `quote` inside element `#id` as a user would, until the content script answers with its toolbar. */
async function selectPassage(page: Page, id: string, quote: string): Promise<void> {
  await until('the selection toolbar', () =>
    page.evaluate(
      (elementId, text) => {
        const node = document.getElementById(elementId)!.firstChild as Text;
        const at = node.data.indexOf(text);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        document.getElementById(elementId)!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, composed: true }));
        return new Promise<boolean>((resolve) =>
          setTimeout(() => resolve(!!document.querySelector('cl-annotate')?.shadowRoot?.querySelector('.cl-act-note')), 150),
        );
      },
      id,
      quote,
    ),
  );
}

/** Runs `action` on an element of the toolbar's shadow root once it exists. */
async function inToolbar(page: Page, selector: string, action: 'click' | { type: string }): Promise<void> {
  await page.waitForFunction((s) => !!document.querySelector('cl-annotate')?.shadowRoot?.querySelector(s), { timeout: 10_000, polling: 50 }, selector);
  await page.evaluate(
    (s, a) => {
      const el = document.querySelector('cl-annotate')!.shadowRoot!.querySelector(s) as HTMLInputElement;
      if (a === 'click') el.click();
      else {
        el.value = a.type;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }
    },
    selector,
    action,
  );
}

interface Status {
  placed: Array<{ id: number; text: string }>;
  orphans: number[];
}

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
    expect(again).toEqual({ placed: [{ id: saved!.id, text: PASSAGE }], orphans: [] });

    const edited = await h.openPage(`${url}#edited`);
    const editedTab = await tabIdOf(h, `${url}#edited`);
    const fuzzy = await until('the annotation anchored in the edited page', async () => {
      const s = await value<Status>(ext, { type: 'annotations.status', params: {} }, editedTab);
      return s.placed.length + s.orphans.length === 1 && s;
    });
    expect(fuzzy).toEqual({ placed: [{ id: saved!.id, text: EDITED }], orphans: [] });
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
    expect(message).toContain('Nothing was changed');
    expect(message).toContain('position does not span the quote');
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
    await pageA.waitForFunction(() => !!document.querySelector('cl-annotate')?.shadowRoot?.querySelector('.cl-choice'), { timeout: 10_000, polling: 50 });
    const claimId = await pageA.evaluate(() => document.querySelector('cl-annotate')!.shadowRoot!.querySelector('.cl-choice')!.getAttribute('data-claim')!);
    await inToolbar(pageA, '.cl-choice', 'click');

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
