/**
 * The knowledge base as the content script holds it for the hover cards: asked of the background once per page,
 * after matching has started, and indexed by id so that the cards need no further round trip. The matching
 * itself runs in the background (match/remote.ts), whose matcher is built once per knowledge base.
 */
import type { Claim, Entity } from '../../../shared/kb/types.ts';
import type { MatcherData, Result, SourceInfo } from '../../../shared/messages.ts';
import type { ToBackground } from '../messaging.ts';

/** The knowledge base by id. */
export interface Knowledge {
  version: string;
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  sources: Map<string, SourceInfo>;
  /** Claims each entity made or is about, for the entity card's "elsewhere". */
  claimsByEntity: Map<string, Claim[]>;
}

/** A knowledge object with nothing in it yet, filled in place by {@link fillKnowledge} when the data comes. */
export function emptyKnowledge(): Knowledge {
  return { version: '', entities: new Map(), claims: new Map(), sources: new Map(), claimsByEntity: new Map() };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function indexClaimsByEntity(claims: readonly Claim[]): Map<string, Claim[]> {
  const out = new Map<string, Claim[]>();
  for (const claim of claims) {
    const ids = new Set([...claim.about, ...(claim.speaker ? [claim.speaker] : [])]);
    for (const id of ids) out.set(id, [...(out.get(id) ?? []), claim]);
  }
  return out;
}

/**
 * Indexes what the background sent into `into`, keeping what is there already (learned claims that came first).
 * Throws if the data is not the shape we need.
 */
export function fillKnowledge(into: Knowledge, data: MatcherData): Knowledge {
  if (!Array.isArray(data?.entities) || !Array.isArray(data.claims) || !Array.isArray(data.concepts)) {
    throw new Error('matcher.data: malformed knowledge base');
  }
  into.version = String(data.version);
  for (const [id, entity] of byId(data.entities)) into.entities.set(id, entity);
  for (const [id, claim] of byId(data.claims)) into.claims.set(id, claim);
  for (const [id, source] of byId(Array.isArray(data.sources) ? data.sources : [])) into.sources.set(id, source);
  for (const [id, claims] of indexClaimsByEntity(data.claims)) into.claimsByEntity.set(id, claims);
  return into;
}

/** Asks the background for the knowledge base and indexes it into `into`; `cl-knowledge` spans both. */
export async function loadKnowledge(send: ToBackground, into: Knowledge): Promise<Knowledge> {
  performance.mark('cl-knowledge-start');
  const answer: Result<MatcherData> = await send('matcher.data', {});
  if (!answer.ok) throw new Error(answer.error);
  fillKnowledge(into, answer.value);
  performance.measure('cl-knowledge', 'cl-knowledge-start');
  return into;
}
