/**
 * The naive baseline the matcher is measured against: one Unicode-aware regular expression per alias, each run
 * over the whole text, as a straightforward highlighter would do it.
 */
import type { Entity } from '../../shared/kb/types.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One compiled pattern per alias, case-insensitive, with letter-aware word boundaries. */
export function compileNaive(entities: readonly Entity[], limit = Infinity): { id: string; re: RegExp }[] {
  const out: { id: string; re: RegExp }[] = [];
  for (const e of entities) {
    for (const alias of e.aliases) {
      if (out.length >= limit) return out;
      out.push({ id: e.id, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(alias)}(?![\\p{L}\\p{N}])`, 'giu') });
    }
  }
  return out;
}

/** Every alias hit in the text, by running each pattern over it. */
export function matchNaive(patterns: readonly { id: string; re: RegExp }[], text: string): number {
  let hits = 0;
  for (const { re } of patterns) {
    re.lastIndex = 0;
    while (re.exec(text)) hits++;
  }
  return hits;
}
