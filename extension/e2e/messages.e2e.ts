/**
 * Messages and privilege in the real browsers. A web page cannot reach the background (no externally_connectable),
 * cannot talk to the content script through window messages or DOM events, and cannot read the extension's files
 * (the one web-accessible file is the content script's UI chunk, views only). From the extension's own pages,
 * unknown calls, malformed parameters, huge strings and prototype-pollution keys get a clear error answer and the
 * background keeps answering; in Chromium a call only the extension's pages may make is refused when it comes
 * from the content script's own world.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { EntityCard } from '../../shared/messages.ts';
import type { ExportFile } from '../../shared/userdata/types.ts';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { call, tabIdOf, value } from './fixtures/annotations/drive.ts';

/** A string every hostile message carries, so the background's spy can tell them from the content script's own. */
const MARKER = 'cl-hostile-7f3a';

/** What the spy in the background saw. */
interface Seen {
  kind: 'message' | 'external' | 'connect' | 'connectExternal';
  type: unknown;
  url: unknown;
  marked: boolean;
}

/**
 * Runs in the background: adds listeners beside the extension's own that record every runtime message and port,
 * internal or external. They answer nothing (return undefined), so the real handler's answers are unchanged.
 */
function installSpy(scope: typeof globalThis, marker: string): void {
  type Ev = { addListener(fn: (...a: never[]) => unknown): void } | undefined;
  type Api = { runtime: { onMessage: Ev; onMessageExternal?: Ev; onConnect: Ev; onConnectExternal?: Ev } };
  const g = scope as unknown as { browser?: Api; chrome: Api; clSpy?: Seen[] };
  const api = g.browser ?? g.chrome;
  const seen: Seen[] = (g.clSpy = []);
  const record = (kind: Seen['kind']) => (m: { type?: unknown; name?: unknown; sender?: { url?: unknown } }, s?: { url?: unknown }) => {
    const url = s?.url ?? m?.sender?.url;
    const text = (() => {
      try {
        return JSON.stringify(m) ?? '';
      } catch {
        return '';
      }
    })();
    seen.push({ kind, type: kind.startsWith('connect') ? m?.name : m?.type, url, marked: text.includes(marker) || url === marker });
    return undefined;
  };
  api.runtime.onMessage?.addListener(record('message') as never);
  api.runtime.onMessageExternal?.addListener(record('external') as never);
  api.runtime.onConnect?.addListener(record('connect') as never);
  api.runtime.onConnectExternal?.addListener(record('connectExternal') as never);
}

function readSpy(scope: typeof globalThis): Seen[] {
  return (scope as unknown as { clSpy?: Seen[] }).clSpy ?? [];
}

/** Runs in the page's main world: every way a page might try to reach the extension, and how each ended. */
async function attackFromPage(args: { id: string; origin: string; marker: string }): Promise<Record<string, string>> {
  const { id, origin, marker } = args;
  const out: Record<string, string> = {};
  const attempt = async (name: string, fn: () => unknown) => {
    try {
      const r = await fn();
      out[name] = `answered ${JSON.stringify(r) ?? 'undefined'}`;
    } catch (err) {
      out[name] = `failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  type Rt = { sendMessage(...a: unknown[]): unknown; connect(...a: unknown[]): { postMessage(m: unknown): void } };
  const g = globalThis as unknown as { chrome?: { runtime?: Rt }; browser?: { runtime?: Rt } };
  out.apis = `chrome.runtime: ${typeof g.chrome?.runtime}, browser.runtime: ${typeof g.browser?.runtime}`;
  const hostile = { type: 'data.clear', params: {}, marker };
  await attempt('sendMessage', () => g.chrome!.runtime!.sendMessage(id, hostile));
  await attempt('browser.sendMessage', () => g.browser!.runtime!.sendMessage(id, hostile));
  await attempt('connect', () => g.chrome!.runtime!.connect(id, { name: marker }).postMessage(hostile));
  await attempt('fetch kb.json', async () => (await fetch(`${origin}kb.json`)).status);
  await attempt('fetch manifest', async () => (await fetch(`${origin}manifest.json`)).status);
  await attempt('script background.js', () => new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${origin}background.js`;
    s.onload = () => resolve('loaded');
    s.onerror = () => reject(new Error('did not load'));
    document.head.append(s);
  }));
  // Messages and events shaped like the extension's calls, in every form a content script might listen for.
  const calls = [
    hostile,
    { type: 'settings.set', params: { disabledSites: [marker], hoverDelayMs: 300, recordReading: false } },
    { type: 'annotation.save', params: { url: location.href, title: marker, selectors: [], note: marker } },
    { type: 'page.rescan', params: {} },
  ];
  for (const c of calls) {
    window.postMessage(c, '*');
    window.postMessage(JSON.stringify(c), '*');
    for (const name of ['message', c.type, `crossread:${c.type}`, `cl-${c.type}`, 'crossread']) {
      document.dispatchEvent(new CustomEvent(name, { detail: c, bubbles: true }));
      window.dispatchEvent(new CustomEvent(name, { detail: c }));
    }
  }
  return out;
}

/** Finds the content script's isolated world in a Chromium tab and evaluates `expression` there. */
async function inContentScriptWorld(page: Page, origin: string, expression: string): Promise<unknown> {
  const session = await page.createCDPSession();
  const contexts: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
  session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  try {
    await session.send('Runtime.enable'); // reports every existing context before it returns
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === origin.slice(0, -1));
    if (!world) throw new Error(`no content script world among ${JSON.stringify(contexts)}`);
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await session.detach().catch(() => undefined);
  }
}

describe.each(BROWSERS)('messages and privilege in %s', (name) => {
  let h: Harness;
  let ext: Page;
  const kbVersion = (JSON.parse(readFileSync(join('dist', name === 'chromium' ? 'chrome' : 'firefox', 'kb.json'), 'utf8')) as { version: string }).version;

  /** The user's data and the knowledge base's version, to show that nothing changed. */
  async function snapshot(): Promise<unknown> {
    const file = await value<ExportFile>(ext, { type: 'data.export', params: {} });
    return { version: file.kb.version, user: file.user, claims: file.kb.claims.length };
  }

  async function stillAnswers(): Promise<void> {
    const card = await value<EntityCard>(ext, { type: 'entity.card', params: { id: 'vladimir-putin' } });
    expect(card.entity.id).toBe('vladimir-putin');
  }

  beforeAll(async () => {
    h = await launch(name);
    ext = await h.openExtensionPage('sidebar/sidebar.html');
    // A saved annotation and settings of our own: a hostile page that managed to clear or change them would show.
    // Recording pages read is off, so a visit leaves the user's data as it was.
    await value(ext, { type: 'settings.set', params: { disabledSites: ['kept.example'], hoverDelayMs: 450, recordReading: false } });
    await value(ext, {
      type: 'annotation.save',
      params: { url: 'https://news.example/kept', title: 'kept', selectors: [], note: 'mine' },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the built manifest opens no door to web pages', () => {
    const manifest = JSON.parse(readFileSync(join(h.extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    // The one web-accessible file is the content script's lazy UI chunk (views only); never kb.json.
    const exposed = (manifest.web_accessible_resources as { resources: string[] }[]).flatMap((r) => r.resources);
    expect(exposed).toEqual(['ui.js']);
  });

  it('a web page reaches neither the background nor the content script, and cannot read the extension', async () => {
    const before = await snapshot();
    await h.evaluateInBackground(installSpy, MARKER);
    const page = await h.openPage('/annotations/page.html');
    await tabIdOf(h, page.url()); // the content script is running and has reported its page
    const outcome = await page.evaluate(attackFromPage, { id: h.extensionId, origin: h.origin, marker: MARKER });

    for (const key of ['sendMessage', 'browser.sendMessage', 'connect', 'fetch kb.json', 'fetch manifest', 'script background.js']) {
      expect(outcome[key], `${key}: ${outcome[key]}`).toMatch(/^failed: /);
    }
    // An answered round trip shows the spy works; a page's messages would have arrived before this one.
    await stillAnswers();
    const seen = await h.evaluateInBackground(readSpy);
    expect(seen.some((s) => s.kind === 'message' && s.type === 'entity.card')).toBe(true);
    expect(seen.filter((s) => s.marked || s.kind === 'external' || s.kind === 'connectExternal')).toEqual([]);
    // The content script's own calls only: nothing a page's message or event could have caused.
    const fromTab = seen.filter((s) => s.url === page.url()).map((s) => s.type);
    expect(fromTab.filter((t) => !['matcher.data', 'page.match', 'settings.get', 'rejections.list', 'page.report', 'annotations.list', 'page.read', 'learn.link', 'learn.read'].includes(t as string))).toEqual([]);
    expect(await snapshot()).toEqual(before);
    await page.close();
  });

  it('answers unknown calls and odd shapes with an error, and keeps working', async () => {
    for (const type of ['db.dropAll', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(await call(ext, { type, params: {} })).toEqual({ ok: false, error: `unknown call ${JSON.stringify(type)}` });
    }
    expect(await call(ext, { type: 'x'.repeat(1_000_000), params: {} })).toEqual({
      ok: false,
      error: `unknown call ${JSON.stringify('x'.repeat(100))}`,
    });
    expect(await call(ext, { type: 'entity.card', params: { id: 'vladimir-putin' }, extra: 1 })).toEqual({
      ok: false,
      error: 'entity.card: unexpected field extra',
    });
    for (const params of [undefined, null, 'x', [], 7]) {
      expect(await call(ext, { type: 'settings.get', params })).toEqual({ ok: false, error: 'settings.get: params: expected an object' });
    }
    await stillAnswers();
  });

  it('answers malformed parameters and huge strings with an error naming the field', async () => {
    const save = (params: object) => call(ext, { type: 'annotation.save', params: { url: 'https://x.example/', title: '', selectors: [], note: '', ...params } });
    expect(await save({ note: 7 })).toEqual({ ok: false, error: 'annotation.save: params.note: expected a string' });
    expect(await save({ id: 1.5 })).toEqual({ ok: false, error: 'annotation.save: params.id: expected an integer' });
    expect(await save({ url: 'u'.repeat(3_000_000) })).toEqual({
      ok: false,
      error: 'annotation.save: params.url: longer than 8192 characters',
    });
    expect(await save({ selectors: new Array(3).fill({ type: 'TextPositionSelector', start: 0, end: 1 }) })).toEqual({
      ok: false,
      error: 'annotation.save: params.selectors: more than 2 items',
    });
    expect(await call(ext, { type: 'settings.set', params: { disabledSites: ['a'], hoverDelayMs: 1e12, recordReading: true } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^settings\.set: params\.hoverDelayMs: out of range/),
    });
    expect(await call(ext, { type: 'data.import', params: { file: { format: 'crossread-export' } } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^data\.import: /),
    });
    await stillAnswers();
  });

  it('refuses prototype-pollution keys, and the background\'s objects stay clean', async () => {
    // JSON.parse makes "__proto__" an own property, as a message decoded from JSON (Chromium) or cloned (Firefox) has.
    const polluted = await ext.evaluate(async (json: string) => {
      type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      const g = globalThis as unknown as { browser?: Api; chrome: Api };
      const answers = [];
      for (const m of JSON.parse(json) as unknown[]) answers.push(await (g.browser ?? g.chrome).runtime.sendMessage(m));
      return JSON.stringify(answers);
    }, JSON.stringify([
      JSON.parse('{"type":"settings.get","params":{"__proto__":{"polluted":"yes"}}}'),
      JSON.parse('{"type":"settings.set","params":{"disabledSites":[],"hoverDelayMs":300,"recordReading":true,"__proto__":{"polluted":"yes"}}}'),
      JSON.parse('{"type":"entity.card","params":{"id":"vladimir-putin","constructor":{"prototype":{"polluted":"yes"}}}}'),
      JSON.parse('{"type":"matcher.data","params":{},"__proto__":{"polluted":"yes"}}'),
    ]));
    const answers = JSON.parse(polluted) as Array<{ ok: boolean; error?: string }>;
    expect(answers.map((a) => a.ok)).toEqual([false, false, false, false]);
    expect(answers[0]!.error).toBe('settings.get: params.__proto__: unexpected field');
    expect(answers[1]!.error).toBe('settings.set: params.__proto__: unexpected field');
    expect(answers[2]!.error).toBe('entity.card: params.constructor: unexpected field');
    expect(answers[3]!.error).toBe('matcher.data: unexpected field __proto__');
    expect(await h.evaluateInBackground((scope) => ['polluted' in {}, 'polluted' in scope])).toEqual([false, false]);
    expect((await value<{ version: string }>(ext, { type: 'matcher.data', params: {} })).version).toBe(kbVersion);
  });

  // Only Chromium lets a test evaluate inside the content script's own world (a CDP isolated world); Firefox's
  // BiDi exposes no realm of an extension's content script, so there the sender checks rest on validate.test.ts.
  if (name === 'chromium') it('refuses calls only the extension pages may make when the content script sends them', async () => {
    const before = await snapshot();
    const page = await h.openPage('/annotations/page.html');
    const tabId = await tabIdOf(h, page.url());
    const answers = await inContentScriptWorld(page, h.origin, `(async () => {
      const send = (m) => chrome.runtime.sendMessage(m);
      return JSON.stringify([
        await send({ type: 'data.clear', params: {} }),
        await send({ type: 'data.export', params: {} }),
        await send({ type: 'settings.set', params: { disabledSites: [], hoverDelayMs: 300, recordReading: false } }),
        await send({ type: 'tab.claims', params: { tabId: ${tabId} } }),
        await send({ type: 'entity.card', params: { id: 'vladimir-putin' } }),
      ]);
    })()`);
    const [clear, exp, settings, tab, card] = JSON.parse(answers as string) as Array<{ ok: boolean; error?: string; value?: EntityCard }>;
    expect(clear).toEqual({ ok: false, error: "data.clear: refused, only the extension's pages may ask" });
    expect(exp).toEqual({ ok: false, error: "data.export: refused, only the extension's pages may ask" });
    expect(settings).toEqual({ ok: false, error: "settings.set: refused, only the extension's pages may ask" });
    expect(tab).toEqual({ ok: false, error: "tab.claims: refused, only the extension's pages may ask" });
    expect(card?.value?.entity.id).toBe('vladimir-putin'); // the content script's own calls still answer
    expect(await snapshot()).toEqual(before);
    await page.close();
  });
});
