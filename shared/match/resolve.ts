/**
 * Resolves short forms ("Kim", "Miller") to one of the entities that share them, from the text around them.
 * Only entities named in full somewhere in the text are candidates (journalists introduce a person before
 * shortening the name). Among several, the one whose context entities stand in the same sentence or next to
 * it wins (Putin beside "Kim" points to Kim Jong Un, Sinowjew to Kim Hong-kyun), then the one named last
 * before; a tie resolves to nothing. A title written before the short form must fit the entity (evidence.ts).
 */
import type { Entity } from '../kb/types.ts';
import type { EntityMatch } from './types.ts';
import type { ShortMention } from './entities.ts';
import { titleFits } from './evidence.ts';

/** A sentence's character span: names in the short form's own sentence count double, in its neighbours once. */
export interface Span {
  start: number;
  end: number;
}

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

/** Index of the sentence holding `pos` (sentences sorted and disjoint). */
function sentenceAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid]!.start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function namesIn(full: readonly EntityMatch[], span: Span | undefined): Set<string> {
  const names = new Set<string>();
  if (!span) return names;
  for (let k = lowerBound(full, span.start); k < full.length && full[k]!.start < span.end; k++) names.add(full[k]!.entity);
  return names;
}

function contextScore(entity: Entity | undefined, own: ReadonlySet<string>, near: ReadonlySet<string>): number {
  let score = 0;
  for (const id of entity?.context ?? []) score += own.has(id) ? 2 : near.has(id) ? 1 : 0;
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
  sentences: readonly Span[],
): string | undefined {
  // A title before the short form ("Vizeaußenminister Kim") leaves only the entities it describes.
  const title = mention.title;
  const candidates = mention.candidates.filter((id) => named.has(id) && (title === undefined || titleFits(title, byId.get(id))));
  if (candidates.length <= 1) return candidates[0];
  const s = sentenceAt(sentences, mention.start);
  const own = namesIn(full, sentences[s]);
  const near = new Set([...namesIn(full, sentences[s - 1]), ...namesIn(full, sentences[s + 1])]);
  const previous = lastNamedBefore(full, mention.start, candidates);
  const scored = candidates
    .map((id) => ({ id, score: 2 * contextScore(byId.get(id), own, near) + (id === previous ? 1 : 0) }))
    .sort((a, b) => b.score - a.score);
  const [top, second] = scored;
  return top && top.score > 0 && top.score > (second?.score ?? -1) ? top.id : undefined;
}

/** Full-name matches merged with the short forms that could be resolved, in text order. */
export function resolveShortForms(
  full: EntityMatch[],
  short: readonly ShortMention[],
  byId: ReadonlyMap<string, Entity>,
  sentences: readonly Span[],
): EntityMatch[] {
  if (short.length === 0) return full;
  const named = new Set(full.map((m) => m.entity));
  const resolved: EntityMatch[] = [];
  for (const mention of short) {
    const entity = resolveOne(mention, full, named, byId, sentences);
    if (entity) resolved.push({ entity, start: mention.start, end: mention.end });
  }
  return mergeByStart(full, resolved);
}

/**
 * Two lists in text order as one, as a stable sort of the first followed by the second would give it (a full name
 * and a short form never start at the same place), in one pass rather than a sort of the whole page's names.
 */
function mergeByStart(a: readonly EntityMatch[], b: readonly EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
