/** What the sidebar lists, computed from the background's TabClaims as plain data. Pure. */
import type { Lang } from '../../shared/kb/types.ts';
import type { TabClaims } from '../../shared/messages.ts';
import { pick } from '../ui/kb-text.ts';
import type { SourceQuote } from '../ui/models.ts';
import { groupBySource, samePassage } from '../ui/sources.ts';

/** One claim highlight on the page, in page order. */
export interface ClaimRow {
  /** Unique within the list: claim id and its occurrence index. */
  key: string;
  claimId: string;
  /** Which highlight of this claim on the page (for page.scrollTo). */
  index: number;
  statement: string;
  /** The passage as the page words it. */
  passage: string;
  others: SourceQuote[];
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

/** Sources the page is a copy of: several of its passages are a source's own wording (see the hover card). */
function pageSources(tab: TabClaims): Set<string> {
  const agreeing = new Map<string, number>();
  for (const c of tab.claims) {
    for (const o of c.occurrences) if (samePassage(o.quote, c.text)) agreeing.set(o.source.id, (agreeing.get(o.source.id) ?? 0) + 1);
  }
  return new Set([...agreeing].filter(([, n]) => n >= 2).map(([id]) => id));
}

/** The sidebar's rows for a tab's findings. */
export function sidebarModel(tab: TabClaims, lang: Lang): SidebarModel {
  const own = pageSources(tab);
  const seen = new Map<string, number>();
  const claims = tab.claims.map((c) => {
    const index = seen.get(c.id) ?? 0;
    seen.set(c.id, index + 1);
    const entries = c.occurrences.map((o) => ({ sourceId: o.source.id, source: o.source, quote: o.quote }));
    return {
      key: `${c.id}#${index}`,
      claimId: c.id,
      index,
      statement: pick(c.claim.statement, lang),
      passage: c.text,
      others: groupBySource(entries, c.id, lang, (e) => own.has(e.sourceId) || samePassage(e.quote, c.text)),
    };
  });
  const entities = tab.entities.map((e) => ({ id: e.id, name: pick(e.entity.name, lang), type: e.entity.type, count: e.count }));
  return { title: tab.title, claims, entities };
}
