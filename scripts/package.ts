/**
 * `npm run package`: builds, then zips each browser's folder with web-ext build into web-ext-artifacts/,
 * named crossread-<browser>-<version>.zip so the two never overwrite each other.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension, distDir, ROOT } from './build.ts';
import type { Target } from './build/manifest.ts';

async function main(): Promise<void> {
  await buildExtension();
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const target of ['chrome', 'firefox'] as Target[]) {
    const filename = `crossread-${target}-${version}.zip`;
    const run = spawnSync(
      'npx',
      ['web-ext', 'build', '--source-dir', distDir(target), '--artifacts-dir', join(ROOT, 'web-ext-artifacts'),
        '--filename', filename, '--overwrite-dest'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (run.status !== 0) throw new Error(`package: web-ext build failed for ${target}`);
    console.log(`package: web-ext-artifacts/${filename}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
