/** Reads the answers to calls out of the database. Every answer is built from Dexie: nothing lives in memory. */
import type { Claim, Entity, Occurrence, Source } from '../../shared/kb/types.ts';
import type {
  ClaimDetails,
  ClaimSummary,
  EntityCard,
  MatcherData,
  OccurrenceInfo,
  PageReport,
  SourceInfo,
  TabClaims,
} from '../../shared/messages.ts';
import type { CrossreadDb } from './db.ts';
import { learnedClaims, readSources } from './learned.ts';
import { storedVersion } from './seed.ts';

/** A lookup failed because the id is not in the knowledge base; its message is shown to the caller. */
export class NotFound extends Error {}

function withoutText({ text: _text, ...info }: Source): SourceInfo {
  return info;
}

async function sourceInfos(db: CrossreadDb, ids: Iterable<string>): Promise<Map<string, SourceInfo>> {
  const unique = [...new Set(ids)];
  const rows = await db.sources.bulkGet(unique);
  return new Map(rows.filter((s): s is Source => !!s).map((s) => [s.id, withoutText(s)]));
}

/** The occurrences the user's reading and added articles gave `claims`, with their sources as SourceInfo. */
/** An occurrence in a page read or an added article: the reader may have confirmed it. */
type OwnOccurrence = Occurrence & { confirmed: boolean };

async function userOccurrences(db: CrossreadDb, claims: Claim[]): Promise<{ byClaim: Map<string, OwnOccurrence[]>; sources: Map<string, SourceInfo> }> {
  const rows = await db.userOccurrences.where('claimId').anyOf(claims.map((c) => c.id)).toArray();
  const found = await db.userSources.bulkGet([...new Set(rows.map((r) => r.sourceId))]);
  const sources = new Map<string, SourceInfo>();
  for (const s of found) {
    // The article's own date, never the day it was read; that one is `readOn`, shown apart.
    if (s) sources.set(s.id, { id: s.id, title: s.title, date: s.published ?? '', readOn: s.date, lang: s.lang ?? 'en', ...(s.url ? { url: s.url } : {}) });
  }
  const byClaim = new Map<string, OwnOccurrence[]>();
  for (const r of rows.sort((a, b) => a.recorded - b.recorded)) {
    byClaim.set(r.claimId, [...(byClaim.get(r.claimId) ?? []), { source: r.sourceId, selector: r.selector, confirmed: r.confirmed }]);
  }
  return { byClaim, sources };
}

/**
 * Claims with their occurrences resolved to source details, the knowledge base's first, then those of pages the
 * user read and articles they added; occurrences of unknown sources are dropped.
 */
async function summarize(db: CrossreadDb, claims: Claim[]): Promise<ClaimSummary[]> {
  const sourceIds = claims.flatMap((c) => c.occurrences.map((o) => o.source));
  const [sources, own, read] = await Promise.all([sourceInfos(db, sourceIds), userOccurrences(db, claims), readSources(db, sourceIds)]);
  return claims.map((claim) => ({
    claim,
    occurrences: [...claim.occurrences, ...(own.byClaim.get(claim.id) ?? [])].flatMap((o: Occurrence | OwnOccurrence): OccurrenceInfo[] => {
      const source = sources.get(o.source) ?? own.sources.get(o.source) ?? read.get(o.source);
      if (!source) return [];
      const [quote, { start, end }] = o.selector;
      const confirmed = 'confirmed' in o && o.confirmed === true;
      return [{ source, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end, ...(confirmed ? { confirmed } : {}) }];
    }),
  }));
}

/** Everything the content script's matcher needs. */
export async function matcherData(db: CrossreadDb): Promise<MatcherData> {
  const [version, entities, claims, concepts, sources] = await Promise.all([
    storedVersion(db),
    db.entities.toArray(),
    db.claims.toArray(),
    db.concepts.toArray(),
    db.sources.toArray(),
  ]);
  if (!version) throw new Error('the knowledge base is not loaded');
  return { version, entities, claims, concepts, sources: sources.map(withoutText) };
}

async function entityOrThrow(db: CrossreadDb, id: string): Promise<Entity> {
  const entity = await db.entities.get(id);
  if (!entity) throw new NotFound(`no entity ${JSON.stringify(id)}`);
  return entity;
}

/** An entity and every claim it made or is about, in knowledge-base order. */
export async function entityCard(db: CrossreadDb, id: string): Promise<EntityCard> {
  const entity = await entityOrThrow(db, id);
  const [spoken, about] = await Promise.all([
    db.claims.where('speaker').equals(id).primaryKeys(),
    db.claims.where('about').equals(id).primaryKeys(),
  ]);
  const ids = [...new Set([...spoken, ...about])].sort();
  const claims = (await db.claims.bulkGet(ids)).filter((c): c is Claim => !!c);
  return { entity, claims: await summarize(db, claims) };
}

/** A claim with its speaker, the entities it is about, and its passages in every source. */
export async function claimDetails(db: CrossreadDb, id: string): Promise<ClaimDetails> {
  // A claim learned from pages read (learned.ts) is shown like the knowledge base's.
  const claim = (await db.claims.get(id)) ?? (await learnedClaims(db, [id]))[0];
  if (!claim) throw new NotFound(`no claim ${JSON.stringify(id)}`);
  const [summary] = await summarize(db, [claim]);
  const people = await db.entities.bulkGet([claim.speaker ?? '', ...claim.about]);
  const [speaker, ...about] = people;
  return { ...summary!, speaker: claim.speaker ? (speaker ?? null) : null, about: about.filter((e) => !!e) };
}

/** A source with its text. */
export async function sourceWithText(db: CrossreadDb, id: string): Promise<Source> {
  const source = await db.sources.get(id);
  if (source) return source;
  // An article the user added: the reader page shows it like a source of the knowledge base.
  const own = await db.userSources.get(id);
  if (own?.text !== undefined) return { id: own.id, title: own.title, date: own.date, lang: own.lang ?? 'en', text: own.text, ...(own.url ? { url: own.url } : {}) };
  throw new NotFound(`no source ${JSON.stringify(id)}`);
}

/** A tab's report with entity and claim details joined in; entries the knowledge base does not know are dropped. */
export async function tabClaims(db: CrossreadDb, tabId: number, report: PageReport): Promise<TabClaims> {
  const entities = await db.entities.bulkGet(report.entities.map((e) => e.id));
  const ids = [...new Set(report.claims.map((c) => c.id))];
  const claimRows = [...(await db.claims.bulkGet(ids)).filter((c): c is Claim => !!c), ...(await learnedClaims(db, ids))];
  const summaries = new Map((await summarize(db, claimRows)).map((s) => [s.claim.id, s]));
  return {
    tabId,
    url: report.url,
    title: report.title,
    entities: report.entities.flatMap((found, i) => {
      const entity = entities[i];
      return entity ? [{ ...found, entity }] : [];
    }),
    claims: report.claims.flatMap((found) => {
      const summary = summaries.get(found.id);
      return summary ? [{ ...found, ...summary }] : [];
    }),
  };
}
