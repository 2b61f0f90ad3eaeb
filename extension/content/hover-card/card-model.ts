/**
 * What a hover card shows, computed from the knowledge base and the page's findings as plain data.
 * No DOM and no browser API, so it is tested with plain objects.
 */
import type { Claim, EntityType, Lang } from '../../../shared/kb/types.ts';
import type { SourceInfo } from '../../../shared/messages.ts';
import { pick } from '../../ui/kb-text.ts';
import { groupBySource, samePassage } from '../../ui/sources.ts';
import type { SourceQuote } from '../../ui/models.ts';
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
  claimId: string;
  statement: string;
  speaker: string | null;
  others: SourceQuote[];
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

/** Passages of a source that must agree with the page before the page is taken to be that source. */
const SAME_SOURCE_MIN = 2;

/**
 * The knowledge base's sources this page is a copy of: by URL, or because several of the page's claim passages
 * are that source's own wording. Their passages are not "other" sources on this page.
 */
export function pageSourceIds(kb: CardKnowledge, page: readonly Finding[], pageUrl: string): Set<string> {
  const strip = (url: string) => url.split('#')[0];
  const out = new Set<string>();
  for (const source of kb.sources.values()) if (source.url && strip(source.url) === strip(pageUrl)) out.add(source.id);
  const agreeing = new Map<string, number>();
  for (const f of page) {
    if (f.kind !== 'claim') continue;
    for (const o of kb.claims.get(f.id)?.occurrences ?? []) {
      if (samePassage(o.selector[0].exact, f.text)) agreeing.set(o.source, (agreeing.get(o.source) ?? 0) + 1);
    }
  }
  for (const [id, count] of agreeing) if (count >= SAME_SOURCE_MIN) out.add(id);
  return out;
}

/** The claim card for a finding: every other source, once, with its own wording of the claim and links. */
export function claimCardModel(kb: CardKnowledge, finding: Finding, exclude: ReadonlySet<string>, lang: Lang): ClaimCardModel | null {
  const claim = kb.claims.get(finding.id);
  if (!claim) return null;
  const speaker = claim.speaker ? kb.entities.get(claim.speaker) : undefined;
  const entries = claim.occurrences.map((o) => ({ sourceId: o.source, source: kb.sources.get(o.source), quote: o.selector[0].exact }));
  const others = groupBySource(entries, claim.id, lang, (e) => exclude.has(e.sourceId) || samePassage(e.quote, finding.text));
  return { kind: 'claim', claimId: claim.id, statement: pick(claim.statement, lang), speaker: speaker ? pick(speaker.name, lang) : null, others };
}
