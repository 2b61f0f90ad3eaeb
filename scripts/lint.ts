/**
 * `npm run lint`: web-ext lint on dist/firefox, failing on any error and on any warning in our own code.
 * Bundled third-party code is told apart by the `// node_modules/...` section comments esbuild writes into
 * unminified bundles: Preact's renderer assigns innerHTML (for dangerouslySetInnerHTML, which we never use),
 * and the linter cannot know that. The e2e suite runs the same check (extension/e2e/lint.e2e.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEntry, runMain } from './cli/entry.ts';
import webExt, { type LintMessage } from 'web-ext';
import { ROOT } from './build.ts';

/** A warning the linter found in bundled third-party code, with the package it came from. */
export interface VendorWarning extends LintMessage {
  vendor: string;
}

/** The linter's findings, with warnings split into our own code's and bundled packages'. */
export interface LintOutcome {
  errors: LintMessage[];
  ours: LintMessage[];
  vendor: VendorWarning[];
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

/** Runs addons-linter (through web-ext's API) on an unpacked Firefox build. */
export async function lintFirefox(dir = join(ROOT, 'dist', 'firefox')): Promise<LintOutcome> {
  const report = await webExt.cmd.lint({ sourceDir: dir, output: 'json', boring: true }, { shouldExitProgram: false });
  const ours: LintMessage[] = [];
  const vendor: VendorWarning[] = [];
  for (const w of report.warnings) {
    const from = w.file && w.line ? thirdPartyAt(readFileSync(join(dir, w.file), 'utf8'), w.line) : null;
    if (from) vendor.push({ ...w, vendor: from });
    else ours.push(w);
  }
  return { errors: report.errors, ours, vendor, notices: report.notices };
}

async function main(): Promise<number> {
  const { errors, ours, vendor, notices } = await lintFirefox();
  for (const w of vendor) console.log(`lint: ignored in bundled ${w.vendor}: ${w.code} (${w.file}:${w.line})`);
  for (const m of [...errors, ...ours]) {
    console.error(`lint: ${m.code}: ${m.message}${m.file ? ` (${m.file}:${m.line ?? '?'})` : ''}`);
  }
  console.log(`lint: ${errors.length} errors, ${ours.length} warnings of ours, ${notices.length} notices`);
  return errors.length + ours.length > 0 ? 1 : 0;
}

if (isEntry(import.meta.url)) runMain(main);
