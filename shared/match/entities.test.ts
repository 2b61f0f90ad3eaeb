import { describe, expect, it } from 'vitest';
import type { Entity } from '../kb/types.ts';
import { buildMatcher } from './index.ts';

const entity = (id: string, aliases: string[], extra: Partial<Entity> = {}): Entity => ({
  id,
  type: 'person',
  name: { de: id, en: id },
  description: { de: '', en: '' },
  aliases,
  ...extra,
});

const KIMS = [
  entity('kim-jong-un', ['Kim Jong Un', 'Kim Jong-un'], { shortForms: ['Kim'], context: ['vladimir-putin', 'north-korea'] }),
  entity('kim-hong-kyun', ['Kim Hong-kyun'], { shortForms: ['Kim'], context: ['south-korea', 'georgy-zinoviev'] }),
  entity('kim-yo-jong', ['Kim Yo-jong', 'Kim Yo Jong'], { shortForms: ['Kim'], context: ['north-korea'] }),
];
const ENTITIES = [
  entity('vladimir-putin', ['Putin', 'Putins', 'Wladimir Putin', 'Vladimir Putin', 'Kremlchef']),
  entity('north-korea', ['Nordkorea', 'Nordkoreas', 'North Korea', 'nordkoreanischen'], { type: 'country' }),
  entity('south-korea', ['Südkorea', 'South Korea'], { type: 'country' }),
  entity('georgy-zinoviev', ['Sinowjew', 'Zinoviev']),
  entity('united-states', ['USA', 'US', 'U.S.'], { type: 'country', block: ['US-Dollar'] }),
  entity('korean-peninsula', ['koreanische Halbinsel', 'koreanischen Halbinsel'], { type: 'region' }),
  entity('matthew-miller', ['Matthew Miller'], { shortForms: ['Miller'] }),
  ...KIMS,
];
const matcher = buildMatcher({ entities: ENTITIES, claims: [], concepts: [] });
const found = (text: string) => matcher.matchEntities(text).map((m) => [text.slice(m.start, m.end), m.entity]);

describe('entity matching', () => {
  it('finds every alias with its inflections, ignoring case and umlaut spelling', () => {
    expect(found('Putins Drohung an NORDKOREA und Suedkorea')).toEqual([
      ['Putins', 'vladimir-putin'],
      ['NORDKOREA', 'north-korea'],
      ['Suedkorea', 'south-korea'],
    ]);
  });
  it('lets the longest alias win and meets hyphen, space and line-break variants', () => {
    expect(found('Wladimir Putin traf Kim Jong-un')).toEqual([
      ['Wladimir Putin', 'vladimir-putin'],
      ['Kim Jong-un', 'kim-jong-un'],
    ]);
    expect(found('die koreanische\u00A0Halbinsel')).toEqual([['koreanische\u00A0Halbinsel', 'korean-peninsula']]);
  });
  it('treats ä, ö, ü and ß as letters: no match inside a longer word', () => {
    expect(found('Putinsäule Nordkoreaß Kremlchefin')).toEqual([]);
  });
  it('does not join the words of a name across punctuation', () => {
    expect(found('Kim Jong Un. Kim. Jong Un')).toEqual([
      ['Kim Jong Un', 'kim-jong-un'],
      ['Kim', 'kim-jong-un'],
    ]);
  });
  it('matches acronyms only in capitals, and not inside blocked phrases', () => {
    expect(found('Let us ask the US about U.S. policy')).toEqual([
      ['US', 'united-states'],
      ['U.S', 'united-states'],
    ]);
    expect(found('3000 US-Dollar')).toEqual([]);
  });
  it('finds names split by soft hyphens, with offsets into the original text', () => {
    expect(found('Der Krem\u00ADlchef')).toEqual([['Krem\u00ADlchef', 'vladimir-putin']]);
  });
});

describe('ambiguous short forms', () => {
  it('resolves "Kim" to the only Kim the text names in full', () => {
    expect(found('Kim Jong Un empfing Putin. Kim lobte den Vertrag.').at(-1)).toEqual(['Kim', 'kim-jong-un']);
  });
  it('resolves "Kim" by the names around it when several Kims are named', () => {
    const text =
      'Putin und Kim Jong-un unterzeichneten den Pakt. Der Vize-Außenminister Kim Hong-kyun traf Sinowjew. ' +
      'Putin und Kim hätten über Munition gesprochen.';
    expect(found(text).filter(([s]) => s === 'Kim')).toEqual([['Kim', 'kim-jong-un']]);
  });
  it('leaves "Kim" unresolved when no Kim is named in full, or the context cannot tell', () => {
    expect(found('Kim reiste nach Moskau.')).toEqual([]);
    expect(found('Kim Jong Un und Kim Yo-jong reisten. Kim sprach.').filter(([s]) => s === 'Kim')).toEqual([
      ['Kim', 'kim-yo-jong'],
    ]);
  });
  it('resolves a surname used alone after the full name', () => {
    expect(found('Matthew Miller sagte dies. Miller warnte.').at(-1)).toEqual(['Miller', 'matthew-miller']);
    expect(found('Miller warnte.')).toEqual([]);
  });
});
