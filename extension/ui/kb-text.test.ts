import { describe, expect, it } from 'vitest';
import { formatDate, pick } from './kb-text.ts';

describe('pick', () => {
  it('takes the UI language, falling back to the other one', () => {
    expect(pick({ de: 'Nordkorea', en: 'North Korea' }, 'en')).toBe('North Korea');
    expect(pick({ de: 'Nordkorea', en: '' }, 'en')).toBe('Nordkorea');
    expect(pick(undefined, 'de')).toBe('');
  });
});

describe('formatDate', () => {
  it('writes months and days in the UI language', () => {
    expect(formatDate('2024-06', 'de')).toBe('Juni 2024');
    expect(formatDate('2024-06-20', 'en')).toBe('June 20, 2024');
  });

  it('shows what it cannot parse as given', () => {
    expect(formatDate('Sommer 2024', 'de')).toBe('Sommer 2024');
  });
});
