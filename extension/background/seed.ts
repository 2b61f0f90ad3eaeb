/**
 * Loads the bundled kb.json into the database. One read-write transaction covers the check and the writes, so a
 * second seeding (onInstalled racing the first message, two workers) sees the first one's version and does
 * nothing, and a failure leaves the previous knowledge in place. User tables are outside the transaction's scope,
 * so seeding cannot touch them even by mistake.
 */
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { type CrossreadDb, SEEDED_TABLES } from './db.ts';

/** What seeding did. */
export type SeedOutcome = 'seeded' | 'replaced' | 'unchanged';

/** Throws a clear error unless `data` looks like a kb.json this code understands. */
export function assertKnowledgeBase(data: unknown): asserts data is KnowledgeBase {
  const kb = data as Partial<KnowledgeBase> | null;
  if (typeof kb !== 'object' || kb === null) throw new Error('kb.json: not a JSON object');
  if (kb.format !== 1) throw new Error(`kb.json: unsupported format ${JSON.stringify(kb.format)}`);
  if (typeof kb.version !== 'string' || !kb.version) throw new Error('kb.json: missing version');
  for (const key of SEEDED_TABLES) {
    const rows = kb[key];
    if (!Array.isArray(rows)) throw new Error(`kb.json: ${key} is not a list`);
    const bad = rows.findIndex((r: { id?: unknown }) => typeof r?.id !== 'string' || !r.id);
    if (bad >= 0) throw new Error(`kb.json: ${key}[${bad}] has no id`);
  }
}

/** Puts `kb` into the seeded tables unless they already hold its version. */
export async function seedKnowledgeBase(db: CrossreadDb, kb: KnowledgeBase): Promise<SeedOutcome> {
  const tables = [db.sources, db.entities, db.claims, db.concepts, db.meta];
  return db.transaction('rw', tables, async () => {
    const stored = await db.meta.get('kbVersion');
    if (stored?.value === kb.version) return 'unchanged';
    await Promise.all([db.sources.clear(), db.entities.clear(), db.claims.clear(), db.concepts.clear()]);
    await db.sources.bulkAdd(kb.sources);
    await db.entities.bulkAdd(kb.entities);
    await db.claims.bulkAdd(kb.claims);
    await db.concepts.bulkAdd(kb.concepts);
    await db.meta.put({ key: 'kbVersion', value: kb.version });
    return stored ? 'replaced' : 'seeded';
  });
}

/** The kb.json version the seeded tables hold, or null before the first seeding. */
export async function storedVersion(db: CrossreadDb): Promise<string | null> {
  return (await db.meta.get('kbVersion'))?.value ?? null;
}
