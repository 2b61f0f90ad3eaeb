/**
 * The user's data in the database: annotations, claims, pages read, added articles, settings, and the whole-base
 * export and import. Writes that belong together run in one transaction, so a failure leaves nothing half-done.
 */
import type { KnowledgeBase, Lang } from '../../shared/kb/types.ts';
import type { AnnotationInput, ArticleInput, ClaimChoice, EntityChoice, ReadClaim } from '../../shared/messages.ts';
import { describeSpan } from '../../shared/anchor/describe.ts';
import {
  DEFAULT_SETTINGS,
  isRejected,
  pageKey,
  passageKey,
  pageSourceId,
  USER_CLAIM_PREFIX,
  type ExportFile,
  type Settings,
  type UserAnnotation,
  type UserClaim,
  type UserRejection,
} from '../../shared/userdata/types.ts';
import { type CrossreadDb, SEEDED_TABLES, USER_TABLES } from './db.ts';
import { NotFound } from './queries.ts';
import { storedVersion } from './seed.ts';
import { pageAddress } from '../../shared/userdata/address.ts';

const MAX_CHOICES = 20;

/** The settings, defaults filled in for a database that has none yet. */
export async function readSettings(db: CrossreadDb): Promise<Settings> {
  const row = await db.settings.get('user');
  if (!row) return { ...DEFAULT_SETTINGS };
  const { key: _key, ...settings } = row;
  return { ...DEFAULT_SETTINGS, ...settings };
}

/** Saves the settings; site names are trimmed and deduplicated. */
export async function writeSettings(db: CrossreadDb, settings: Settings): Promise<Settings> {
  const sites = [...new Set(settings.disabledSites.map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const clean = { ...settings, disabledSites: sites };
  await db.settings.put({ key: 'user', ...clean });
  return clean;
}

/** A page's annotations, oldest first. */
export async function pageAnnotations(db: CrossreadDb, url: string): Promise<UserAnnotation[]> {
  const rows = await db.annotations.where('url').equals(pageKey(url)).toArray();
  return rows.sort((a, b) => a.created - b.created);
}

async function assertClaimExists(db: CrossreadDb, id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const found = id.startsWith(USER_CLAIM_PREFIX) ? await db.userClaims.get(id) : await db.claims.get(id);
  if (!found) throw new NotFound(`no claim ${JSON.stringify(id)}`);
}

/** Creates or updates an annotation. */
export async function saveAnnotation(db: CrossreadDb, input: AnnotationInput, now = Date.now()): Promise<UserAnnotation> {
  await assertClaimExists(db, input.claimId);
  return db.transaction('rw', db.annotations, async () => {
    const { id, ...fields } = input;
    const row: UserAnnotation = { ...fields, url: pageKey(fields.url), created: now, modified: now };
    if (id !== undefined) {
      const old = await db.annotations.get(id);
      if (!old) throw new NotFound(`no annotation ${id}`);
      row.created = old.created;
      row.id = id;
    }
    if (row.claimId === undefined) delete row.claimId;
    row.id = await db.annotations.put(row);
    return row;
  });
}

/** Deletes an annotation. */
export async function deleteAnnotation(db: CrossreadDb, id: number): Promise<void> {
  if (!(await db.annotations.get(id))) throw new NotFound(`no annotation ${id}`);
  await db.annotations.delete(id);
}

const words = (query: string) => query.toLowerCase().split(/\s+/).filter(Boolean);

/** Claims whose statement (in either language) holds every word of the query. */
export async function searchClaims(db: CrossreadDb, query: string, lang: Lang): Promise<ClaimChoice[]> {
  const wanted = words(query);
  const fits = (...texts: string[]) => wanted.every((w) => texts.some((t) => t.toLowerCase().includes(w)));
  const [kb, own] = await Promise.all([db.claims.toArray(), db.userClaims.toArray()]);
  const choices: ClaimChoice[] = [
    ...own.filter((c) => fits(c.statement)).map((c) => ({ id: c.id, statement: c.statement, own: true })),
    ...kb.filter((c) => fits(c.statement.de, c.statement.en)).map((c) => ({ id: c.id, statement: c.statement[lang], own: false })),
  ];
  return choices.slice(0, MAX_CHOICES);
}

/** Entities with a name or alias starting like the query. */
export async function searchEntities(db: CrossreadDb, query: string, lang: Lang): Promise<EntityChoice[]> {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const all = await db.entities.toArray();
  return all
    .filter((e) => [e.name.de, e.name.en, ...e.aliases].some((n) => n.toLowerCase().startsWith(q)))
    .slice(0, MAX_CHOICES)
    .map((e) => ({ id: e.id, name: e.name[lang] }));
}

/** Records a claim the user stated. */
export async function createClaim(db: CrossreadDb, params: { statement: string; speaker?: string; about: string[] }): Promise<UserClaim> {
  const ids = [...(params.speaker ? [params.speaker] : []), ...params.about];
  const known = await db.entities.bulkGet(ids);
  const missing = ids.find((_, i) => !known[i]);
  if (missing !== undefined) throw new NotFound(`no entity ${JSON.stringify(missing)}`);
  const claim: UserClaim = {
    id: `${USER_CLAIM_PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    statement: params.statement.trim(),
    about: [...new Set(params.about)],
    created: Date.now(),
    ...(params.speaker ? { speaker: params.speaker } : {}),
  };
  await db.userClaims.add(claim);
  return claim;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Records a page read as a source of the known claims found on it: one occurrence per claim and page. */
export async function recordPage(db: CrossreadDb, page: { url: string; title: string; published?: string; claims: ReadClaim[] }): Promise<number> {
  if (page.claims.length === 0) return 0;
  const url = pageKey(page.url);
  const sourceId = pageSourceId(url);
  // Rejections hold for the article however it was reached (see pageAddress).
  const address = pageAddress(page.url);
  const known = await db.claims.bulkGet(page.claims.map((c) => c.claimId));
  const own = await db.userClaims.bulkGet(page.claims.map((c) => c.claimId));
  // One occurrence per claim and page: the passage the user confirmed, else the first the matcher found.
  const rejectedBefore = await db.rejections.where('url').equals(address).toArray();
  const first = new Map<string, ReadClaim>();
  page.claims.forEach((c, i) => {
    const kept = first.get(c.claimId);
    // A passage the reader rejected is never the matcher's pick again.
    if (!c.confirmed && isRejected(rejectedBefore, c.claimId, c.selector[0].exact)) return;
    if ((known[i] || own[i]) && (!kept || (c.confirmed && !kept.confirmed))) first.set(c.claimId, c);
  });
  const claims = [...first.values()];
  await db.transaction('rw', db.userSources, db.userOccurrences, db.rejections, async () => {
    const rejected = await db.rejections.where('url').equals(address).toArray();
    const old = await db.userSources.get(sourceId);
    const published = page.published && /^\d{4}-\d{2}-\d{2}$/.test(page.published) ? page.published : old?.published;
    await db.userSources.put({ id: sourceId, url, title: page.title || url, date: old?.date ?? today(), ...(published ? { published } : {}) });
    for (const c of claims) {
      const previous = await db.userOccurrences.get([c.claimId, sourceId]);
      // A passage the user confirmed is not replaced by a later guess of the matcher.
      if (previous?.confirmed && !c.confirmed) continue;
      const quote = c.selector[0].exact;
      if (isRejected(rejected, c.claimId, quote)) {
        // The reader rejected this passage for this claim: the matcher's guess stays out; the reader's own
        // confirmation later takes the rejection back.
        if (!c.confirmed) continue;
        await db.rejections.delete([address, c.claimId, passageKey(quote)]);
      }
      await db.userOccurrences.put({ claimId: c.claimId, sourceId, selector: c.selector, confirmed: c.confirmed, recorded: Date.now() });
    }
  });
  return claims.length;
}

/** The passages the reader rejected on a page. */
export async function pageRejections(db: CrossreadDb, url: string): Promise<UserRejection[]> {
  return db.rejections.where('url').equals(pageAddress(url)).toArray();
}

/**
 * Remembers that a page's passage does not state a claim, and removes the page as a source of that claim when it
 * was recorded through that passage. Answers whether a recorded source was removed.
 */
export async function rejectPassage(
  db: CrossreadDb,
  params: { url: string; claimId: string; quote: string },
  now = Date.now(),
): Promise<{ removed: boolean }> {
  const quote = passageKey(params.quote);
  if (!quote) throw new RangeError('the passage is empty');
  const sourceId = pageSourceId(pageKey(params.url));
  return db.transaction('rw', db.rejections, db.userOccurrences, async () => {
    await db.rejections.put({ url: pageAddress(params.url), claimId: params.claimId, quote, created: now });
    const recorded = await db.userOccurrences.get([params.claimId, sourceId]);
    if (!recorded || passageKey(recorded.selector[0].exact) !== quote) return { removed: false };
    await db.userOccurrences.delete([params.claimId, sourceId]);
    return { removed: true };
  });
}

/** A small stable hash of an article's text, so adding the same article twice keeps one source. */
function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0') + text.length.toString(36);
}

/** Adds an article as a user source, with the occurrences of the claims found in it. */
export async function addArticle(
  db: CrossreadDb,
  a: ArticleInput,
): Promise<{ sourceId: string; recorded: number }> {
  const sourceId = `article:${textHash(a.text)}`;
  const known = await db.claims.bulkGet(a.claims.map((c) => c.claimId));
  // An article added again keeps out the passages the reader rejected in it (keyed by its source id, see
  // source-reject.ts).
  const rejected = await db.rejections.where('url').equals(sourceId).toArray();
  const claims = a.claims.filter(
    (c, i) => known[i] && c.end > c.start && c.end <= a.text.length && !isRejected(rejected, c.claimId, a.text.slice(c.start, c.end)),
  );
  await db.transaction('rw', db.userSources, db.userOccurrences, async () => {
    await db.userSources.put({ id: sourceId, title: a.title, date: today(), lang: a.lang, text: a.text, ...(a.url ? { url: a.url } : {}) });
    for (const c of claims) {
      const selector = describeSpan(a.text, c.start, c.end);
      await db.userOccurrences.put({ claimId: c.claimId, sourceId, selector, confirmed: false, recorded: Date.now() });
    }
  });
  return { sourceId, recorded: new Set(claims.map((c) => c.claimId)).size };
}

/** The whole knowledge base and the user's data. */
export async function exportAll(db: CrossreadDb): Promise<ExportFile> {
  return db.transaction('r', [...SEEDED_TABLES, 'meta', ...USER_TABLES], async () => {
    const [version, sources, entities, claims, concepts, annotations, userClaims, userSources, occurrences, settings, rejections] = await Promise.all([
      storedVersion(db),
      db.sources.toArray(),
      db.entities.toArray(),
      db.claims.toArray(),
      db.concepts.toArray(),
      db.annotations.toArray(),
      db.userClaims.toArray(),
      db.userSources.toArray(),
      db.userOccurrences.toArray(),
      readSettings(db),
      db.rejections.toArray(),
    ]);
    const kb: KnowledgeBase = { format: 1, version: version ?? '', sources, entities, claims, concepts };
    return {
      format: 'crossread-export',
      formatVersion: 1,
      exported: new Date().toISOString(),
      kb,
      user: { annotations, claims: userClaims, sources: userSources, occurrences, settings, rejections },
    };
  });
}

/** Every row of some tables, by table and then by primary key (as JSON, so compound keys compare too). */
type Snapshot = Map<string, Map<string, unknown>>;

async function snapshot(db: CrossreadDb, tables: readonly string[]): Promise<Snapshot> {
  const taken: Snapshot = new Map();
  for (const name of tables) {
    const table = db.table(name);
    const [keys, rows] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
    taken.set(name, new Map(keys.map((k, i) => [JSON.stringify(k), rows[i]])));
  }
  return taken;
}

/**
 * Puts the tables back as `before` holds them, after a failed import. Firefox (measured in ESR 153 with raw
 * IndexedDB, no Dexie involved) can keep some rows a transaction added although that transaction fired 'abort'
 * on a QuotaExceededError and its other writes (the clear) were rolled back; so after a failure the database is
 * compared with the snapshot. Deleting the strays runs first in a transaction of its own: it frees space, so that
 * putting back any changed row cannot meet the full disk again.
 */
async function restore(db: CrossreadDb, before: Snapshot): Promise<void> {
  const tables = [...before.keys()];
  await db.transaction('rw', tables, async () => {
    for (const [name, rows] of before) {
      const table = db.table(name);
      const strays = (await table.toCollection().primaryKeys()).filter((k) => !rows.has(JSON.stringify(k)));
      if (strays.length > 0) await table.bulkDelete(strays);
    }
  });
  await db.transaction('rw', tables, async () => {
    for (const [name, rows] of before) {
      const table = db.table(name);
      const keys = await table.toCollection().primaryKeys();
      const now = await table.toArray();
      const current = new Map(keys.map((k, i) => [JSON.stringify(k), JSON.stringify(now[i])]));
      const changed = [...rows].filter(([key, row]) => current.get(key) !== JSON.stringify(row)).map(([, row]) => row);
      if (changed.length > 0) await table.bulkPut(changed);
    }
  });
}

/** Undoing a failed import failed too: the database may hold part of the import. */
export class ImportUndoFailed extends Error {
  override name = 'ImportUndoFailed';
}

/**
 * Replaces everything with a (validated) export's content: all of it, or none. One transaction, and, because a
 * browser may keep part of a transaction that failed on a full disk (see {@link restore}), a snapshot taken inside
 * that transaction before it changes anything, put back if it fails. The snapshot holds at most what an export
 * holds, and the file being imported is in memory already.
 */
export async function importAll(db: CrossreadDb, file: ExportFile): Promise<{ annotations: number; claims: number }> {
  const tables = [...SEEDED_TABLES, 'meta', ...USER_TABLES];
  let before: Snapshot | null = null;
  try {
    await db.transaction('rw', tables, async () => {
      before = await snapshot(db, tables);
      await Promise.all(tables.filter((t) => t !== 'meta').map((t) => db.table(t).clear()));
      await db.sources.bulkAdd(file.kb.sources);
      await db.entities.bulkAdd(file.kb.entities);
      await db.claims.bulkAdd(file.kb.claims);
      await db.concepts.bulkAdd(file.kb.concepts);
      await db.meta.put({ key: 'kbVersion', value: file.kb.version });
      await db.annotations.bulkAdd(file.user.annotations);
      await db.userClaims.bulkAdd(file.user.claims);
      await db.userSources.bulkAdd(file.user.sources);
      await db.userOccurrences.bulkAdd(file.user.occurrences);
      await db.settings.put({ key: 'user', ...file.user.settings });
      // Exports made before rejections existed have none.
      // Keyed by the address as rejections are now (files from before kept exact addresses); two that become one
      // are one rejection.
      await db.rejections.bulkPut((file.user.rejections ?? []).map((r) => ({ ...r, url: pageAddress(r.url) })));
    });
  } catch (err) {
    if (before) {
      try {
        await restore(db, before);
      } catch (undoErr) {
        const why = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));
        throw new ImportUndoFailed(`the import failed (${why(err)}) and undoing its partial writes failed too (${why(undoErr)}); export your data and check it`);
      }
    }
    throw err;
  }
  return { annotations: file.user.annotations.length, claims: file.user.claims.length };
}

/** Deletes the user's data; the seeded knowledge stays. */
export async function clearUserData(db: CrossreadDb): Promise<void> {
  await db.transaction('rw', [...USER_TABLES], async () => {
    await Promise.all([db.annotations.clear(), db.userClaims.clear(), db.userSources.clear(), db.userOccurrences.clear(), db.rejections.clear()]);
    await db.settings.put({ key: 'user', ...DEFAULT_SETTINGS });
  });
}
