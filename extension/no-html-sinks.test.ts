/**
 * No extension code turns text into markup: page text, knowledge-base text and the user's notes reach the DOM only
 * as text (Preact children, textContent, data). A guard over the sources, as the conventions ask (STYLE.md 9).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOTS = ['../extension/', '../shared/'].map((r) => fileURLToPath(new URL(r, import.meta.url)));
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write(ln)?|createContextualFragment|DOMParser|srcdoc)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'e2e' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

describe('extension code', () => {
  it('has sources to check', () => expect(sources(ROOTS[0]!).length).toBeGreaterThan(20));
  it('uses no HTML sink anywhere', () => {
    const found = ROOTS.flatMap(sources).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line }))
        .filter((l) => SINKS.test(l.text)),
    );
    expect(found).toEqual([]);
  });
});
