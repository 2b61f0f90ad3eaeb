/**
 * The symmetric score on the curated knowledge base: a short sentence that says a known claim and nothing else is
 * found, in either language, while a sentence on the same theme that says something else is not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { buildMatcher } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const symmetric = buildMatcher(kb);
const oneSided = buildMatcher(kb, { symmetric: false });
const claimsOf = (m: typeof symmetric, text: string) => m.match(text).claims.map((c) => c.claim);

const PLAIN = [
  ['Putin threatened to supply weapons to North Korea.', 'putin-threatens-to-arm-north-korea'],
  ['Putin drohte, Nordkorea mit Waffen zu beliefern.', 'putin-threatens-to-arm-north-korea'],
  ['Putin and Kim signed a mutual defence pact.', 'russia-north-korea-mutual-defence-pact'],
] as const;

describe('a sentence that says just the claim', () => {
  for (const [text, claim] of PLAIN) {
    it(`is found: ${text}`, () => {
      expect(claimsOf(symmetric, text)).toEqual([claim]);
      // The one-sided score alone (the claim's share the sentence covers) leaves it under the threshold.
      expect(claimsOf(oneSided, text)).toEqual([]);
    });
  }

  it('does not turn a sentence on the same theme into the claim', () => {
    for (const text of ['Putin visited Pyongyang on Wednesday.', 'Kim Jong Un met Putin at the airport.', 'North Korea fired two missiles into the sea.']) {
      expect(claimsOf(symmetric, text)).toEqual([]);
    }
  });
});
