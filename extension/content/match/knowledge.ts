/**
 * The knowledge base as the content script holds it: asked of the background once per page, compiled into a
 * matcher, and indexed for the hover cards, which then need no further round trip.
 */
import type { Claim, Entity } from '../../../shared/kb/types.ts';
import { buildMatcherInSlices } from '../../../shared/match/index.ts';
import type { Matcher } from '../../../shared/match/types.ts';
import type { MatcherData, Result, SourceInfo } from '../../../shared/messages.ts';
import type { ToBackground } from '../messaging.ts';
import { Slicer } from '../schedule.ts';

/** The compiled matcher and lookups by id. */
export interface Knowledge {
  version: string;
  matcher: Matcher;
  entities: Map<string, Entity>;
  claims: Map<string, Claim>;
  sources: Map<string, SourceInfo>;
  /** Claims each entity made or is about, for the entity card's "elsewhere". */
  claimsByEntity: Map<string, Claim[]>;
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
 * Compiles what the background sent, in slices: built in one go the matcher was a 35–90 ms task on every page
 * load. Throws if the data is not the shape we need, or with the signal's reason if the page went away.
 */
export async function compileKnowledge(data: MatcherData, signal?: AbortSignal): Promise<Knowledge> {
  if (!Array.isArray(data?.entities) || !Array.isArray(data.claims) || !Array.isArray(data.concepts)) {
    throw new Error('matcher.data: malformed knowledge base');
  }
  const slicer = new Slicer();
  const matcher = await buildMatcherInSlices(data, {}, { timeUp: () => slicer.due(), pause: () => slicer.pause(signal) });
  return {
    version: String(data.version),
    matcher,
    entities: byId(data.entities),
    claims: byId(data.claims),
    sources: byId(Array.isArray(data.sources) ? data.sources : []),
    claimsByEntity: indexClaimsByEntity(data.claims),
  };
}

/** Asks the background for the knowledge base; the answer is compiled by `loadKnowledge`. */
export function requestKnowledge(send: ToBackground): Promise<Result<MatcherData>> {
  performance.mark('cl-index-start');
  return send('matcher.data', {});
}

/** Compiles a requested knowledge base; `cl-index` spans the request and the compile. */
export async function loadKnowledge(request: Promise<Result<MatcherData>>, signal?: AbortSignal): Promise<Knowledge> {
  const answer = await request;
  if (!answer.ok) throw new Error(answer.error);
  const knowledge = await compileKnowledge(answer.value, signal);
  performance.measure('cl-index', 'cl-index-start');
  return knowledge;
}
