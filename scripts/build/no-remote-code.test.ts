/**
 * The built extension loads no code from anywhere but itself. Both browsers' bundles, pages and styles are built
 * into a temporary folder and searched for every http(s) URL; each one found must be on the list below, which says
 * why it is harmless. The manifest's extension_pages policy must allow only the extension's own files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../build.ts';
import { bundle } from './bundle.ts';
import { manifestFor, type Manifest, type Target } from './manifest.ts';
import { copyStatic } from './static.ts';

/** Every URL the built code may contain, and why none of them is ever requested. */
const ALLOWED: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'XML namespace name Preact passes to createElementNS',
  'http://www.w3.org/1999/xhtml': 'XML namespace name Preact passes to createElementNS',
  'http://www.w3.org/1998/Math/MathML': 'XML namespace name Preact passes to createElementNS',
  'http://www.w3.org/ns/anno.jsonld': 'the JSON-LD @context written into exported Web Annotation files; a name, never fetched',
  'https://tinyurl.com/y2uuvskb': "text of Dexie's MissingAPI error message",
  'http://bit.ly/2kdckMn': "text of Dexie's PrematureCommit error message",
};

const URL_PATTERN = /https?:\/\/[^\s"'`)<>\\]+/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(js|html|css)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe.each<Target>(['chrome', 'firefox'])('the %s build', (target) => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), `crossread-urls-${target}-`));
    copyStatic(join(ROOT, 'extension'), out);
    await bundle(ROOT, out, target, false);
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('holds no URL but the allowed names and message texts', () => {
    const files = filesUnder(out);
    expect(files.some((f) => f.endsWith('background.js'))).toBe(true);
    const found = new Map<string, string[]>();
    for (const file of files) {
      for (const [url] of readFileSync(file, 'utf8').matchAll(URL_PATTERN)) {
        found.set(url, [...(found.get(url) ?? []), file.slice(out.length + 1)]);
      }
    }
    const unexpected = [...found].filter(([url]) => !(url in ALLOWED));
    expect(unexpected).toEqual([]);
  });

  it('loads scripts and styles only from its own files', () => {
    for (const file of filesUnder(out)) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.html')) {
        for (const [, ref] of text.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]+)/g)) expect(ref, file).not.toMatch(/^(?:[a-z]+:|\/\/)/i);
      } else if (file.endsWith('.js')) {
        expect(text, file).not.toMatch(/\bimportScripts\s*\(/);
        expect(text, file).not.toMatch(/\bimport\s*\(\s*["'`]?(?:https?:|\/\/)/);
        expect(text, file).not.toMatch(/\bnew\s+Function\s*\(|\beval\s*\(/);
      } else {
        expect(text, file).not.toMatch(/@import\s+(?:url\()?\s*["']?(?:https?:|\/\/)/);
      }
    }
  });

  it("has an extension_pages policy with no 'unsafe-*' and no remote sources", () => {
    const base = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
    const csp = (manifestFor(target, base).content_security_policy as { extension_pages: string }).extension_pages;
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k!, v]));
    for (const [name, sources] of directives) {
      for (const s of sources) expect(`${name} ${s}`).toMatch(new RegExp(`^${name} ('self'|'none'|data:)$`));
    }
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe|https?:|\*|blob:|wasm/);
  });
});
