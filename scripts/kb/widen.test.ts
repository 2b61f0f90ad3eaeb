import { describe, expect, it } from 'vitest';
import { parseDing, parseWordNetData, parseWordNetIndex, propose } from './widen.ts';

// Small lines in the two resources' formats, written for this test.
const INDEX = [
  '  1 this file is a licence header line',
  'warn v 2 2 @ ~ 2 1 00000001 00000002  ',
  'threaten v 1 1 @ 1 0 00000003  ',
].join('\n');
const DATA = [
  '  1 header',
  '00000001 32 v 03 warn 0 caution 0 forewarn 0 000 | notify of danger',
  '00000002 32 v 01 warn 1 000 | ask to go away',
  '00000003 32 v 02 threaten 0 menace 0 000 | to utter intentions of injury',
].join('\n');
const DING = [
  '# header :: ignored',
  'warnen {vt} | warnend | gewarnt :: to warn | warning | warned',
  'mahnen; ermahnen {vt} | mahnend :: to warn; to admonish | warning',
  'drohen {vi} (jdm.) [pol.] :: to threaten; to menace',
].join('\n');

describe('the lexicon widening tool', () => {
  it('reads WordNet senses in their frequency order and the words of each synset', () => {
    const index = parseWordNetIndex(INDEX);
    expect(index.get('warn')).toEqual(['00000001', '00000002']);
    expect(index.get('threaten')).toEqual(['00000003']);
    expect(parseWordNetData(DATA).get('00000001')).toEqual(['warn', 'caution', 'forewarn']);
  });

  it("reads the dictionary's base forms without notes or the English 'to'", () => {
    expect(parseDing(DING)).toEqual([
      { de: ['warnen'], en: ['warn'] },
      { de: ['mahnen', 'ermahnen'], en: ['warn', 'admonish'] },
      { de: ['drohen'], en: ['threaten', 'menace'] },
    ]);
  });

  it('proposes synonyms and translations no concept covers yet, with the words that led to them', () => {
    const concepts = [
      { id: 'warn', de: ['warn'], en: ['warn'] },
      { id: 'threaten', de: ['droh'], en: ['threat'] },
    ];
    const wordnet = { index: [parseWordNetIndex(INDEX)], data: [parseWordNetData(DATA)] };
    const out = propose(concepts, wordnet, parseDing(DING));
    const words = (id: string, lang: string) => out.filter((p) => p.concept === id && p.lang === lang).map((p) => p.word).sort();
    expect(words('warn', 'en')).toEqual(['caution', 'forewarn']);
    expect(words('warn', 'de')).toEqual(['ermahnen', 'mahnen']);
    expect(words('threaten', 'en')).toEqual(['menace']);
    // "warnen" is covered by the concept's own stem, so it is not proposed again.
    expect(out.some((p) => p.word === 'warnen')).toBe(false);
    expect(out.find((p) => p.word === 'caution')?.from).toEqual(['warn']);
  });

  it('proposes only for the concepts asked for', () => {
    const concepts = [
      { id: 'warn', de: ['warn'], en: ['warn'] },
      { id: 'threaten', de: ['droh'], en: ['threat'] },
    ];
    const out = propose(concepts, undefined, parseDing(DING), new Set(['threaten']));
    expect(new Set(out.map((p) => p.concept))).toEqual(new Set(['threaten']));
  });
});
