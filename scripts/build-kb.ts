/**
 * `npm run build-kb [-- --kb-dir DIR] [--out FILE] [--allow-errors]`: checks the curated knowledge under
 * shared/kb/ and writes dist/kb.json. Exits non-zero on any error, and then writes nothing unless --allow-errors
 * asks for a KB from the valid entries only (useful while the data is still being written).
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntry } from './cli/entry.ts';
import { buildKb } from './kb/build.ts';
import { countErrors, formatProblem } from './kb/problems.ts';
import { writeKb } from './kb/write.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

interface Options {
  kbDir: string;
  out: string;
  allowErrors: boolean;
}

function parseOptions(argv: string[]): Options {
  const opts: Options = { kbDir: resolve(ROOT, 'shared/kb'), out: resolve(ROOT, 'dist/kb.json'), allowErrors: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--kb-dir' && argv[i + 1] !== undefined) opts.kbDir = resolve(argv[++i]!);
    else if (arg === '--out' && argv[i + 1] !== undefined) opts.out = resolve(argv[++i]!);
    else if (arg === '--allow-errors') opts.allowErrors = true;
    else throw new Error(`unknown or incomplete option ${JSON.stringify(arg)}`);
  }
  return opts;
}

/** Runs the build; returns the process exit code. */
export function main(argv: string[]): number {
  let opts: Options;
  try {
    opts = parseOptions(argv);
  } catch (err) {
    console.error(`build-kb: ${(err as Error).message}`);
    return 2;
  }
  // Relative paths in problem lines: short, and the same on every machine.
  const { kb, problems } = buildKb(relative(process.cwd(), opts.kbDir) || '.');
  for (const p of problems) console.error(formatProblem(p));
  const errors = countErrors(problems);
  const written = errors === 0 || opts.allowErrors;
  if (written) writeKb(opts.out, kb);
  const counts = `${kb.sources.length} sources, ${kb.entities.length} entities, ${kb.claims.length} claims, ${kb.concepts.length} concepts`;
  const outcome = written ? `wrote ${relative(process.cwd(), opts.out)}` : 'nothing written';
  console.log(`build-kb: ${counts}; version ${kb.version}; ${errors} errors, ${problems.length - errors} warnings; ${outcome}`);
  return errors === 0 ? 0 : 1;
}

if (isEntry(import.meta.url)) process.exitCode = main(process.argv.slice(2));
