/**
 * Runs the built extension in the real browsers installed on this machine: Debian's Chromium (puppeteer-core over
 * CDP, the extension loaded unpacked) and Firefox ESR (puppeteer-core over WebDriver BiDi, installed as a
 * temporary add-on with its UUID pinned). Each harness works on its own copy of dist/<browser>, so a test may
 * rewrite kb.json and reload the extension as an update without touching the build.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from './fixtures/server.ts';

/** The browsers the tests run in. */
export type BrowserName = 'chromium' | 'firefox';

/** Both, for `describe.each(BROWSERS)`. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** The gecko id in manifest.json. */
export const GECKO_ID = 'crossread@extension';

/** Pinned moz-extension:// UUID, so the extension's origin is known before it is installed. */
export const FIREFOX_UUID = '5d1f0b6e-2c47-4a8e-9d3b-7e6a1c0f4b29';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const EXECUTABLE: Record<BrowserName, string> = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };

/** A function to run in the background's global scope; gets that scope first, then the JSON arguments. */
export type BackgroundFn<A extends unknown[], R> = (scope: typeof globalThis, ...args: A) => R | Promise<R>;

/** A browser with the extension installed and a fixture server beside it. */
export interface Harness {
  name: BrowserName;
  browser: Browser;
  server: FixtureServer;
  /** The unpacked extension the browser loaded (a temporary copy of dist/<browser>). */
  extensionDir: string;
  /** Chromium's extension id, or Firefox's internal UUID: the host of {@link origin}. */
  extensionId: string;
  /** `chrome-extension://ID/` or `moz-extension://UUID/`, with the trailing slash. */
  origin: string;
  /** Opens `url` (absolute, or a path on the fixture server) in a new tab and waits for it to load. */
  openPage(url: string): Promise<Page>;
  /** Opens an extension page (`sidebar/sidebar.html`) in a new tab and waits for its document to be complete. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Runs `fn` in the background's global scope: the service worker in Chromium, the background page in Firefox
   * (reached from an extension page through runtime.getBackgroundPage, as BiDi exposes no background target).
   * `fn` is sent as source text: it must not close over variables; pass JSON-able `args` instead.
   */
  evaluateInBackground<A extends unknown[], R>(fn: BackgroundFn<A, R>, ...args: A): Promise<R>;
  /** Stops the MV3 service worker as the browser does when idle (Chromium only; Firefox keeps its event page). */
  stopServiceWorker(): Promise<void>;
  /** Reloads the extension from {@link extensionDir}, as an update; resolves when its background runs again. */
  reloadExtension(): Promise<void>;
  close(): Promise<void>;
}

/** The folder `npm run build` writes for each browser. */
export function distFor(name: BrowserName): string {
  return join(REPO, 'dist', name === 'chromium' ? 'chrome' : 'firefox');
}

function copyDist(name: BrowserName): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), `crossread-${name}-`));
  const dir = join(root, 'extension');
  cpSync(distFor(name), dir, { recursive: true });
  return { root, dir };
}

/** Source text of a call to `fn` with `scope` and the JSON-encoded `args`. */
function callSource(fn: (...a: never[]) => unknown, scope: string, args: unknown[]): string {
  return `(${fn.toString()})(${scope}, ...${JSON.stringify(args)})`;
}

/** `work`, or a rejection with `message` if it has not settled after `ms`. */
async function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Puppeteer's page.goto on Firefox extension pages never settles (BROWSER-TESTING.md): wait on the DOM. */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url).catch(() => undefined);
  await page.waitForFunction(
    (href: string) => location.href === href && document.readyState === 'complete',
    { timeout: 15_000, polling: 50 },
    url,
  );
}

/** Extra launch settings, for tests that need a browser configured differently (a proxy, a storage limit). */
export interface LaunchOptions {
  /** Command-line switches added to Chromium's. */
  chromiumArgs?: string[];
  /** Preferences added to Firefox's profile. */
  firefoxPrefs?: Record<string, unknown>;
  /** A folder the browser saves downloads to without asking (exports the test then reads from disk). */
  downloadsTo?: string;
}

async function launchChromium(dir: string, profile: string, options: LaunchOptions) {
  const browser = await puppeteer.launch({
    executablePath: EXECUTABLE.chromium,
    headless: true,
    // pipe + enableExtensions: installExtension (CDP Extensions.loadUnpacked) works, also to update in place;
    // chrome.runtime.reload() of an extension loaded by command-line flag leaves it disabled instead.
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.chromiumArgs ?? []),
    ],
  });
  if (options.downloadsTo) {
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: options.downloadsTo });
  }
  const extensionId = await browser.installExtension(dir);
  const origin = `chrome-extension://${extensionId}/`;
  await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(origin), { timeout: 15_000 });
  return { browser, extensionId, origin };
}

async function launchFirefox(dir: string, profile: string, options: LaunchOptions) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLE.firefox,
    headless: true,
    userDataDir: profile,
    // Lets BiDi open moz-extension:// pages; without it such navigations are refused.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(options.downloadsTo
        ? { 'browser.download.folderList': 2, 'browser.download.dir': options.downloadsTo, 'browser.download.useDownloadDir': true }
        : {}),
      ...options.firefoxPrefs,
    },
  });
  await browser.installExtension(dir);
  return { browser, extensionId: FIREFOX_UUID, origin: `moz-extension://${FIREFOX_UUID}/` };
}

/** Launches `name` with the built extension. Run `npm run build` first (the e2e globalSetup does). */
export async function launch(name: BrowserName, options: LaunchOptions = {}): Promise<Harness> {
  const { root, dir } = copyDist(name);
  const profile = join(root, 'profile');
  const server = await startFixtureServer();
  let launched: Awaited<ReturnType<typeof launchChromium>>;
  try {
    launched = name === 'chromium' ? await launchChromium(dir, profile, options) : await launchFirefox(dir, profile, options);
  } catch (err) {
    await server.close();
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  const { browser, extensionId, origin } = launched;

  /** A blank-ish extension page used to reach the background in Firefox; reopened if closed. */
  let probe: Page | null = null;
  async function probePage(): Promise<Page> {
    if (probe && !probe.isClosed()) return probe;
    probe = await openExtensionPage('reader/reader.html');
    return probe;
  }

  async function openExtensionPage(path: string): Promise<Page> {
    const url = origin + path;
    if (name !== 'firefox') {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    }
    // Firefox's BiDi sometimes loses a new tab's realm while it navigates: every evaluation then fails with
    // "right-hand side of 'in' should be an object, got null" (twice in full runs). A fresh tab does not.
    for (let attempt = 1; ; attempt++) {
      const page = await browser.newPage();
      try {
        await gotoExtensionPage(page, url);
        return page;
      } catch (err) {
        await page.close().catch(() => undefined);
        if (attempt === 3) throw err;
      }
    }
  }

  const isOurWorker = (t: { type(): string; url(): string }) =>
    t.type() === 'service_worker' && t.url().startsWith(origin);

  /**
   * Evaluates in the worker through a fresh CDP session: puppeteer's cached WebWorker dies with a stopped worker.
   * Bounded, so a worker that never answers fails the call with a message instead of the whole test's timeout.
   */
  async function evaluateInWorker(expression: string): Promise<unknown> {
    const target = await browser.waitForTarget(isOurWorker, { timeout: 15_000 });
    const session = await target.createCDPSession();
    try {
      // A worker starting while this session attaches can miss puppeteer's own resume (its auto-attach handler
      // skips targets being attached by hand); a resume from any session releases it (measured in Chromium 156).
      await session.send('Runtime.runIfWaitingForDebugger').catch(() => undefined);
      const { result, exceptionDetails } = await withDeadline(
        session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }),
        20_000,
        'harness: the service worker did not answer Runtime.evaluate',
      );
      if (exceptionDetails) {
        throw new Error(`in the service worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      }
      return result.value;
    } finally {
      await session.detach().catch(() => undefined);
    }
  }

  async function wakeWorker(): Promise<void> {
    // Any extension event starts a stopped worker; opening an extension page that messages it is the simplest.
    const page = await probePage();
    await page.evaluate(() => chrome.runtime.sendMessage({ type: 'matcher.data', params: {} }).catch(() => null));
  }

  return {
    name,
    browser,
    server,
    extensionDir: dir,
    extensionId,
    origin,
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url.startsWith('/') ? server.url(url) : url, { waitUntil: 'load' });
      return page;
    },
    openExtensionPage,
    async evaluateInBackground(fn, ...args) {
      if (name === 'chromium') {
        if (!browser.targets().some(isOurWorker)) await wakeWorker();
        return (await evaluateInWorker(callSource(fn, 'self', args))) as Awaited<ReturnType<typeof fn>>;
      }
      const page = await probePage();
      const source = `(async () => { const bg = await browser.runtime.getBackgroundPage(); return ${callSource(fn, 'bg', args)}; })()`;
      return (await page.evaluate(source)) as Awaited<ReturnType<typeof fn>>;
    },
    async stopServiceWorker() {
      if (name !== 'chromium') throw new Error('harness: only Chromium runs the background as a service worker');
      const page = await probePage();
      const session = await page.createCDPSession();
      // Watch the worker's own status: an open extension page may wake it again right after it stopped.
      let stopped!: () => void;
      const done = new Promise<void>((resolve) => (stopped = resolve));
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.scriptURL.startsWith(origin) && v.runningStatus === 'stopped')) stopped();
      });
      await session.send('ServiceWorker.enable');
      await session.send('ServiceWorker.stopAllWorkers');
      await withDeadline(done, 10_000, 'harness: the service worker did not stop').finally(() => session.detach().catch(() => undefined));
    },
    async reloadExtension() {
      // Installing the same folder again is an update in both browsers: onInstalled fires with reason "update".
      const before = browser.targets().find(isOurWorker);
      await browser.installExtension(dir);
      if (name === 'chromium') await browser.waitForTarget((t) => isOurWorker(t) && t !== before, { timeout: 15_000 });
      probe = null;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Browser globals the functions above use inside the browser; declared here because this file runs in Node. */
declare const chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
