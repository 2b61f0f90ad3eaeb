/**
 * What a hover card shows, computed from the knowledge base and the page's findings as plain data.
 * No DOM and no browser API, so it is tested with plain objects.
 */
import type { Claim, EntityType, Lang } from '../../../shared/kb/types.ts';
import type { SourceInfo } from '../../../shared/messages.ts';
import { formatDate, pick } from '../../ui/kb-text.ts';
import { passageLink } from '../../ui/links.ts';
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

const squash = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function sourceCount(claim: Claim): number {
  return new Set(claim.occurrences.map((o) => o.source)).size;
}

function line(claim: Claim, lang: Lang): ClaimLine {
  return { claimId: claim.id, statement: pick(claim.statement, lang), sources: sourceCount(claim) };
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
  const seen = new Set([squash(name)]);
  const aliases = entity.aliases.filter((a) => !seen.has(squash(a)) && (seen.add(squash(a)), true));
  return {
    kind: 'entity',
    name,
    type: entity.type,
    description: pick(entity.description, lang),
    aliases: aliases.slice(0, MAX_ALIASES),
    onPage: onPage.map((c) => line(c, lang)),
    elsewhere: elsewhere.slice(0, MAX_ELSEWHERE).map((c) => line(c, lang)),
    moreElsewhere: Math.max(0, elsewhere.length - MAX_ELSEWHERE),
  };
}

/** True when an occurrence is the very passage on this page (the page is one of the KB's own sources). */
function isThisPassage(quote: string, passage: string, source: SourceInfo | undefined, pageUrl: string): boolean {
  if (source?.url && source.url.split('#')[0] === pageUrl.split('#')[0]) return true;
  const q = squash(quote);
  const p = squash(passage);
  return q === p || (q.length > 20 && p.includes(q)) || (p.length > 20 && q.includes(p));
}

/** The claim card for a finding: every other source's own wording of the claim, each with its link. */
export function claimCardModel(kb: CardKnowledge, finding: Finding, pageUrl: string, lang: Lang): ClaimCardModel | null {
  const claim = kb.claims.get(finding.id);
  if (!claim) return null;
  const speaker = claim.speaker ? kb.entities.get(claim.speaker) : undefined;
  const others: SourceQuote[] = [];
  for (const occurrence of claim.occurrences) {
    const source = kb.sources.get(occurrence.source);
    const quote = occurrence.selector[0].exact;
    if (isThisPassage(quote, finding.text, source, pageUrl)) continue;
    others.push({
      sourceId: occurrence.source,
      title: source?.title || occurrence.source,
      date: source?.date ? formatDate(source.date, lang) : '',
      byline: source?.byline,
      quote,
      link: passageLink(source ?? { id: occurrence.source }, quote, claim.id),
    });
  }
  return { kind: 'claim', claimId: claim.id, statement: pick(claim.statement, lang), speaker: speaker ? pick(speaker.name, lang) : null, others };
}
