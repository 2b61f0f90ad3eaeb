/** What the sidebar lists, computed from the background's TabClaims as plain data. Pure. */
import type { Lang } from '../../shared/kb/types.ts';
import type { TabClaims } from '../../shared/messages.ts';
import { pick } from '../ui/kb-text.ts';
import type { ClaimView } from '../ui/models.ts';
import { claimView, pageSources, samePassage } from '../ui/sources.ts';

/** One claim highlight on the page, in page order: the claim as the card shows it, and where it is. */
export interface ClaimRow extends ClaimView {
  /** Unique within the list: claim id and its occurrence index. */
  key: string;
  /** Which highlight of this claim on the page (for page.scrollTo). */
  index: number;
}

/** One entity found on the page. */
export interface EntityRow {
  id: string;
  name: string;
  type: string;
  count: number;
}

export interface SidebarModel {
  title: string;
  claims: ClaimRow[];
  entities: EntityRow[];
}

/** The sidebar's rows for a tab's findings: one per claim and passage (a caption repeating the lead is one row). */
export function sidebarModel(tab: TabClaims, lang: Lang): SidebarModel {
  const entriesOf = new Map(tab.claims.map((c) => [c.id, c.occurrences.map((o) => ({ sourceId: o.source.id, source: o.source, quote: o.quote, ...(o.confirmed ? { confirmed: true } : {}) }))]));
  const own = pageSources({ url: tab.url, passages: tab.claims.map((c) => ({ claimId: c.id, text: c.text })) }, (id) => entriesOf.get(id) ?? []);
  const seen = new Map<string, number>();
  const claims: ClaimRow[] = [];
  for (const c of tab.claims) {
    const index = seen.get(c.id) ?? 0;
    seen.set(c.id, index + 1);
    if (claims.some((row) => row.claimId === c.id && samePassage(row.passage, c.text))) continue;
    const speaker = c.claim.speaker ? tab.entities.find((e) => e.id === c.claim.speaker)?.entity : undefined;
    const view = claimView(
      { id: c.id, statement: pick(c.claim.statement, lang), speaker: speaker ? pick(speaker.name, lang) : null },
      { url: tab.url, passage: c.text },
      entriesOf.get(c.id) ?? [],
      own,
      lang,
    );
    claims.push({ ...view, key: `${c.id}#${index}`, index });
  }
  const entities = tab.entities.map((e) => ({ id: e.id, name: pick(e.entity.name, lang), type: e.entity.type, count: e.count }));
  return { title: tab.title, claims, entities };
}
