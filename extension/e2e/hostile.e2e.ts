/**
 * Hostile pages (fixtures/hostile/) in both real browsers. For each page: the extension still highlights the page's
 * ordinary text; the page's DOM, text, form values, selection, focus and layout are as the page left them; nothing
 * escapes as an error; no main-thread task of ours lasts 100 ms or more; and the next page still gets highlights.
 *
 * Busy time is measured inside the page (fixtures/hostile/heartbeat.js) by a 10 ms timer chain, in both browsers,
 * from the moment the page has loaded and drawn twice (its own start-up work is not ours), over the rest of the
 * first scan and a full rescan asked for on purpose. Chromium's 'longtask' entries are checked as well.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { pointOf, hover, waitForCard, waitForHighlights } from './ui-page.ts';

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
const SNAPSHOT_JS = readFileSync(new URL('./fixtures/hostile/snapshot.js', import.meta.url), 'utf8');
/** The bound for a main-thread task. */
const MAX_TASK_MS = 100;

/** A puppeteer realm: something that evaluates source text. */
interface Realm {
  evaluate(source: string): Promise<unknown>;
}

/**
 * Evaluates in a world of its own (a CDP isolated world in Chromium, a BiDi sandbox in Firefox), where the page's
 * replaced built-ins do not reach. Frame.isolatedRealm() is puppeteer-internal; it is what its own helpers use.
 */
function isolated(page: Page): Realm {
  return (page.mainFrame() as unknown as { isolatedRealm(): Realm }).isolatedRealm();
}

/** Polls a main-world expression until it is truthy; plain evaluation, so it works on pages that broke Promise. */
async function until(page: Page, expression: string, timeout: number, what: string): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(expression).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True once the canary paragraph's "Pjöngjang" is highlighted: the first scan reached the end of the page. */
const CANARY_DONE = `(() => { const h = CSS.highlights.get('cl-entity'); if (!h) return false;
  for (const r of h) if (r.startContainer.parentElement && r.startContainer.parentElement.id === 'canary' && r.toString() === 'Pjöngjang') return true;
  return false; })()`;

/** Highlight ranges that fall in editors, form fields or SVG, described; none is allowed. */
const RANGES_IN_FORBIDDEN = `(() => { const out = [];
  for (const name of ['cl-entity', 'cl-claim', 'cl-annotation']) {
    const h = CSS.highlights.get(name); if (!h) continue;
    for (const r of h) {
      for (let n = r.commonAncestorContainer; n; n = n.parentNode) {
        const t = n.tagName;
        if (n.nodeType === 1 && (n.isContentEditable || t === 'INPUT' || t === 'TEXTAREA' || t === 'svg' || t === 'foreignObject')) { out[out.length] = name + ':' + r.toString(); break; }
      }
    }
  }
  return out.length + (out.length ? ' ' + out[0] : ''); })()`;

/** Measurements and verdicts read from the page, as primitives (the built-ins page breaks arrays and JSON). */
interface PageState {
  maxBusy: number;
  maxLongtask: number;
  errors: string;
  before: string;
  layoutBefore: string;
  check: string;
  inForbidden: string;
}

function readState(page: Page): Promise<PageState> {
  return page.evaluate(`({ maxBusy: __hb.maxBusy, maxLongtask: __hb.maxLongtask, errors: __hb.errors, before: __hb.before,
    layoutBefore: __hb.layout, check: typeof __pageCheck === 'function' ? __pageCheck() : '', inForbidden: ${RANGES_IN_FORBIDDEN} })`) as Promise<PageState>;
}

/** The extension API object of an extension page's main world. */
type Api = { tabs: { query(q: object): Promise<{ id: number; url?: string }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };

/** Asks every tab's content script for a full rescan and returns once each has finished (its answer). */
async function rescanEverywhere(ctl: Page): Promise<number> {
  return ctl.evaluate(async () => {
    const api = ((globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome) as Api;
    let done = 0;
    for (const tab of await api.tabs.query({})) {
      const answer = (await api.tabs.sendMessage(tab.id, { type: 'page.rescan', params: {} }).catch(() => null)) as { ok?: boolean } | null;
      if (answer?.ok) done += 1;
    }
    return done;
  });
}

/**
 * The quietest of up to three windows: the first (end of the first scan and a full rescan), then full rescans alone.
 * A long task of ours comes back in every full rescan; a stall from the machine (two cores shared with other
 * browser tests) rarely hits three windows in a row.
 */
async function leastBusy(page: Page, ctl: Page, first: PageState): Promise<{ maxBusy: number; maxLongtask: number }> {
  let best = { maxBusy: first.maxBusy, maxLongtask: first.maxLongtask };
  for (let attempt = 1; attempt < 3 && (best.maxBusy >= MAX_TASK_MS || best.maxLongtask >= MAX_TASK_MS); attempt++) {
    await page.evaluate('__hb.start()');
    expect(await rescanEverywhere(ctl)).toBeGreaterThanOrEqual(1);
    const next = await readState(page);
    if (Math.max(next.maxBusy, next.maxLongtask) < Math.max(best.maxBusy, best.maxLongtask)) best = next;
  }
  return best;
}

/**
 * Whether two crossreadLayout() strings agree within 2 px: the same blocks, each where it was. Firefox settles a
 * pixel of rounding between the page's parse and later (fonts, transitions); what we look for is a shift of lines.
 */
function sameLayout(a: string, b: string): boolean {
  const shape = (s: string) => s.replace(/-?\d+/g, '#');
  const numbers = (s: string) => (s.match(/-?\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a), numbers(b)];
  return shape(a) === shape(b) && x.every((n, i) => Math.abs(n - (y[i] as number)) <= 2);
}

/** One hostile fixture and what is special about it. */
interface Fixture {
  name: string;
  /** Extra checks after the common ones, on the same tab. */
  extra?: (page: Page, h: Harness) => Promise<void>;
}

const FIXTURES: Fixture[] = [
  { name: 'huge' },
  { name: 'deep' },
  { name: 'churn', extra: checkChurn },
  { name: 'shadow' },
  { name: 'iframe' },
  { name: 'editors', extra: checkEditors },
  { name: 'svg' },
  { name: 'rtl', extra: checkRtl },
  { name: 'builtins' },
  { name: 'csp', extra: checkCsp },
  { name: 'marks', extra: checkMarks },
];

/** The page goes on rewriting itself, and the highlights follow the text it writes now. */
async function checkChurn(page: Page): Promise<void> {
  const ticks = (await page.evaluate('__churn.ticks')) as number;
  await until(page, `__churn.ticks > ${ticks + 5}`, 10_000, 'the page to keep ticking');
  // A highlight in #ticker must be of text the ticker holds now or held a moment ago, never of a stale node.
  await until(
    page,
    `(() => { const h = CSS.highlights.get('cl-entity'); for (const r of h) { const p = r.startContainer.parentElement;
       if (p && p.id === 'ticker' && r.startContainer.isConnected && p.textContent.includes(r.toString())) return true; } return false; })()`,
    10_000,
    'a highlight on the rewritten ticker',
  );
  expect(await page.evaluate('__pageCheck()')).toBe('');
}

/** Typing, caret and selection in editors behave as without the extension, and no toolbar takes the focus. */
async function checkEditors(page: Page): Promise<void> {
  await page.bringToFront();
  // The page left [12, 23) of the first paragraph selected: typing replaces it, the caret follows the typing.
  const original = 'Im Editor: Kim Jong Un empfing Putin in Pjöngjang.';
  await page.keyboard.type(' Ende');
  const typed = await page.evaluate(`(() => { const s = getSelection(); const p = document.querySelector('#editor p');
    return { text: p.textContent, caret: s.focusOffset, inEditor: s.focusNode.parentElement === p, collapsed: s.isCollapsed,
      active: document.activeElement.id }; })()`);
  expect(typed).toEqual({ text: `${original.slice(0, 12)} Ende${original.slice(23)}`, caret: 17, inEditor: true, collapsed: true, active: 'editor' });
  await page.keyboard.down('Shift');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  // The annotation toolbar opens on a text selection; in an editor it must not, or it would take the caret.
  const toolbar = await page
    .waitForFunction(() => !!document.querySelector('cl-annotate'), { timeout: 2_000, polling: 50 })
    .then(() => true, () => false);
  const after = await page.evaluate(`(() => { const s = getSelection(); return { selected: s.toString(), active: document.activeElement.id }; })()`);
  expect({ toolbar, ...(after as object) }).toEqual({ toolbar: false, selected: 'nde', active: 'editor' });
  await until(page, `(${RANGES_IN_FORBIDDEN}).startsWith('0')`, 5_000, 'no highlight inside the editors');

  await page.focus('#textarea');
  await page.keyboard.press('End');
  await page.keyboard.type(' Seoul');
  await page.keyboard.down('Shift');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.up('Shift');
  const field = await page.evaluate(`(() => { const t = document.getElementById('textarea');
    return { value: t.value, sel: [t.selectionStart, t.selectionEnd], active: document.activeElement.id }; })()`);
  expect(field).toEqual({ value: 'Kim Jong Un empfing Putin in Pjöngjang. Seoul', sel: [44, 45], active: 'textarea' });
}

/** Every highlight's text is the name it stands for, bidi controls and all around it. */
async function checkRtl(page: Page): Promise<void> {
  const texts = (await page.evaluate(`(() => { const out = []; for (const r of CSS.highlights.get('cl-entity')) out.push(r.toString()); return out; })()`)) as string[];
  expect(texts).toEqual(expect.arrayContaining(['Putin', 'Kim Jong Un', 'Pjöngjang']));
  for (const t of texts) expect(t).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c]/);
}

/** Under a strict CSP our page style still applies, the card still opens styled, and no violation is reported. */
async function checkCsp(page: Page): Promise<void> {
  expect(await page.evaluate(`(() => { const s = document.querySelector('style.cl-style'); return !!(s && s.sheet); })()`)).toBe(true);
  await page.bringToFront();
  await hover(page, await pointOf(page, 'cl-entity', 'Pjöngjang'));
  await waitForCard(page, true);
  const padding = await page.evaluate(() => getComputedStyle(document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card')!).paddingTop);
  expect(padding).toBe('12px');
  await page.keyboard.press('Escape');
  await waitForCard(page, false);
  expect((await readState(page)).errors).toBe('');
}

/** The page keeps its own highlight, and the card is shown despite CSS that hides and restyles everything. */
async function checkMarks(page: Page): Promise<void> {
  expect(await page.evaluate('__pageCheck()')).toBe('');
  await page.bringToFront();
  await hover(page, await pointOf(page, 'cl-entity', 'Pjöngjang'));
  await waitForCard(page, true);
  const box = await page.evaluate(() => {
    const b = document.querySelector('cl-root')!.shadowRoot!.querySelector('.cl-card')!.getBoundingClientRect();
    return { w: b.width, h: b.height, display: getComputedStyle(document.querySelector('cl-root')!).display };
  });
  expect(box.display).toBe('block');
  expect(box.w).toBeGreaterThan(100);
  expect(box.h).toBeGreaterThan(30);
  await page.keyboard.press('Escape');
  await waitForCard(page, false);
}

describe.each(BROWSERS)('hostile pages in %s', (name) => {
  let h: Harness;
  let page: Page;
  let ctl: Page;
  const problems: string[] = [];
  const measured: Record<string, { firstWindowMs: number; maxBusyMs: number; maxLongtaskMs: number | null }> = {};

  beforeAll(async () => {
    h = await launch(name);
    ctl = await h.openExtensionPage('reader/reader.html');
    page = await h.browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    page.on('pageerror', (err) => problems.push(`pageerror: ${(err as Error).message ?? err}`));
    page.on('console', (msg) => {
      const from = msg.location()?.url ?? '';
      if ((msg.type() === 'error' || msg.type() === 'warn') && (msg.text().includes('Crossread') || from.startsWith(h.origin))) {
        problems.push(`console ${msg.type()}: ${msg.text()}`);
      }
    });
  });
  afterAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(`${RESULTS}hostile-${name}.json`, `${JSON.stringify(measured, null, 2)}\n`);
    await h?.close();
  });

  it.each(FIXTURES)('$name: page unchanged, no error, no long task, next page fine', async ({ name: fixture, extra }) => {
    problems.length = 0;
    await page.goto(h.server.url(`/hostile/${fixture}.html`), { waitUntil: 'load' });
    await page.bringToFront();
    await until(page, '__hb.ready && __hb.before !== ""', 30_000, 'the page to load and draw');
    await until(page, CANARY_DONE, 60_000, 'the first scan to reach the canary');
    expect(await rescanEverywhere(ctl)).toBeGreaterThanOrEqual(1);

    const state = await readState(page);
    const busy = await leastBusy(page, ctl, state);
    const after = (await isolated(page).evaluate(`${SNAPSHOT_JS}\n({ dom: crossreadSnapshot(), layout: crossreadLayout() })`)) as { dom: string; layout: string };
    measured[fixture] = { firstWindowMs: Math.round(state.maxBusy), maxBusyMs: Math.round(busy.maxBusy), maxLongtaskMs: busy.maxLongtask < 0 ? null : Math.round(busy.maxLongtask) };
    expect(after.dom).toBe(state.before);
    expect(sameLayout(after.layout, state.layoutBefore), `${after.layout}\nwas\n${state.layoutBefore}`).toBe(true);
    expect({ check: state.check, inForbidden: state.inForbidden, errors: state.errors, problems }).toEqual({
      check: '',
      inForbidden: '0',
      errors: '',
      problems: [],
    });
    expect(busy.maxBusy).toBeLessThan(MAX_TASK_MS);
    expect(busy.maxLongtask).toBeLessThan(MAX_TASK_MS);

    await extra?.(page, h);
    expect(problems).toEqual([]);

    await page.goto(h.server.url('/ui/article.html'), { waitUntil: 'load' });
    await waitForHighlights(page);
  });
});
