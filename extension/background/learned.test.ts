import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../shared/learn/index.ts';
import { siteOf, termsOf, withinStory } from './learned.ts';
import { isoDay } from '../content/learn/article.ts';

describe('the index of pages read', () => {
  it('keys a page by its names, a full name also by each of its words, across spellings', () => {
    const en = termsOf(extractStatements('Yevgeny Prigozhin said on Friday that the mutiny in Rostov was over.', 'en').names);
    const de = termsOf(extractStatements('Jewgeni Prigoschin sagte am Freitag, die Meuterei in Rostow sei vorbei.', 'de').names);
    expect(en).toContain('prigoshin');
    expect(de).toContain('prigoshin');
    expect(en.filter((t) => de.includes(t)).length).toBeGreaterThanOrEqual(2);
  });

  it('reads no candidate published more than 14 days from the page, and any whose date is not known', () => {
    expect(withinStory('2026-11-10', '2026-11-24')).toBe(true);
    expect(withinStory('2026-11-10', '2026-11-25')).toBe(false);
    expect(withinStory('2026-11-25', '2026-11-10')).toBe(false);
    expect(withinStory('2026-11', '2026-11-14')).toBe(true);
    expect(withinStory('', '2020-01-01')).toBe(true);
    expect(withinStory('2026-11-10', '')).toBe(true);
  });

  it('tells sites apart by host and port, and ignores www', () => {
    expect(siteOf('http://127.0.0.1:8001/a')).not.toBe(siteOf('http://127.0.0.1:8002/a'));
    expect(siteOf('https://www.Example.org/news/1')).toBe('example.org');
  });
});

describe('publication dates from page metadata', () => {
  it('keeps the day of an ISO date or date-time and refuses anything else', () => {
    expect(isoDay('2026-11-10T07:30:00+01:00')).toBe('2026-11-10');
    expect(isoDay('2026-11-10')).toBe('2026-11-10');
    expect(isoDay('10. November 2026')).toBeUndefined();
    expect(isoDay(undefined)).toBeUndefined();
  });
});
