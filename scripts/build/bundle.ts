/**
 * Bundles the extension's entry points for one browser with esbuild. Classic scripts (iife) for the entry
 * points: Firefox loads background scripts as classic scripts, and content scripts cannot be modules. The
 * content script's lazy UI chunk is the one ES module: the content script loads it with import().
 */
import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import type { Target } from './manifest.ts';

/** Entry point (relative to the repository) → output file (relative to the browser's dist folder). */
export const ENTRIES: Record<string, string> = {
  'extension/background/index.ts': 'background.js',
  'extension/content/index.ts': 'content.js',
  'extension/sidebar/index.tsx': 'sidebar/sidebar.js',
  'extension/reader/index.tsx': 'reader/reader.js',
  'extension/options/index.tsx': 'options/options.js',
};

/** ES modules loaded with import() (relative to the repository) → output file; web-accessible in the manifest. */
export const CHUNKS: Record<string, string> = {
  'extension/content/lazy-ui/chunk.tsx': 'ui.js',
};

/** Lowest browser versions we build for; match strict_min_version and what the content script relies on. */
const ENGINES: Record<Target, string[]> = {
  chrome: ['chrome120'],
  firefox: ['firefox142'],
};

/** Compile-time flags (declared for TypeScript in extension/build-flags.d.ts). */
export function flagsFor(target: Target, dev: boolean): Record<string, string> {
  return {
    __BROWSER__: JSON.stringify(target),
    __DEV__: JSON.stringify(dev),
  };
}

/** Writes every bundle of `target` under `outDir`. */
export async function bundle(root: string, outDir: string, target: Target, dev = false): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    format: 'iife',
    target: ENGINES[target],
    platform: 'browser',
    define: flagsFor(target, dev),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    // CSS imported from TypeScript arrives as a string, for shadow roots and adopted style sheets.
    loader: { '.css': 'text' },
    charset: 'utf8',
    legalComments: 'none',
    sourcemap: dev ? 'inline' : false,
    // Readable output: reviewers (AMO) read the shipped code; size hardly matters for a local extension.
    minify: false,
    // Folds the __BROWSER__ comparisons so each browser's bundle holds only its own branch.
    minifySyntax: true,
    logLevel: 'warning',
    absWorkingDir: root,
  };
  await Promise.all([
    ...Object.entries(ENTRIES).map(([entry, out]) => build({ ...common, entryPoints: [entry], outfile: join(outDir, out) })),
    ...Object.entries(CHUNKS).map(([entry, out]) =>
      build({ ...common, format: 'esm', entryPoints: [entry], outfile: join(outDir, out) }),
    ),
  ]);
}
