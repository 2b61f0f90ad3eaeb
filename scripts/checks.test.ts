/**
 * The repository's static checks as tests, so that `npm test` (and with it CI's `N passed, N failed` line) fails
 * on a type error in either TypeScript project or on a lint finding, warnings included. Each runs as its own
 * process, as a developer would run it (`npm run typecheck`, `npm run typecheck:extension`, `npm run lint:code`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** A whole-tree check takes 10–30 s alone and several times that on a busy 2-core machine. */
const LIMIT_MS = 600_000;

/** Runs a package's command-line script with Node; resolves with its exit code and output. */
async function check(script: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: LIMIT_MS });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string; message: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` || e.message };
  }
}

describe('static checks', () => {
  it('tsc finds no type error in the root project (shared, scripts, tests)', async () => {
    const { code, output } = await check('node_modules/typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, LIMIT_MS);

  it('tsc finds no type error in the extension project (browser code, no Node globals)', async () => {
    const { code, output } = await check('node_modules/typescript/bin/tsc', ['-p', 'extension/tsconfig.json', '--noEmit']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, LIMIT_MS);

  it('eslint reports nothing, not even a warning', async () => {
    const { code, output } = await check('node_modules/eslint/bin/eslint.js', ['.', '--max-warnings', '0']);
    expect(output).toBe('');
    expect(code).toBe(0);
  }, LIMIT_MS);
});
