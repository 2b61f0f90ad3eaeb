import { describe, expect, it } from 'vitest';
import type { CrossreadDb } from './db.ts';
import { userHandlers } from './user-handlers.ts';

const selector = [
  { type: 'TextQuoteSelector', exact: 'Beistand', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: 0, end: 8 },
] as const;
const read = { url: 'https://news.example/a', title: 'A', claims: [{ claimId: 'c1', selector: [...selector], confirmed: false }] };

/** A database holding only settings: any write of a page read would reach for a table it does not have, and throw. */
function settingsOnly(recordReading: boolean): CrossreadDb {
  return { settings: { get: async () => ({ key: 'user', disabledSites: [], hoverDelayMs: 500, recordReading }) } } as unknown as CrossreadDb;
}

describe('page.read', () => {
  it('records nothing from a private window, without touching the database', async () => {
    const answer = await userHandlers(settingsOnly(true))['page.read'](read as never, { tab: { id: 3, incognito: true } });
    expect(answer).toEqual({ recorded: 0 });
  });

  it('records nothing while recording is turned off', async () => {
    const answer = await userHandlers(settingsOnly(false))['page.read'](read as never, { tab: { id: 3, incognito: false } });
    expect(answer).toEqual({ recorded: 0 });
  });

  it('goes on to record otherwise (here: reaches for the tables the fake lacks)', async () => {
    await expect(userHandlers(settingsOnly(true))['page.read'](read as never, { tab: { id: 3, incognito: false } })).rejects.toThrow();
  });
});
