import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.tsx?$/.test(d.name) && !/\.(test|e2e)\.ts$/.test(d.name))
    .map((d) => join(d.parentPath, d.name).slice(root.length));
}

describe('the database has one owner', () => {
  it('imports dexie only in extension/background/db.ts', () => {
    const importers = ['extension', 'shared', 'scripts']
      .flatMap(sourceFiles)
      .filter((f) => /from ['"]dexie['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(importers).toEqual(['extension/background/db.ts']);
  });
});
