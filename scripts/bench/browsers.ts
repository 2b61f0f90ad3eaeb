/**
 * Starts Debian's Chromium and Firefox ESR for the benchmark, with or without the built extension, as
 * /work/shared/BROWSER-TESTING.md describes. Kept apart from extension/e2e/harness.ts so the bench does not
 * depend on test plumbing; it needs only launch, install and a page.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The browsers the suite measures in. */
export type BrowserName = 'chromium' | 'firefox';

const EXECUTABLE: Record<BrowserName, string> = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };

/** A running browser and what to clean up after it. */
export interface BenchBrowser {
  name: BrowserName;
  browser: Browser;
  /** Wall-clock ms (Date.now) when the extension's install call started, if it was installed. */
  installStart?: number;
  close(): Promise<void>;
}

/** Launches `name`; with `extensionDir`, installs that unpacked extension (a private copy of it). */
export async function launchBrowser(name: BrowserName, extensionDir?: string): Promise<BenchBrowser> {
  const root = mkdtempSync(join(tmpdir(), `crossread-bench-${name}-`));
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath: EXECUTABLE.chromium,
          headless: true,
          pipe: true,
          // A call into the page may run for minutes (the pages-read bench at 10,000 articles).
          protocolTimeout: 900_000,
          enableExtensions: !!extensionDir,
          userDataDir: join(root, 'profile'),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath: EXECUTABLE.firefox,
          headless: true,
          protocolTimeout: 900_000,
          userDataDir: join(root, 'profile'),
        });
  let installStart: number | undefined;
  if (extensionDir) {
    const copy = join(root, 'extension');
    cpSync(extensionDir, copy, { recursive: true });
    installStart = Date.now();
    await browser.installExtension(copy);
  }
  return {
    name,
    browser,
    installStart,
    async close() {
      await browser.close().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Launches `name` (with `extensionDir`, that extension installed), runs `work` with it and closes it, whatever
 * happens: the one way every section of the bench starts a browser.
 */
export async function withBrowser<T>(name: BrowserName, extensionDir: string | undefined, work: (b: BenchBrowser) => Promise<T>): Promise<T> {
  const b = await launchBrowser(name, extensionDir);
  try {
    return await work(b);
  } finally {
    await b.close();
  }
}
