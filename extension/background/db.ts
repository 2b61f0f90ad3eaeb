/**
 * The extension's database: the only module that imports Dexie. Every schema version stays listed, so a browser
 * holding any older database upgrades in order. Only fields a `where()` uses are indexed.
 *
 * Seeded tables (replaced wholesale when kb.json changes): sources, entities, claims, concepts.
 * User tables (never touched by seeding): annotations, userSources.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Claim, Concept, Entity, Source } from '../../shared/kb/types.ts';

/** A note or claim mark the user made on a page (filled in by the annotation feature). */
export interface Annotation {
  id?: number;
  /** The annotated page. */
  url: string;
  /** Milliseconds since the epoch. */
  created: number;
  [field: string]: unknown;
}

/** A page the user read or imported, kept as a source of their own. */
export interface UserSource {
  id: string;
  url: string;
  [field: string]: unknown;
}

/** A key/value row: `kbVersion` is the version of kb.json the seeded tables hold. */
export interface MetaRow {
  key: string;
  value: string;
}

/** The tables kb.json fills; seeding clears and refills exactly these. */
export const SEEDED_TABLES = ['sources', 'entities', 'claims', 'concepts'] as const;

/** The database, with its tables typed. */
export type CrossreadDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  entities: EntityTable<Entity, 'id'>;
  claims: EntityTable<Claim, 'id'>;
  concepts: EntityTable<Concept, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  annotations: EntityTable<Annotation, 'id'>;
  userSources: EntityTable<UserSource, 'id'>;
};

/** The IndexedDB database's name. */
export const DB_NAME = 'crossread';

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
  return db;
}
