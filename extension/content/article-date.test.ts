import { describe, expect, it } from 'vitest';
import { calendarDate, jsonLdPublished } from './article-date.ts';

describe('calendarDate', () => {
  it('takes the calendar date of ISO dates and date-times', () => {
    expect(calendarDate('2024-06-19')).toBe('2024-06-19');
    expect(calendarDate('2024-06-19T08:15:00+02:00')).toBe('2024-06-19');
    expect(calendarDate(' 2024-06-19 08:15')).toBe('2024-06-19');
  });

  it('refuses what is not a plausible date', () => {
    expect(calendarDate('19.06.2024')).toBeNull();
    expect(calendarDate('2024-13-01')).toBeNull();
    expect(calendarDate('2024-06')).toBeNull();
    expect(calendarDate('20240619')).toBeNull();
  });
});

describe('jsonLdPublished', () => {
  it('finds datePublished in a NewsArticle, in arrays and in @graph', () => {
    expect(jsonLdPublished('{"@type":"NewsArticle","datePublished":"2024-06-19T07:00:00Z","dateModified":"2024-06-20"}')).toBe('2024-06-19');
    expect(jsonLdPublished('[{"@type":"WebSite"},{"@type":"NewsArticle","datePublished":"2024-06-18"}]')).toBe('2024-06-18');
    expect(jsonLdPublished('{"@graph":[{"@type":"Organization"},{"@type":"Article","datePublished":"2024-06-17"}]}')).toBe('2024-06-17');
  });

  it('answers null for broken JSON or no date', () => {
    expect(jsonLdPublished('{"@type":')).toBeNull();
    expect(jsonLdPublished('{"@type":"NewsArticle","dateModified":"2024-06-20"}')).toBeNull();
  });
});
