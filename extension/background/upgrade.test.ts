import { describe, expect, it } from 'vitest';
import { upgradeToV4, type UpgradeTx } from './upgrade.ts';

type Row = Record<string, unknown>;

/** One table in memory, keyed as the rejections table is ([url, claimId, quote]). */
function rejectionsTx(rows: Row[]): { tx: UpgradeTx; rows: () => Row[] } {
  const table = new Map(rows.map((r) => [JSON.stringify([r.url, r.claimId, r.quote]), r]));
  const tx: UpgradeTx = {
    table: () => ({
      toCollection: () => ({ modify: async () => undefined }),
      toArray: async () => [...table.values()],
      put: async (row: Row) => void table.set(JSON.stringify([row.url, row.claimId, row.quote]), row),
      delete: async (key: unknown) => void table.delete(JSON.stringify(key)),
    }),
  };
  return { tx, rows: () => [...table.values()] };
}

describe('upgradeToV4', () => {
  it('rekeys rejections by the address without tracking parameters, merging two that become one', async () => {
    const { tx, rows } = rejectionsTx([
      { url: 'https://news.example/a?utm_source=nl', claimId: 'c1', quote: 'Q', created: 1 },
      { url: 'https://news.example/a', claimId: 'c1', quote: 'Q', created: 2 },
      { url: 'https://news.example/b?id=7&fbclid=x', claimId: 'c2', quote: 'R', created: 3 },
      { url: 'https://news.example/c', claimId: 'c3', quote: 'S', created: 4 },
    ]);
    await upgradeToV4(tx);
    expect(rows().map((r) => `${r.url} ${r.claimId}`).sort()).toEqual([
      'https://news.example/a c1',
      'https://news.example/b?id=7 c2',
      'https://news.example/c c3',
    ]);
    expect(rows().find((r) => r.claimId === 'c2')?.created).toBe(3);
  });
});
