/**
 * What a hover card shows, computed from the knowledge base and the page's findings as plain data.
 * No DOM and no browser API, so it is tested with plain objects.
 */
import type { Claim, EntityType, Lang } from '../../../shared/kb/types.ts';
import type { OccurrenceInfo, SourceInfo } from '../../../shared/messages.ts';
import { pick } from '../../ui/kb-text.ts';
import type { ClaimView } from '../../ui/models.ts';
import { claimView, pageSources, type PassageEntry } from '../../ui/sources.ts';
import type { Finding } from '../findings.ts';

/** What the card models need from the compiled knowledge (a subset of match/knowledge.ts's Knowledge). */
export interface CardKnowledge {
  entities: Map<string, { id: string; type: EntityType; name: Record<Lang, string>; description: Record<Lang, string>; aliases: string[] }>;
  claims: Map<string, Claim>;
  sources: Map<string, SourceInfo>;
  claimsByEntity: Map<string, Claim[]>;
}

/** A claim line in an entity card. */
export interface ClaimLine {
  claimId: string;
  statement: string;
  /** How many sources report it. */
  sources: number;
}

export interface EntityCardModel {
  kind: 'entity';
  name: string;
  type: EntityType;
  description: string;
  aliases: string[];
  onPage: ClaimLine[];
  /** Claims on the page left out of the list. */
  moreOnPage: number;
  elsewhere: ClaimLine[];
  /** Claims elsewhere left out of the list. */
  moreElsewhere: number;
}

export interface ClaimCardModel {
  kind: 'claim';
  /** The claim under the pointer. */
  claimId: string;
  /** Every claim of the passage's sentence, the one under the pointer first; the card pages between them. */
  claims: ClaimView[];
  /** The sources this page is a copy of, left out of every list. */
  own: string[];
  /** The page's address: a page read recorded under it is the page itself, not another source. */
  pageUrl: string;
  lang: Lang;
}

export type CardModel = EntityCardModel | ClaimCardModel;

const MAX_ALIASES = 6;
const MAX_ELSEWHERE = 5;
const MAX_ON_PAGE = 6;

/** Aliases that differ only by spacing, hyphens or a genitive s (Kreml-Chef, Kreml Chef, Kremlchefs) are one. */
const aliasKey = (alias: string) => alias.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '').replace(/s$/, '');

function sourceCount(claim: Claim): number {
  return new Set(claim.occurrences.map((o) => o.source)).size;
}

function line(claim: Claim, lang: Lang): ClaimLine {
  return { claimId: claim.id, statement: pick(claim.statement, lang), sources: sourceCount(claim) };
}

/** One alias per spelling group, the one with the fewest spaces (Kreml-Chef over Kreml Chef), the name left out. */
function distinctAliases(aliases: readonly string[], name: string): string[] {
  const groups = new Map<string, string>();
  const spaces = (a: string) => a.split(' ').length;
  for (const alias of aliases) {
    const key = aliasKey(alias);
    const kept = groups.get(key);
    if (kept === undefined || spaces(alias) < spaces(kept)) groups.set(key, alias);
  }
  groups.delete(aliasKey(name));
  return [...groups.values()];
}

/** The entity card for `entityId`; null if the knowledge base does not know it. */
export function entityCardModel(kb: CardKnowledge, entityId: string, page: readonly Finding[], lang: Lang): EntityCardModel | null {
  const entity = kb.entities.get(entityId);
  if (!entity) return null;
  const name = pick(entity.name, lang);
  const involved = kb.claimsByEntity.get(entityId) ?? [];
  const onPageIds = new Set(page.filter((f) => f.kind === 'claim').map((f) => f.id));
  const onPage = involved.filter((c) => onPageIds.has(c.id));
  const elsewhere = involved.filter((c) => !onPageIds.has(c.id)).sort((a, b) => sourceCount(b) - sourceCount(a));
  const aliases = distinctAliases(entity.aliases, name);
  return {
    kind: 'entity',
    name,
    type: entity.type,
    description: pick(entity.description, lang),
    aliases: aliases.slice(0, MAX_ALIASES),
    onPage: onPage.slice(0, MAX_ON_PAGE).map((c) => line(c, lang)),
    moreOnPage: Math.max(0, onPage.length - MAX_ON_PAGE),
    elsewhere: elsewhere.slice(0, MAX_ELSEWHERE).map((c) => line(c, lang)),
    moreElsewhere: Math.max(0, elsewhere.length - MAX_ELSEWHERE),
  };
}

/** A claim's passages in the knowledge base, as the shared source list takes them. */
export function kbEntries(kb: CardKnowledge, claimId: string): PassageEntry[] {
  return (kb.claims.get(claimId)?.occurrences ?? []).map((o) => ({ sourceId: o.source, source: kb.sources.get(o.source), quote: o.selector[0].exact }));
}

/** A claim's passages as the background answers them (claim.details): the knowledge base's and the reader's own. */
export function detailEntries(occurrences: readonly OccurrenceInfo[]): PassageEntry[] {
  return occurrences.map((o) => ({ sourceId: o.source.id, source: o.source, quote: o.quote, ...(o.confirmed ? { confirmed: true } : {}) }));
}

/** The knowledge base's sources this page is a copy of (see ui/sources.ts pageSources). */
export function pageSourceIds(kb: CardKnowledge, page: readonly Finding[], pageUrl: string): Set<string> {
  const passages = page.filter((f) => f.kind === 'claim').map((f) => ({ claimId: f.id, text: f.text }));
  return pageSources({ url: pageUrl, passages }, (id) => kbEntries(kb, id));
}

/** One claim of the card, from its passages (the knowledge base's first; the background's once they arrive). */
export function claimViewOf(kb: CardKnowledge, claimId: string, page: { url: string; passage: string }, entries: readonly PassageEntry[], own: ReadonlySet<string>, lang: Lang): ClaimView | null {
  const claim = kb.claims.get(claimId);
  if (!claim) return null;
  const speaker = claim.speaker ? kb.entities.get(claim.speaker) : undefined;
  return claimView({ id: claim.id, statement: pick(claim.statement, lang), speaker: speaker ? pick(speaker.name, lang) : null }, page, entries, own, lang);
}

/**
 * The claim card for a passage: every claim the passage's sentence states (the one under the pointer first, each
 * once however often the page repeats it), each with every other source.
 * `sentence` is the claim findings that overlap the hovered one, in page order, the hovered one among them.
 */
export function claimCardModel(kb: CardKnowledge, finding: Finding, sentence: readonly Finding[], page: readonly Finding[], pageUrl: string, lang: Lang): ClaimCardModel | null {
  const own = pageSourceIds(kb, page, pageUrl);
  const picked = [finding, ...sentence.filter((f) => f.kind === 'claim' && f.id !== finding.id)];
  const seen = new Set<string>();
  const claims: ClaimView[] = [];
  for (const f of picked) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    const view = claimViewOf(kb, f.id, { url: pageUrl, passage: f.text }, kbEntries(kb, f.id), own, lang);
    if (view) claims.push(view);
  }
  if (claims.length === 0) return null;
  return { kind: 'claim', claimId: claims[0]!.claimId, claims, own: [...own], pageUrl, lang };
}
