/**
 * The match-time featurizer must give every sentence exactly the features, in the same order, that
 * passageFeatures gives it: the claim scores add weights in that order, so even the order shows in the results.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../kb/types.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { FeatureSet, FeatureSpace, passageFeatures, SentenceFeaturizer } from './features.ts';
import { buildMatcher } from './index.ts';
import { Lexicon } from './lexicon.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const matcher = buildMatcher(kb);
const lexicon = new Lexicon(kb.concepts);
const space = new FeatureSpace(kb.entities);
// The space as a build leaves it: every feature of the claims' statements and quotes.
for (const claim of kb.claims) {
  for (const text of [claim.statement.de, claim.statement.en, ...claim.occurrences.map((o) => o.selector[0].exact)]) {
    const tokens = tokenize(text);
    passageFeatures(tokens, 0, tokens.count, matcher.matchEntities(text), lexicon, space, true, text);
  }
}
const featurizer = new SentenceFeaturizer(lexicon, space);
const set = new FeatureSet(space.names.length);

/** Each sentence's features both ways, as lists of feature names in order. */
function bothWays(text: string): { expected: string[][]; actual: string[][] } {
  const tokens = tokenize(text);
  const entities = matcher.matchEntities(text);
  const expected: string[][] = [];
  const actual: string[][] = [];
  let e = 0;
  for (const s of splitSentences(text, tokens)) {
    while (e < entities.length && entities[e]!.start < s.start) e++;
    let f = e;
    while (f < entities.length && entities[f]!.start < s.end) f++;
    const old = passageFeatures(tokens, s.first, s.last, entities.slice(e, f), lexicon, space, false, text);
    expected.push([...old].map((id) => space.names[id]!));
    featurizer.features(text, tokens, s.first, s.last, entities, e, f, set);
    actual.push(Array.from(set.ids.subarray(0, set.size), (id) => space.names[id]!));
  }
  return { expected, actual };
}

const sources = kb.sources.map((s) => s.text);

describe('SentenceFeaturizer', () => {
  it('gives the features passageFeatures gives, in order, for every sentence of the source articles', () => {
    const { expected, actual } = bothWays(sources.join('\n\n'));
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.flat().some((name) => name.startsWith('l:'))).toBe(true);
    expect(actual).toEqual(expected);
  });

  it('gives the same features on sentences pieced together from the articles, names, particles and punctuation', () => {
    const words = sources.join(' ').split(/\s+/).slice(0, 3000);
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...kb.entities.flatMap((e) => e.aliases)),
      fc.constantFrom('in', 'im', 'wenn', 'after', 'an', 'aus', 'ein', 'zu', 'der', 'which', ',', '.', ';', '!', '\n', '„', '“'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const { expected, actual } = bothWays(pieces.join(' '));
        expect(actual).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe('FeatureSet', () => {
  it('keeps first-added order, answers membership and starts empty after clear', () => {
    const s = new FeatureSet(200);
    for (const id of [5, 3, 5, 150, 3, 0]) s.add(id);
    expect(Array.from(s.ids.subarray(0, s.size))).toEqual([5, 3, 150, 0]);
    expect([s.has(5), s.has(150), s.has(4), s.has(-1)]).toEqual([true, true, false, false]);
    s.clear();
    expect([s.size, s.has(5)]).toEqual([0, false]);
    for (let id = 0; id < 200; id++) s.add(199 - id);
    expect(s.size).toBe(200);
    expect(s.ids[0]).toBe(199);
  });
});
