import { describe, expect, it } from 'vitest';
import { detectLang } from './lang.ts';

describe('detectLang', () => {
  it('tells German from English news prose', () => {
    expect(detectLang('Putin droht Südkorea mit schweren Konsequenzen, falls das Land Waffen an die Ukraine liefert.')).toBe('de');
    expect(detectLang('Putin warned South Korea of grave consequences if the country sends weapons to Ukraine.')).toBe('en');
  });

  it('is not fooled by names, or by words both languages share', () => {
    expect(detectLang('Kim Jong Un in Pjöngjang: Putin und der Diktator')).toBe('de');
    expect(detectLang('Kim Jong Un in Pyongyang: Putin and the dictator')).toBe('en');
  });

  it('falls back to German when there is nothing to go by', () => {
    expect(detectLang('')).toBe('de');
    expect(detectLang('Putin, Kim, Xi.')).toBe('de');
  });
});
