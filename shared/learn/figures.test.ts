/** Figures compared across German and English: units, number words, decimal marks, rounding; dates left out. */
import { describe, expect, it } from 'vitest';
import { figuresAgree, figuresOf, sameFigure, shareTellingFigure } from './figures.ts';

const values = (text: string) => figuresOf(text).map((f) => f.value);

describe('figuresOf', () => {
  it('reads thousands separators and decimal marks of both languages', () => {
    expect(values('about 16,000 people and a depth of 17.9 km')).toEqual([16000, 17.9]);
    expect(values('etwa 16.000 Menschen in einer Tiefe von 17,9 Kilometern')).toEqual([16000, 17.9]);
  });

  it('multiplies by scale words and reads number words', () => {
    expect(values('UBS zahlt drei Milliarden Franken')).toEqual([3e9]);
    expect(values('for 3 billion Swiss francs')).toEqual([3e9]);
    expect(values('at least 76 people in seven provinces')).toEqual([76, 7]);
  });

  it('converts imperial units to metric', () => {
    const [feet] = figuresOf('found 1,600 feet from the bow');
    expect(feet!.metric).toBeCloseTo(487.7, 1);
  });

  it('leaves out years, days of a month, dates, clock times, codes and the article "ein"', () => {
    expect(values('On June 6, 2023, at 4:17 am, an F-22 fired one AIM-9X missile.')).toEqual([]);
    expect(values('Am 8. Juni 2023 (06.06.2023) schoss ein Jet einen Ballon ab.')).toEqual([]);
  });
});

describe('comparing figures', () => {
  it('takes a converted or rounded figure for the same one', () => {
    expect(figuresAgree(figuresOf('The remains lay 1,600 feet from the bow.'), figuresOf('Die Trümmer lagen rund 500 Meter vom Bug entfernt.'))).toBe(true);
    expect(figuresAgree(figuresOf('It was centered 18 kilometers deep.'), figuresOf('in einer Tiefe von 17,9 Kilometern'))).toBe(true);
    expect(figuresAgree(figuresOf('more than 230 dead'), figuresOf('237 deaths'))).toBe(true);
  });

  it('keeps different figures apart, and says nothing when one side gives none', () => {
    expect(figuresAgree(figuresOf('at least 76 people were killed'), figuresOf('mindestens 284 Menschen starben'))).toBe(false);
    expect(sameFigure({ value: 7.4, decimals: 1 }, { value: 7.8, decimals: 1 })).toBe(false);
    expect(figuresAgree(figuresOf('The dam was destroyed.'), figuresOf('80 Ortschaften sind bedroht.'))).toBeUndefined();
  });

  it('counts only precise or large figures as telling, not a small count', () => {
    expect(shareTellingFigure(figuresOf('80 towns at risk'), figuresOf('rund 80 Ortschaften'))).toBe(true);
    expect(shareTellingFigure(figuresOf('three days of talks'), figuresOf('drei Tage verhandelt'))).toBe(false);
  });
});
