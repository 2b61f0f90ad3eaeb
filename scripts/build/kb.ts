/**
 * Makes sure dist/kb.json is there and newer than everything it is built from, running the KB build
 * (scripts/build-kb.ts, owned by its own step) only when it is not: the KB build is the slow part.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files and folders kb.json is derived from, relative to the repository. */
const KB_INPUTS = ['shared/kb', 'shared/text', 'scripts/build-kb.ts', 'scripts/build-kb'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether kb.json must be (re)built: missing, or older than one of its inputs. */
export function kbIsStale(root: string): boolean {
  const kb = join(root, 'dist', 'kb.json');
  if (!existsSync(kb)) return true;
  const built = statSync(kb).mtimeMs;
  return KB_INPUTS.some((p) => newestMtime(join(root, p)) > built);
}

/** Rebuilds dist/kb.json if stale; returns its path. Throws with the KB build's exit code if that fails. */
export function ensureKb(root: string): string {
  const kb = join(root, 'dist', 'kb.json');
  if (!kbIsStale(root)) return kb;
  if (!existsSync(join(root, 'scripts', 'build-kb.ts'))) {
    if (existsSync(kb)) {
      console.warn('build: scripts/build-kb.ts is missing; using the existing dist/kb.json');
      return kb;
    }
    throw new Error('build: dist/kb.json is missing and scripts/build-kb.ts is not there to build it');
  }
  console.log('build: knowledge base is missing or stale, running npm run build-kb');
  const run = spawnSync('npm', ['run', '--silent', 'build-kb'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`build: npm run build-kb failed (exit ${run.status ?? run.signal})`);
  if (!existsSync(kb)) throw new Error('build: npm run build-kb finished but wrote no dist/kb.json');
  return kb;
}
