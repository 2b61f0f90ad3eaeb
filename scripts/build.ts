/**
 * `npm run build`: writes dist/chrome and dist/firefox, each a complete unpacked extension for that browser.
 * Steps, one per file under scripts/build/: knowledge base (kb.ts), manifest (manifest.ts), bundles (bundle.ts),
 * pages, locales and icons (static.ts). Output depends only on the inputs: no dates, no random names.
 * Flags: --dev adds inline source maps and sets __DEV__; --only=chrome|firefox builds one browser.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntry } from './cli/entry.ts';
import { bundle } from './build/bundle.ts';
import { ensureKb } from './build/kb.ts';
import { manifestFor, type Manifest, type Target } from './build/manifest.ts';
import { copyStatic } from './build/static.ts';

/** The repository's root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where each browser's unpacked extension is written. */
export function distDir(target: Target): string {
  return join(ROOT, 'dist', target);
}

/** Options for {@link buildExtension}. */
export interface BuildOptions {
  targets?: Target[];
  dev?: boolean;
}

/** Builds the unpacked extension for each target; returns their folders. */
export async function buildExtension(opts: BuildOptions = {}): Promise<Partial<Record<Target, string>>> {
  const targets = opts.targets ?? ['chrome', 'firefox'];
  const kb = ensureKb(ROOT);
  const base = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  if (base.version !== pkg.version) {
    throw new Error(`build: manifest.json version ${String(base.version)} differs from package.json ${pkg.version}`);
  }
  await Promise.all(
    targets.map(async (target) => {
      const out = distDir(target);
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(target, base), null, 2) + '\n');
      copyStatic(join(ROOT, 'extension'), out);
      copyFileSync(kb, join(out, 'kb.json'));
      await bundle(ROOT, out, target, opts.dev ?? false);
    }),
  );
  return Object.fromEntries(targets.map((t) => [t, distDir(t)]));
}

function parseArgs(argv: string[]): BuildOptions {
  const opts: BuildOptions = {};
  for (const arg of argv) {
    if (arg === '--dev') opts.dev = true;
    else if (arg === '--only=chrome' || arg === '--only=firefox') opts.targets = [arg.slice(7) as Target];
    else throw new Error(`build: unknown argument ${arg} (use --dev, --only=chrome, --only=firefox)`);
  }
  return opts;
}

if (isEntry(import.meta.url)) {
  buildExtension(parseArgs(process.argv.slice(2))).then(
    (dirs) => console.log(`build: wrote ${Object.values(dirs).map((d) => d.slice(ROOT.length + 1)).join(', ')}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
