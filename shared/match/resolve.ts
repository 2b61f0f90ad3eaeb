/**
 * Resolves short forms ("Kim", "Miller") to one of the entities that share them, from the text around them.
 * Only entities named in full somewhere in the text are candidates (journalists introduce a person before
 * shortening the name). Among several, the one whose context entities stand nearby wins (Putin near "Kim"
 * points to Kim Jong Un, Sinowjew to Kim Hong-kyun), then the one named last before; a tie resolves to nothing.
 */
import type { Entity } from '../kb/types.ts';
import type { EntityMatch } from './types.ts';
import type { ShortMention } from './entities.ts';

/** How far around a short form (in UTF-16 units) other names count as its context. */
const CONTEXT_RADIUS = 250;

/** Index of the first mention starting at or after `pos` (mentions sorted by start). */
function lowerBound(mentions: readonly EntityMatch[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contextScore(entity: Entity | undefined, nearby: ReadonlySet<string>): number {
  let score = 0;
  for (const id of entity?.context ?? []) if (nearby.has(id)) score++;
  return score;
}

function lastNamedBefore(full: readonly EntityMatch[], pos: number, candidates: readonly string[]): string | undefined {
  for (let k = lowerBound(full, pos) - 1; k >= 0; k--) {
    const id = full[k]!.entity;
    if (candidates.includes(id)) return id;
  }
  return undefined;
}

/** The entity a short form names here, or undefined where the text does not say clearly. */
function resolveOne(
  mention: ShortMention,
  full: readonly EntityMatch[],
  named: ReadonlySet<string>,
  byId: ReadonlyMap<string, Entity>,
): string | undefined {
  const candidates = mention.candidates.filter((id) => named.has(id));
  if (candidates.length <= 1) return candidates[0];
  const nearby = new Set<string>();
  const to = mention.end + CONTEXT_RADIUS;
  for (let k = lowerBound(full, mention.start - CONTEXT_RADIUS); k < full.length && full[k]!.start < to; k++) {
    nearby.add(full[k]!.entity);
  }
  const previous = lastNamedBefore(full, mention.start, candidates);
  const scored = candidates
    .map((id) => ({ id, score: 2 * contextScore(byId.get(id), nearby) + (id === previous ? 1 : 0) }))
    .sort((a, b) => b.score - a.score);
  const [top, second] = scored;
  return top && top.score > 0 && top.score > (second?.score ?? -1) ? top.id : undefined;
}

/** Full-name matches merged with the short forms that could be resolved, in text order. */
export function resolveShortForms(
  full: EntityMatch[],
  short: readonly ShortMention[],
  byId: ReadonlyMap<string, Entity>,
): EntityMatch[] {
  if (short.length === 0) return full;
  const named = new Set(full.map((m) => m.entity));
  const resolved: EntityMatch[] = [];
  for (const mention of short) {
    const entity = resolveOne(mention, full, named, byId);
    if (entity) resolved.push({ entity, start: mention.start, end: mention.end });
  }
  return [...full, ...resolved].sort((a, b) => a.start - b.start);
}
