/**
 * Privacy in the real browsers: the extension sends nothing anywhere. Each browser is launched with every
 * non-loopback request routed to a recording proxy (Chromium --proxy-server, Firefox network.proxy.* prefs; both
 * leave 127.0.0.1 direct), so a request from any context (the background, a content script, an extension page,
 * the browser itself) lands in the proxy's log and goes no further; the browsers' own update and settings services
 * are told apart by host name (see BROWSER_SERVICES). Then the extension installs and seeds, matches
 * a served article, opens a hover card, and the sidebar, reader and options pages open. The proxy must have seen
 * nothing, and every resource each context lists in its Resource Timing (both browsers leave the extension's own
 * files out; a cross-origin request would be in it) must come from the fixture server. A last request to an outside
 * host from a page proves the proxy and Resource Timing do see what leaves; the same request from an extension page
 * is stopped by its CSP before it reaches the network.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, launch, type Harness } from './harness.ts';
import { tabIdOf, until, value } from './fixtures/annotations/drive.ts';
import { hover, pointOf, waitForCard, waitForHighlights } from './ui-page.ts';

/** Chromium's own services that still call home with --disable-background-networking. */
const QUIET_CHROMIUM = [
  '--disable-features=NetworkTimeServiceQuerying,AutofillServerCommunication,OptimizationHints,MediaRouter',
  '--disable-client-side-phishing-detection',
  '--no-pings',
];

/**
 * The browsers' own services that keep calling home whatever the flags: Chromium's updater and account service,
 * Firefox's remote settings (blocklists, certificates). The proxy cannot tell which context sent a request, so
 * these hosts are told apart by name; the extension's code names no host at all (scripts/build/no-remote-code.test.ts),
 * its pages' CSP allows connect-src 'self' only, and it holds no host permissions, so none of these is ours.
 */
const BROWSER_SERVICES = new Set(['update.googleapis.com', 'accounts.google.com', 'firefox.settings.services.mozilla.com']);

/** The host a proxy log line was for. */
function hostOf(line: string): string {
  const target = line.split(' ')[1] ?? '';
  return target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
}

/** A proxy that records every request sent through it and forwards none. */
async function startRecordingProxy(): Promise<{ port: number; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(204).end(); // answered here, forwarded nowhere
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    seen,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Runs in any context: the URLs of every resource it loaded, from Resource Timing. */
function loadedResources(scope: typeof globalThis = globalThis): string[] {
  return scope.performance.getEntriesByType('resource').map((e) => e.name);
}

describe.each(BROWSERS)('privacy in %s', (name) => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  /** Every resource URL a context loaded, by context. */
  const loaded: Record<string, string[]> = {};

  beforeAll(async () => {
    proxy = await startRecordingProxy();
    const at = `127.0.0.1:${proxy.port}`;
    h = await launch(name, {
      chromiumArgs: [`--proxy-server=http://${at}`, ...QUIET_CHROMIUM],
      firefoxPrefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': false,
      },
    });
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
  });

  /** Waits until an extension page has rendered its app, then records what it loaded. */
  async function visit(path: string, ready: string): Promise<Page> {
    const page = await h.openExtensionPage(path);
    await page.waitForFunction((sel: string) => !!document.querySelector(sel), { timeout: 20_000, polling: 50 }, ready);
    loaded[path] = await page.evaluate(loadedResources);
    return page;
  }

  it('installs, seeds, matches, shows a card and opens every page without a request leaving the machine', async () => {
    const probe = await h.openExtensionPage('sidebar/sidebar.html');
    const data = await until('the knowledge base', () => value<{ version: string; sources: Array<{ id: string }> }>(probe, { type: 'matcher.data', params: {} }));

    const article = await h.openPage('/ui/article.html');
    await waitForHighlights(article);
    await tabIdOf(h, article.url());
    const entity = await article.evaluate(() => [...(CSS.highlights.get('cl-entity') ?? [])][0]!.toString());
    await hover(article, await pointOf(article, 'cl-entity', entity));
    const card = await waitForCard(article, true);
    expect(card?.text.length).toBeGreaterThan(0);
    loaded.article = await article.evaluate(loadedResources);

    await visit('sidebar/sidebar.html', 'main[aria-busy=false]');
    await visit(`reader/reader.html?source=${encodeURIComponent(data.sources[0]!.id)}`, 'article');
    await visit('options/options.html', '#settings-save');
    loaded.background = await h.evaluateInBackground(loadedResources);

    expect(proxy.seen.filter((line) => !BROWSER_SERVICES.has(hostOf(line)))).toEqual([]);
    const own = (url: string) => url.startsWith(h.origin) || url.startsWith(`${h.server.origin}/`) || url.startsWith('data:');
    for (const [where, urls] of Object.entries(loaded)) expect(urls.filter((u) => !own(u)), where).toEqual([]);
  });

  it('would have seen a request to an outside host; an extension page cannot even send one', async () => {
    const options = await h.openExtensionPage('options/options.html');
    const fromExtension = await options.evaluate(() =>
      fetch('http://crossread-privacy-check.example/extension', { mode: 'no-cors' }).then(() => 'sent', (err: Error) => `refused: ${err.message}`),
    );
    expect(fromExtension).toMatch(/^refused: /);

    const page = await h.openPage('/ui/article.html');
    const url = 'http://crossread-privacy-check.example/page';
    await page.evaluate((u: string) => fetch(u, { mode: 'no-cors' }).catch(() => null), url);
    await until('the proxy to record the request', async () => proxy.seen.some((r) => r.includes('/page')));
    // The resource entry may land after the fetch has settled: wait for it rather than read it once.
    await until('Resource Timing to list the request', async () => (await page.evaluate(loadedResources)).includes(url));
    expect(proxy.seen.filter((r) => r.includes('/extension'))).toEqual([]);
    await page.close();
    await options.close();
  });
});
