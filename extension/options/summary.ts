/** What "Clear my data" would delete, counted from an export of everything. Pure. */
import type { ExportFile } from '../../shared/userdata/types.ts';

/** How many of each kind of the user's own data there are. */
export interface DataSummary {
  annotations: number;
  /** Your own claims (the knowledge base's are kept). */
  claims: number;
  /** Web pages recorded as sources while reading. */
  pagesRead: number;
  /** Articles added by pasted text or from the sidebar. */
  articles: number;
  /** Passages of known claims recorded in those pages and articles. */
  passages: number;
}

/** Counts the user's data in `file`; sources are pages read (`page:` ids) or added articles (anything else). */
export function summarize(file: Pick<ExportFile, 'user'>): DataSummary {
  const { user } = file;
  const pagesRead = user.sources.filter((s) => s.id.startsWith('page:')).length;
  return {
    annotations: user.annotations.length,
    claims: user.claims.length,
    pagesRead,
    articles: user.sources.length - pagesRead,
    passages: user.occurrences.length,
  };
}
