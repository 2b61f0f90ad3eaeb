/** Turns the page's findings into the report the background keeps for the sidebar. */
import type { PageReport } from '../../shared/messages.ts';
import type { Finding } from './findings.ts';

/** Longest passage text sent along; a claim is a sentence, and a hostile page should not fill session storage. */
const MAX_TEXT = 1000;

/** Entities in first-seen order with their counts, claims in page order; `findings` must be in page order. */
export function buildReport(findings: readonly Finding[], url: string, title: string): PageReport {
  const counts = new Map<string, number>();
  const claims: PageReport['claims'] = [];
  for (const f of findings) {
    if (f.kind === 'entity') counts.set(f.id, (counts.get(f.id) ?? 0) + 1);
    else claims.push({ id: f.id, start: f.start, end: f.end, text: f.text.slice(0, MAX_TEXT), score: f.score });
  }
  return {
    url,
    title: title.slice(0, MAX_TEXT),
    entities: [...counts].map(([id, count]) => ({ id, count })),
    claims,
  };
}
