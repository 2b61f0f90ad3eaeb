/** Writes kb.json: the same knowledge always gives the same bytes, so the file diffs and caches cleanly. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KnowledgeBase } from '../../shared/kb/types.ts';

/**
 * kb.json's text. Key order is fixed by how the build constructs each object and lists are sorted there;
 * no timestamp or machine path goes in. Two-space indent keeps diffs of the built file reviewable.
 */
export function serializeKb(kb: KnowledgeBase): string {
  return `${JSON.stringify(kb, null, 2)}\n`;
}

/** Writes `kb` to `file`, creating its directory. */
export function writeKb(file: string, kb: KnowledgeBase): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serializeKb(kb));
}
