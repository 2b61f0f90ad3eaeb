/**
 * `npm start`: builds the extension, serves a corpus article on 127.0.0.1 and opens a browser on it with
 * Crossread installed as a temporary add-on (web-ext run), so a person can try it. Stops the server when the
 * browser closes. Needs a display: without one it says so and exits instead of waiting on a browser that
 * cannot open (`xvfb-run npm start` works for a look without a screen).
 * Flags: --browser=firefox|chromium (default firefox), --article=<source id> (default the first corpus article).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { isEntry, runMain } from './cli/entry.ts';
import { buildExtension, distDir, ROOT } from './build.ts';
import { corpusIds, startFixtureServer } from '../extension/e2e/fixtures/server.ts';

type BrowserChoice = 'firefox' | 'chromium';

/** Debian's browsers, as the e2e harness uses them. */
const EXECUTABLE: Record<BrowserChoice, string> = { firefox: '/usr/bin/firefox-esr', chromium: '/usr/bin/chromium' };

interface StartOptions {
  browser: BrowserChoice;
  article?: string;
}

function parseArgs(argv: string[]): StartOptions {
  const opts: StartOptions = { browser: 'firefox' };
  for (const arg of argv) {
    const [key, value] = arg.split('=', 2);
    if (key === '--browser' && (value === 'firefox' || value === 'chromium')) opts.browser = value;
    else if (key === '--article' && value) opts.article = value;
    else throw new Error(`start: unknown argument ${arg} (use --browser=firefox|chromium, --article=<source id>)`);
  }
  return opts;
}

/** Why a browser window cannot open here, or null when one can. */
function missingDisplay(): string | null {
  if (process.platform !== 'linux') return null;
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'start: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser window can open.\n' +
    '       Run it from a desktop session, or under a virtual display: xvfb-run npm start';
}

/** The web-ext run arguments for `browser`, opening `url`. */
function webExtArgs(browser: BrowserChoice, url: string): string[] {
  const target = browser === 'firefox'
    ? ['--target', 'firefox-desktop', '--firefox', EXECUTABLE.firefox]
    : ['--target', 'chromium', '--chromium-binary', EXECUTABLE.chromium];
  // Chromium refuses to run as root with its sandbox on (containers, CI images).
  const rootArgs = browser === 'chromium' && process.getuid?.() === 0 ? ['--arg=--no-sandbox'] : [];
  return ['run', '--source-dir', distDir(browser === 'firefox' ? 'firefox' : 'chrome'), ...target,
    ...rootArgs, '--start-url', url, '--no-input'];
}

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  await buildExtension({ targets: [opts.browser === 'firefox' ? 'firefox' : 'chrome'] });
  const article = opts.article ?? corpusIds()[0];
  if (!article || !corpusIds().includes(article)) throw new Error(`start: no corpus article ${String(article)}`);
  const server = await startFixtureServer();
  const url = server.url(`/article/${article}.html`);
  console.log(`start: serving ${url}`);
  const problem = missingDisplay();
  if (problem) {
    console.error(problem);
    await server.close();
    return 1;
  }
  console.log(`start: opening ${opts.browser} with the extension (close the browser or press Ctrl+C to stop)`);
  // web-ext's own binary rather than npx, so the SIGINT forwarded below reaches it and it closes the browser.
  const webExt = join(ROOT, 'node_modules', '.bin', 'web-ext');
  const child = spawn(webExt, webExtArgs(opts.browser, url), { cwd: ROOT, stdio: 'inherit' });
  const stop = () => child.kill('SIGINT');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 0)));
  await server.close();
  return code;
}

if (isEntry(import.meta.url)) runMain(main);
