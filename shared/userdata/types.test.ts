import { describe, expect, it } from 'vitest';
import { clampHoverDelay, DEFAULT_SETTINGS, guessLang, HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, isRejected, mayRecordReading, passageKey } from './types.ts';

describe('clampHoverDelay', () => {
  it('keeps delays in the offered range and rounds them', () => {
    expect(clampHoverDelay(750.4)).toBe(750);
    expect(clampHoverDelay(0)).toBe(HOVER_DELAY_MIN_MS);
    expect(clampHoverDelay(60_000)).toBe(HOVER_DELAY_MAX_MS);
  });

  it('gives the default for anything that is not a number', () => {
    for (const bad of [NaN, Infinity, '800', null, undefined]) expect(clampHoverDelay(bad)).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });

  it('has a default inside the range', () => {
    expect(clampHoverDelay(DEFAULT_SETTINGS.hoverDelayMs)).toBe(DEFAULT_SETTINGS.hoverDelayMs);
  });
});

describe('mayRecordReading', () => {
  it('records only with recording on and outside private windows', () => {
    expect(mayRecordReading({ recordReading: true }, false)).toBe(true);
    expect(mayRecordReading({ recordReading: true }, undefined)).toBe(true);
    expect(mayRecordReading({ recordReading: true }, true)).toBe(false);
    expect(mayRecordReading({ recordReading: false }, false)).toBe(false);
  });
});

describe('guessLang', () => {
  it('takes the page’s declared language first, then its commonest words', () => {
    expect(guessLang('The treaty and the pact', 'de-DE')).toBe('de');
    expect(guessLang('Der Vertrag und die Partner', 'en')).toBe('en');
    expect(guessLang('Der Vertrag und die Partner')).toBe('de');
    expect(guessLang('The treaty was signed')).toBe('en');
  });
});

describe('rejected passages', () => {
  const rejections = [{ claimId: 'pact', quote: passageKey('Russland und  Nordkorea\nunterzeichneten einen Pakt. ') }];

  it('match the same claim on the same wording, whatever the whitespace', () => {
    expect(isRejected(rejections, 'pact', ' Russland und Nordkorea unterzeichneten\teinen Pakt.')).toBe(true);
  });

  it('leave other claims and other passages alone', () => {
    expect(isRejected(rejections, 'threat', 'Russland und Nordkorea unterzeichneten einen Pakt.')).toBe(false);
    expect(isRejected(rejections, 'pact', 'Russland und Nordkorea unterzeichneten keinen Pakt.')).toBe(false);
  });
});
