/** The content script's size as shipped (readable) and minified, and what the minified bundle is made of. */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { flagsFor } from '../build/bundle.ts';

/** Sizes in bytes and the largest inputs of the minified bundle. */
export interface ScriptSize {
  shipped: number;
  minified: number;
  gzip: number;
  /** Biggest contributors to the minified bundle: [folder or package, bytes]. */
  parts: [string, number][];
}

function partOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  return path.split('/').slice(0, -1).join('/');
}

/** Bundles extension/content/index.ts minified with the build's own settings for Chrome. */
export async function contentScriptSize(root: string): Promise<ScriptSize> {
  const out = await build({
    entryPoints: ['extension/content/index.ts'],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'iife',
    target: ['chrome120'],
    define: flagsFor('chrome', false),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  const file = out.outputFiles[0]!;
  const inputs = Object.values(out.metafile.outputs)[0]!.inputs;
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) parts.set(partOf(path), (parts.get(partOf(path)) ?? 0) + bytesInOutput);
  return {
    shipped: statSync(join(root, 'dist/chrome/content.js')).size,
    minified: file.contents.length,
    gzip: gzipSync(file.contents).length,
    parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}
