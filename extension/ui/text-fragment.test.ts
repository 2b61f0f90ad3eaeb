import { describe, expect, it } from 'vitest';
import { encodeTerm, textDirective, textFragmentUrl } from './text-fragment.ts';

describe('encodeTerm', () => {
  it('encodes the characters the directive reserves', () => {
    expect(encodeTerm('Kim Jong-un, Nord & Süd')).toBe('Kim%20Jong%2Dun%2C%20Nord%20%26%20S%C3%BCd');
  });
});

describe('textDirective', () => {
  it('keeps a short quote whole, with its whitespace collapsed', () => {
    expect(textDirective('  Putin droht\n Südkorea ')).toBe('Putin%20droht%20S%C3%BCdkorea');
  });

  it('gives a long quote as its first and last words', () => {
    const quote = 'Solche Lieferungen an Kiew wären ein „schwerer Fehler“, sagte der Kremlchef am Donnerstag';
    expect(textDirective(quote)).toBe(`${encodeTerm('Solche Lieferungen an Kiew')},${encodeTerm('der Kremlchef am Donnerstag')}`);
  });

  it('is empty for a quote without words', () => {
    expect(textDirective(' \n ')).toBe('');
  });
});

describe('textFragmentUrl', () => {
  it('appends the directive to a URL without fragment', () => {
    expect(textFragmentUrl('https://example.org/a?b=1', 'Pakt')).toBe('https://example.org/a?b=1#:~:text=Pakt');
  });

  it('keeps an existing fragment and replaces an existing directive', () => {
    expect(textFragmentUrl('https://example.org/a#top', 'Pakt')).toBe('https://example.org/a#top:~:text=Pakt');
    expect(textFragmentUrl('https://example.org/a#:~:text=alt', 'neu')).toBe('https://example.org/a#:~:text=neu');
  });

  it('leaves the URL alone when there is nothing to find', () => {
    expect(textFragmentUrl('https://example.org/a', '')).toBe('https://example.org/a');
  });
});
