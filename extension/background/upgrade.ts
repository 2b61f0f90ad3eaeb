/**
 * Upgrades of the user's data between schema versions: each fills in what the new version reads, never drops a
 * row. A row too broken to anchor stays, to be shown as an orphan.
 */
import { pageAddress } from '../../shared/userdata/address.ts';
import { DEFAULT_SETTINGS } from '../../shared/userdata/types.ts';

type Row = Record<string, unknown>;

/** What an upgrade uses of Dexie's upgrade transaction (typed here: only db.ts imports Dexie). */
export interface UpgradeTx {
  table(name: string): {
    toCollection(): { modify(change: (row: Row) => void): PromiseLike<unknown> };
    toArray(): PromiseLike<Row[]>;
    put(row: Row): PromiseLike<unknown>;
    delete(key: unknown): PromiseLike<unknown>;
  };
}

/** v1 → v2: annotations and user sources get the fields v2 expects; settings start at their defaults. */
export async function upgradeToV2(tx: UpgradeTx): Promise<void> {
  await tx
    .table('annotations')
    .toCollection()
    .modify((row: Row) => {
      const created = typeof row.created === 'number' ? row.created : 0;
      row.created = created;
      if (typeof row.modified !== 'number') row.modified = created;
      if (typeof row.title !== 'string') row.title = '';
      if (typeof row.note !== 'string') row.note = row.note === undefined ? '' : String(row.note);
    });
  await tx
    .table('userSources')
    .toCollection()
    .modify((row: Row) => {
      if (typeof row.title !== 'string') row.title = typeof row.url === 'string' ? row.url : '';
      if (typeof row.date !== 'string') row.date = '';
    });
  await tx.table('settings').put({ key: 'user', ...DEFAULT_SETTINGS });
}

/**
 * v3 → v4: rejections keyed by the exact address are rekeyed by the address without tracking parameters; where
 * two become one, one row stays. The page (`url`) is part of the primary key, so each such row is replaced.
 */
export async function upgradeToV4(tx: UpgradeTx): Promise<void> {
  const table = tx.table('rejections');
  for (const row of await table.toArray()) {
    if (typeof row.url !== 'string') continue;
    const url = pageAddress(row.url);
    if (url === row.url) continue;
    await table.delete([row.url, row.claimId, row.quote]);
    await table.put({ ...row, url });
  }
}
