/**
 * The tree's layering, read from the import statements of every source file (tests and the e2e harness aside):
 *
 *   shared/*           pure: imports only shared/
 *   extension/ui, the files directly in extension/   imports only shared/ (and the locales)
 *   extension/<part>   background, content, sidebar, options, reader: shared/, extension/ui and extension/*.ts only,
 *                      never another part
 *   scripts/           tooling: may import anything; nothing imports it
 *
 * and no two folders import each other, at the top and inside the content script (where only imports that
 * survive compilation count: a type may name the folder that uses it). Only render/ writes to the page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const PARTS = ['background', 'content', 'sidebar', 'options', 'reader'];

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !/\.test\.tsx?$/.test(f) && !f.startsWith('extension/e2e/') && !f.endsWith('.d.ts'));

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every relative import of every file, resolved to a path in the repository. */
const edges: Edge[] = files.flatMap((file) => {
  const source = readFileSync(file, 'utf8');
  const found: Edge[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|^\s*import\s+['"](\.[^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) {
    const spec = m[3] ?? m[4] ?? m[5];
    if (!spec) continue;
    // `typeof import('…')` in a type position is erased like `import type`.
    const typeOnly = !!m[2] || (m[4] !== undefined && /typeof\s+$/.test(source.slice(0, m.index)));
    found.push({ from: file, to: normalize(join(dirname(file), spec)), typeOnly });
  }
  return found;
});

/** The folder a file belongs to, at the depth the rules speak of: shared/match, extension/content, scripts. */
function unit(path: string): string {
  const [top, second, third] = path.split('/');
  if (top === 'scripts') return 'scripts';
  if (top !== 'shared' && top !== 'extension') return top ?? path;
  return third === undefined ? top : `${top}/${second}`;
}

/** The content script's subfolder of a file, or null for a file directly in extension/content. */
function contentPart(path: string): string | null {
  const parts = path.split('/');
  return parts[0] === 'extension' && parts[1] === 'content' && parts.length > 3 ? (parts[2] ?? null) : null;
}

function allowed(from: string, to: string): boolean {
  if (from === to || to === 'shared' || to.startsWith('shared/')) return true;
  if (from === 'shared' || from.startsWith('shared/')) return false;
  if (to === 'scripts') return false;
  if (from === 'scripts') return true;
  if (from === 'extension' || from === 'extension/ui') return to === 'extension' || to === 'extension/ui' || to === 'extension/_locales';
  return to === 'extension' || to === 'extension/ui';
}

/** Pairs of folders that import each other, directly or around a loop. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const reach = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [...(graph.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(graph.get(next) ?? []));
    }
    return seen;
  };
  const loops = new Set<string>();
  for (const a of graph.keys()) for (const b of reach(a)) if (a < b && reach(b).has(a)) loops.add(`${a} <-> ${b}`);
  return [...loops].map((l) => l.split(' <-> '));
}

describe('the layering', () => {
  it('reads a real import graph', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'extension/content/index.ts' && e.to === 'extension/content/page-session.ts')).toBe(true);
  });

  it('has no import against it', () => {
    const against = edges
      .filter((e) => !allowed(unit(e.from), unit(e.to)))
      .map((e) => `${e.from} -> ${e.to}`);
    expect(against).toEqual([]);
  });

  it('keeps the extension\'s parts apart', () => {
    const across = edges.filter((e) => {
      const [a, b] = [unit(e.from), unit(e.to)];
      return a !== b && PARTS.some((p) => a === `extension/${p}`) && PARTS.some((p) => b === `extension/${p}`);
    });
    expect(across.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no two folders importing each other', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const [a, b] = [unit(e.from), unit(e.to)];
      if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('has no two subfolders of the content script importing each other', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges) {
      const [a, b] = [contentPart(e.from), contentPart(e.to)];
      if (a && b && a !== b && !e.typeOnly) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    expect(graph.size).toBeGreaterThan(3);
    expect(cycles(graph)).toEqual([]);
  });

  it('lets only render/ write to the page', () => {
    const writes = /\.(append|prepend|before|after|replaceWith|appendChild|insertBefore|removeChild|splitText|normalize|attachShadow)\(|\.remove\(\)|CSS\.highlights\.(set|delete)\(|\.(textContent|innerText|data)\s*=[^=]/;
    const content = files.filter((f) => f.startsWith('extension/content/'));
    expect(content.filter((f) => f.startsWith('extension/content/render/') && writes.test(readFileSync(f, 'utf8'))).length).toBeGreaterThan(2);
    const outside = content.filter((f) => !f.startsWith('extension/content/render/') && writes.test(readFileSync(f, 'utf8')));
    expect(outside).toEqual([]);
  });
});
