/** Every alias of every curated entity is found, as that entity and as the whole alias, in running text. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { buildMatcher } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const matcher = buildMatcher(kb);

describe('the curated entities', () => {
  for (const entity of kb.entities) {
    it(`${entity.id}: every alias is found as ${entity.id}`, () => {
      const missed: string[] = [];
      for (const alias of entity.aliases) {
        for (const text of [`Gestern sprach ${alias} lange.`, `Yesterday, ${alias} said nothing.`]) {
          const start = text.indexOf(alias);
          // A final full stop ("U.S.") may also end the sentence, so the match leaves it out.
          const end = start + alias.replace(/\.$/, '').length;
          const hit = matcher.matchEntities(text).find((m) => m.start === start && m.end === end);
          if (hit?.entity !== entity.id) missed.push(`${alias} → ${hit?.entity ?? 'nothing'}`);
        }
      }
      expect(missed).toEqual([]);
    });
  }

  it('has no alias that two entities claim', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const e of kb.entities) {
      for (const alias of e.aliases) {
        const key = alias.toLowerCase();
        const other = owner.get(key);
        if (other && other !== e.id) shared.push(`${alias}: ${other}, ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(shared).toEqual([]);
  });
});
