import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../kb/types.ts';
import { buildMatcher } from './index.ts';
import { partOfLongerName, titleBefore, titleByPattern, titleFits } from './evidence.ts';

const person = (id: string, aliases: string[], description: string, extra: Partial<Entity> = {}): Entity => ({
  id,
  type: 'person',
  name: { de: id, en: id },
  description: { de: description, en: description },
  aliases,
  ...extra,
});

const ENTITIES: Entity[] = [
  person('vladimir-putin', ['Putin', 'Wladimir Putin'], 'Präsident Russlands.'),
  person('kim-jong-un', ['Kim Jong Un'], 'Machthaber Nordkoreas und Generalsekretär der Partei der Arbeit Koreas.', {
    shortForms: ['Kim'],
    context: ['vladimir-putin'],
  }),
  person('kim-hong-kyun', ['Kim Hong-kyun'], 'Erster Vize-Außenminister Südkoreas. South Korea’s first vice foreign minister.', {
    shortForms: ['Kim'],
  }),
  { ...person('south-korea', ['Südkorea'], 'Staat.'), type: 'country' },
];
const matcher = buildMatcher({ entities: ENTITIES, claims: [], concepts: [] });
const kims = (text: string) =>
  matcher
    .matchEntities(text)
    .filter((m) => text.slice(m.start, m.end) === 'Kim')
    .map((m) => m.entity);

describe('short forms need evidence', () => {
  it('does not take the vice foreign minister Kim for Kim Jong Un, in German or English', () => {
    expect(kims('Kim Jong Un empfing Putin. Südkoreas Vizeaußenminister Kim protestierte.')).toEqual([]);
    expect(kims('Kim Jong Un met Putin. Vice Foreign Minister Kim protested in Seoul.')).toEqual([]);
  });

  it('takes the title as evidence for the entity it describes', () => {
    const text = 'Kim Jong Un empfing Putin. Vizeaußenminister Kim Hong-kyun protestierte. Vizeaußenminister Kim sagte, der Pakt sei gefährlich.';
    expect(kims(text)).toEqual(['kim-hong-kyun']);
    expect(kims('Kim Jong Un empfing Putin. Machthaber Kim lobte den Vertrag.')).toEqual(['kim-jong-un']);
  });

  it('does not resolve a Kim who is part of a longer, unknown name', () => {
    expect(kims('Kim Jong Un empfing Putin. Botschafter Kim Song sprach vor der UN.')).toEqual([]);
    expect(kims('Kim Jong Un empfing Putin. Kim Song sprach vor der UN.')).toEqual([]);
    expect(kims('Kim Jong Un met Putin. Ambassador Yong-ho Kim spoke later.')).toEqual([]);
  });

  it('still resolves a plain Kim, a Kim compound and a Kim followed by a known name or an ordinary word', () => {
    expect(kims('Kim Jong Un empfing Putin. Kim lobte den Vertrag.')).toEqual(['kim-jong-un']);
    expect(kims('Kim Jong Un empfing Putin. Das Kim-Regime lobte den Vertrag.')).toEqual(['kim-jong-un']);
    expect(kims('Kim Jong Un empfing Putin. Danach dankte Kim Putin für den Besuch.')).toEqual(['kim-jong-un']);
    expect(kims('Kim Jong Un empfing Putin. Kim sagte Reportern, er sei zufrieden.')).toEqual(['kim-jong-un']);
    expect(kims('Kim Jong Un empfing Putin. Kim Ende Juni in Moskau?')).toEqual(['kim-jong-un']);
  });
});

describe('evidence parts', () => {
  it('reads the title before a mention, with its modifiers', () => {
    const text = 'said Vice Foreign Minister Kim';
    expect(titleBefore(text, text.indexOf('Kim'))).toBe('viceforeignminister');
    const de = 'sagte Vizeaußenminister Kim';
    expect(titleBefore(de, de.indexOf('Kim'))).toBe('vizeaußenminister');
    const none = 'sagte am Montag Kim';
    expect(titleBefore(none, none.indexOf('Kim'))).toBeUndefined();
  });

  it('fits a title to a description across hyphens and German inflection', () => {
    const hongKyun = ENTITIES[2];
    expect(titleFits('vizeaußenminister', hongKyun)).toBe(true);
    expect(titleFits('viceforeignminister', hongKyun)).toBe(true);
    expect(titleFits('außenministerin', hongKyun)).toBe(true);
    expect(titleFits('vizeaußenminister', ENTITIES[1])).toBe(false);
    expect(titleFits('botschafter', ENTITIES[1])).toBe(false);
  });

  it('knows a longer name from a hyphenated given name on either side', () => {
    const known = () => false;
    expect(partOfLongerName('Kim Hong-kyun sagte', 0, 3, known)).toBe(true);
    expect(partOfLongerName('Hong-kyun Kim said', 10, 13, known)).toBe(true);
    expect(partOfLongerName('Kim sagte', 0, 3, known)).toBe(false);
    expect(partOfLongerName('Kim-Regime', 0, 3, known)).toBe(false);
  });

  it('reads the same title as the whole-window pattern does, whatever the characters before the mention', () => {
    const piece = fc.oneof(
      fc.constantFrom('Vice', 'Foreign', 'Minister', 'Vizeaußenminister', 'Botschafter', 'Schwester', 'General', 'said', 'sagte', 'Kim'),
      fc.constantFrom(' ', '  ', '-', '’', "'", '.', ',', '\n', '\u00a0', 'é', 'ß', '𝐀', '😀', '\u0301'),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    );
    let titles = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (pieces, spaced) => {
        // Half the texts put one space between the pieces, so that titles and their modifiers come up often.
        const text = pieces.join(spaced ? ' ' : '') + ' Kim';
        const title = titleBefore(text, text.length - 3);
        if (title !== undefined) titles++;
        expect(title).toBe(titleByPattern(text, text.length - 3));
      }),
      { numRuns: 3000 },
    );
    expect(titles).toBeGreaterThan(100);
  });
});
