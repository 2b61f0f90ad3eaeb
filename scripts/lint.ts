/**
 * `npm run lint`: web-ext lint on dist/firefox, failing on any error and on any warning in our own code.
 * Bundled third-party code is told apart by the `// node_modules/...` section comments esbuild writes into
 * unminified bundles: Preact's renderer assigns innerHTML (for dangerouslySetInnerHTML, which we never use),
 * and the linter cannot know that.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build.ts';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** The node_modules package whose bundled section holds `line` (1-based) of `file`, or null for our own code. */
export function thirdPartyAt(bundleText: string, line: number): string | null {
  const lines = bundleText.split('\n').slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const section = /^\s*\/\/ (\S+\.[cm]?[jt]sx?)$/.exec(lines[i]!);
    if (section) return /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(section[1]!)?.[1] ?? null;
  }
  return null;
}

function main(): number {
  const dir = join(ROOT, 'dist', 'firefox');
  const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const start = run.stdout.indexOf('{');
  if (start < 0) {
    console.error(run.stderr || 'lint: web-ext printed no report (did `npm run build` run?)');
    return 1;
  }
  const report = JSON.parse(run.stdout.slice(start)) as LintReport;
  const ours = report.warnings.filter((w) => {
    if (!w.file || !w.line) return true;
    const vendor = thirdPartyAt(readFileSync(join(dir, w.file), 'utf8'), w.line);
    if (vendor) console.log(`lint: ignored in bundled ${vendor}: ${w.code} (${w.file}:${w.line})`);
    return !vendor;
  });
  for (const m of [...report.errors, ...ours]) {
    console.error(`lint: ${m.code}: ${m.message}${m.file ? ` (${m.file}:${m.line ?? '?'})` : ''}`);
  }
  console.log(`lint: ${report.errors.length} errors, ${ours.length} warnings of ours, ${report.notices.length} notices`);
  return report.errors.length + ours.length > 0 ? 1 : 0;
}

if (process.argv[1]?.endsWith('lint.ts')) process.exit(main());
