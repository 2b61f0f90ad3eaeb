/**
 * The extension's database: the only module that imports Dexie. Every schema version stays listed, so a browser
 * holding any older database upgrades in order. Only fields a `where()` uses are indexed.
 *
 * Seeded tables (replaced wholesale when kb.json changes): sources, entities, claims, concepts.
 * User tables (never touched by seeding): annotations, userSources, userClaims, userOccurrences, settings,
 * rejections, and what was learned from pages read: readPages, readTerms, learnedClaims.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Claim, Concept, Entity, Source, TextPositionSelector, TextQuoteSelector } from '../../shared/kb/types.ts';
import type { Settings, UserAnnotation, UserClaim, UserOccurrence, UserRejection, UserSource } from '../../shared/userdata/types.ts';
import { upgradeToV2, upgradeToV4 } from './upgrade.ts';

/** A key/value row: `kbVersion` is the version of kb.json the seeded tables hold. */
export interface MetaRow {
  key: string;
  value: string;
}

/** The settings row: one, under the key `user`. */
export interface SettingsRow extends Settings {
  key: 'user';
}

/** The tables kb.json fills; seeding clears and refills exactly these. */
export const SEEDED_TABLES = ['sources', 'entities', 'claims', 'concepts'] as const;

/** A page read and learned from (learned.ts): its metadata, its main text, and when it was read. */
export interface ReadPageRow {
  url: string;
  /** Host and port: pages of one site never link to each other. */
  site: string;
  title: string;
  lang: 'de' | 'en';
  /** Publication date from the page's metadata, or ''. */
  date: string;
  readAt: number;
  text: string;
  statements: number;
  /** About how many bytes it takes with its index entries (learned-index.ts pageBytes); not indexed. */
  bytes?: number;
}

/** One entry of the index of pages read: a name (its spelling-insensitive key) the page uses. */
export interface ReadTermRow {
  term: string;
  url: string;
}

/** A claim learned from pages read that linked a page, kept so its card and the sidebar can show it. */
export interface LearnedClaimRow {
  id: string;
  claim: Claim;
  /** The pages read it quotes, and the page it linked, so forgetting a page forgets it. */
  urls: string[];
  /** The linked page's own passage: with the passages read, what joins articles into stories (stories.ts). */
  from?: { url: string; selector: [TextQuoteSelector, TextPositionSelector] };
}

/** The database, with its tables typed. */
export type CrossreadDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  entities: EntityTable<Entity, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  concepts: EntityTable<Concept, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  annotations: EntityTable<UserAnnotation, 'id'>;
  userSources: EntityTable<UserSource, 'id'>;
  userClaims: EntityTable<UserClaim, 'id'>;
  userOccurrences: Table<UserOccurrence, [string, string]>;
  settings: EntityTable<SettingsRow, 'key'>;
  rejections: Table<UserRejection, [string, string, string]>;
  readPages: EntityTable<ReadPageRow, 'url'>;
  readTerms: Table<ReadTermRow, [string, string]>;
  learnedClaims: EntityTable<LearnedClaimRow, 'id'>;
};

/** The tables holding the user's own data. */
export const USER_TABLES = ['annotations', 'userSources', 'userClaims', 'userOccurrences', 'settings', 'rejections'] as const;

/** The IndexedDB database's name. */
export const DB_NAME = 'crossread';

/** Opening the database waits on an upgrade that another connection (another page, a stuck older context) blocks. */
export class DatabaseBlockedError extends Error {
  override name = 'DatabaseBlockedError';
}

/**
 * A function that opens `db` (at once if it is open), or rejects with {@link DatabaseBlockedError} as soon as the
 * browser reports the open blocked, and for as long as it stays so. IndexedDB leaves a blocked open pending until
 * the blocker closes, so without this every call would hang unanswered; the open itself goes on, and calls succeed
 * again once it completes. Callers wait on this before touching the database, so a refused write never runs later.
 */
export function openOrRefuse(db: CrossreadDb): () => Promise<void> {
  let blocked: DatabaseBlockedError | null = null;
  const waiting = new Set<(err: DatabaseBlockedError) => void>();
  db.on('blocked', () => {
    blocked = new DatabaseBlockedError('opening the database waits for another connection to close');
    for (const reject of waiting) reject(blocked);
    waiting.clear();
  });
  // Sticky: fires on every successful open, also after Dexie reopens a connection a versionchange closed.
  db.on('ready', () => void (blocked = null), true);
  return () => {
    if (db.isOpen()) return Promise.resolve();
    if (blocked) return Promise.reject(blocked);
    return new Promise<void>((resolve, reject) => {
      waiting.add(reject);
      db.open().then(
        () => (waiting.delete(reject), resolve()),
        (err: unknown) => (waiting.delete(reject), reject(err)),
      );
    });
  };
}

/** Opens (lazily, on first use) the database with every schema version declared. */
export function openDb(name = DB_NAME): CrossreadDb {
  const db = new Dexie(name) as CrossreadDb;
  db.version(1).stores({
    sources: 'id',
    // *aliases: find an entity by any of its names (annotation, import); speaker/*about: an entity's claims.
    entities: 'id, *aliases',
    claims: 'id, speaker, *about',
    concepts: 'id',
    meta: 'key',
    annotations: '++id, url',
    userSources: 'id, url',
  });
  // Version 2: the annotation feature. Claims the user recorded, claims found in pages read (one per claim and
  // page, found again on a later visit by its compound key), settings; v1 annotation rows get the fields v2 reads.
  db.version(2)
    .stores({
      userClaims: 'id',
      userOccurrences: '[claimId+sourceId], claimId, sourceId',
      settings: 'key',
    })
    .upgrade((tx) => upgradeToV2(tx));
  // Version 3: passages the reader rejected for a claim ("Not this claim"), one row per page, claim and passage,
  // listed by page when the page is scanned; and learning from pages read (learned.ts): pages read, by site and age
  // (pruning); the index from the names a page uses to the pages, so linking loads only candidate pages; the
  // learned claims that linked a page. New tables only: no row of an older version changes.
  db.version(3).stores({
    rejections: '[url+claimId+quote], url',
    readPages: 'url, site, readAt',
    readTerms: '[term+url], term, url',
    learnedClaims: 'id, *urls',
  });
  // Version 4: rejections are keyed by the page's address without tracking parameters (shared/userdata/address.ts),
  // so one holds for the same article reached by another link; rows keyed by the exact address are rekeyed. No
  // table or index changes.
  db.version(4)
    .stores({})
    .upgrade((tx) => upgradeToV4(tx));
  return db;
}

/**
 * Calls `changed` after every committed write to one of `tables` of `db`, from this context or (over Dexie's
 * BroadcastChannel) from another of the extension's; for caches of what those tables hold.
 */
export function onTablesChanged(db: CrossreadDb, tables: readonly string[], changed: () => void): void {
  const prefix = `idb://${db.name}/`;
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      if (part.startsWith(prefix) && tables.includes(part.slice(prefix.length).split('/')[0] ?? '')) return changed();
    }
  });
}
