import { describe, expect, it } from 'vitest';
import { linkKey, pageAddress } from './address.ts';

describe('pageAddress', () => {
  it('drops the fragment', () => {
    expect(pageAddress('https://news.example/story.html#comments')).toBe('https://news.example/story.html');
  });

  it('drops campaign tags and click ids, keeping the query that picks the article in its order', () => {
    expect(pageAddress('https://news.example/a?utm_source=nl&id=42&fbclid=XYZ&p=7&utm_medium=email')).toBe('https://news.example/a?id=42&p=7');
    expect(pageAddress('https://news.example/a?gclid=1&msclkid=2&UTM_Campaign=x')).toBe('https://news.example/a');
    expect(pageAddress('https://news.example/a?utm%5Fsource=x&page=2')).toBe('https://news.example/a?page=2');
  });

  it('makes one page of the same article reached by different links', () => {
    const plain = pageAddress('https://News.Example/world/pact');
    expect(pageAddress('https://news.example/world/pact?utm_source=twitter')).toBe(plain);
    expect(pageAddress('https://news.example/world/pact?fbclid=abc#top')).toBe(plain);
    expect(pageAddress('https://news.example/world/pact?')).toBe(plain);
  });

  it('keeps parameters that only look like tracking ones', () => {
    expect(pageAddress('https://news.example/a?utm=1&source=rss')).toBe('https://news.example/a?utm=1&source=rss');
    expect(pageAddress('https://news.example/a?ref=home')).toBe('https://news.example/a?ref=home');
  });

  it('leaves an address without a query alone, and cuts a text that is no URL at its fragment only', () => {
    expect(pageAddress('http://localhost:8001/article.html')).toBe('http://localhost:8001/article.html');
    expect(pageAddress('article:1a2b#x')).toBe('article:1a2b');
    expect(pageAddress('not a url?utm_source=x')).toBe('not a url?utm_source=x');
  });
});

describe('linkKey', () => {
  it('is the same for the same sentence however its whitespace runs, and differs between sentences', () => {
    const a = linkKey('Russia and North Korea  signed\na pact.');
    expect(a).toBe(linkKey(' Russia and North Korea signed a pact. '));
    expect(a).not.toBe(linkKey('Russia and North Korea signed a treaty.'));
    expect(a.startsWith('link:')).toBe(true);
  });
});
