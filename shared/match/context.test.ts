/**
 * A sentence that points back at the one before ("Das ist äußerst besorgniserregend.") states a claim together
 * with it; on the curated knowledge base, such a sentence is found only with its context, while a sentence that
 * does not point back, or points back but says nothing of the claim itself, is not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { tokenize } from '../text/tokenize.ts';
import { pointsBack } from './context.ts';
import { buildMatcher } from './index.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const withContext = buildMatcher(kb);
const alone = buildMatcher(kb, { context: false });

/** The claims found in the text's second sentence. */
function secondSentence(matcher: typeof withContext, text: string): string[] {
  const second = text.indexOf('. ') + 2;
  return matcher.match(text).claims.filter((c) => c.start >= second).map((c) => c.claim);
}

const opensBack = (text: string) => {
  const tokens = tokenize(text);
  return pointsBack(text, tokens, 0, tokens.count);
};

describe('which sentences point back at the one before', () => {
  it('those opening with a demonstrative, in German and English', () => {
    for (const text of ['Das ist äußerst besorgniserregend.', 'Das wäre ein großer Fehler.', 'Diese könnten Granaten enthalten.', 'Dieses Abkommen gilt.', 'This would be a big mistake.', 'That is incredibly concerning.', 'Such a move would destabilise the region.']) {
      expect(opensBack(text), text).toBe(true);
    }
  });

  it('not the German article before a noun, a personal pronoun or a placeholder "it"', () => {
    for (const text of ['Das Abkommen wurde am Mittwoch unterzeichnet.', 'Er warnte Südkorea.', 'He warned South Korea.', 'Es ist fraglich, ob Seoul nachgibt.', 'It is unclear what Seoul will do.', 'Putin said so.', '']) {
      expect(opensBack(text), text).toBe(false);
    }
  });
});

describe('a claim stated by a sentence and the one before it', () => {
  const TWO_STEP = [
    ['Putin droht, Nordkorea mit Waffen zu beliefern. Das ist äußerst besorgniserregend, sagte Miller.', 'us-deeply-troubled-by-putin-threat-to-arm-north-korea'],
    ['Putin threatened to supply weapons to North Korea. That is incredibly concerning, Miller said.', 'us-deeply-troubled-by-putin-threat-to-arm-north-korea'],
    ['South Korea is weighing sending weapons to Ukraine. That would be a big mistake, Putin said.', 'putin-warns-south-korea-arming-ukraine-would-be-grave-mistake'],
  ] as const;

  for (const [text, claim] of TWO_STEP) {
    it(`is found in the second sentence with its context: ${text}`, () => {
      expect(secondSentence(withContext, text)).toEqual([claim]);
      // The second sentence alone says too little of the claim.
      expect(secondSentence(alone, text)).toEqual([]);
    });
  }

  it('is not found where the second sentence does not point back or says nothing of the claim itself', () => {
    for (const text of [
      // no demonstrative: the concern may be about anything
      'Putin droht, Nordkorea mit Waffen zu beliefern. Das Außenministerium in Washington ist äußerst besorgt.',
      // a demonstrative, but one shared word ("trip") is not the threat
      'Putin threatened to supply weapons to North Korea. This was his first trip abroad this year.',
      // a demonstrative after a sentence on something else: the context has nothing of the claim
      'Putin visited Hanoi on Thursday. That is incredibly concerning, Miller said.',
    ]) {
      expect(secondSentence(withContext, text), text).toEqual([]);
    }
  });

  it('does not change what a sentence states on its own', () => {
    const text = 'Putin threatened to supply weapons to North Korea. That is incredibly concerning, Miller said.';
    const first = (m: typeof withContext) => m.match(text).claims.filter((c) => c.start === 0);
    expect(first(withContext)).toEqual(first(alone));
    expect(first(withContext).map((c) => c.claim)).toEqual(['putin-threatens-to-arm-north-korea']);
  });
});
