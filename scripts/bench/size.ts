/**
 * The content script's size as shipped (readable) and minified, and what the minified bundle is made of; the
 * same for its lazy UI chunk, which a page loads only on first use (a hovered highlight, a selection).
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHUNKS, flagsFor } from '../build/bundle.ts';

/** Sizes in bytes of one bundle and its largest inputs. */
export interface BundleSize {
  /** The file in dist/chrome. */
  file: string;
  shipped: number;
  minified: number;
  gzip: number;
  /** Biggest contributors to the minified bundle: [folder or package, bytes]. */
  parts: [string, number][];
}

/** The always-loaded content script, and the chunk it loads on first use. */
export interface ScriptSize extends BundleSize {
  lazy: BundleSize;
}

function partOf(path: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  return path.split('/').slice(0, -1).join('/');
}

/** Bundles `entry` minified with the build's own settings for Chrome. */
async function measure(root: string, entry: string, file: string, format: 'iife' | 'esm'): Promise<BundleSize> {
  const out = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format,
    target: ['chrome120'],
    define: flagsFor('chrome', false),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  });
  const bundle = out.outputFiles[0]!;
  const inputs = Object.values(out.metafile.outputs)[0]!.inputs;
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) parts.set(partOf(path), (parts.get(partOf(path)) ?? 0) + bytesInOutput);
  return {
    file,
    shipped: statSync(join(root, 'dist/chrome', file)).size,
    minified: bundle.contents.length,
    gzip: gzipSync(bundle.contents).length,
    parts: [...parts].sort((a, b) => b[1] - a[1]).slice(0, 8),
  };
}

/** Sizes of extension/content/index.ts (content.js) and of its lazy UI chunk (ui.js). */
export async function contentScriptSize(root: string): Promise<ScriptSize> {
  const [chunkEntry, chunkFile] = Object.entries(CHUNKS).find(([, file]) => file === 'ui.js')!;
  const [always, lazy] = await Promise.all([
    measure(root, 'extension/content/index.ts', 'content.js', 'iife'),
    measure(root, chunkEntry, chunkFile, 'esm'),
  ]);
  return { ...always, lazy };
}
