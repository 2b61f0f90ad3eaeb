/**
 * German verbs whose present or past changes the stem vowel keep their meaning when the particle is split off:
 * "Südkorea lädt den Botschafter … vor" is "vorladen" (summon), like "bestellte … ein".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { buildMatcher } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const matcher = buildMatcher(kb);
const claimsOf = (text: string) => matcher.match(text).claims.map((c) => c.claim);

describe('separable verbs with a changed stem vowel', () => {
  it('"lädt … vor" and "lud … vor" read as summoning', () => {
    expect(claimsOf('Südkorea lädt den russischen Gesandten wegen des Abkommens mit Nordkorea vor.')).toEqual(['south-korea-summons-russian-ambassador-over-pact']);
    expect(claimsOf('Südkorea lud den russischen Botschafter wegen des Pakts mit Nordkorea vor.')).toEqual(['south-korea-summons-russian-ambassador-over-pact']);
  });

  it('"lädt … ein" (invites) is not summoning', () => {
    expect(claimsOf('Südkorea lädt den russischen Botschafter wegen des Abkommens mit Nordkorea zu einem Empfang ein.')).toEqual([]);
  });
});
