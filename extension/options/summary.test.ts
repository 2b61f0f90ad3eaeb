import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type UserData } from '../../shared/userdata/types.ts';
import { summarize } from './summary.ts';

const selectors = [
  { type: 'TextQuoteSelector' as const, exact: 'x', prefix: '', suffix: '' },
  { type: 'TextPositionSelector' as const, start: 0, end: 1 },
] as UserData['annotations'][number]['selectors'];

describe('summarize', () => {
  it('counts annotations, own claims, pages read apart from added articles, and recorded passages', () => {
    const user: UserData = {
      annotations: [1, 2, 3].map((id) => ({ id, url: 'https://a.example/', title: 'A', created: 1, modified: 1, selectors, note: '' })),
      claims: [{ id: 'user-1', statement: 's', about: [], created: 1 }],
      sources: [
        { id: 'page:https://a.example/', title: 'A', date: '2026-12-01' },
        { id: 'page:https://b.example/', title: 'B', date: '2026-12-01' },
        { id: 'article:abc', title: 'C', date: '2026-12-01', text: 't' },
      ],
      occurrences: [{ claimId: 'c', sourceId: 'article:abc', selector: selectors, confirmed: false, recorded: 1 }],
      settings: DEFAULT_SETTINGS,
    };
    expect(summarize({ user })).toEqual({ annotations: 3, claims: 1, pagesRead: 2, articles: 1, passages: 1 });
  });
});
