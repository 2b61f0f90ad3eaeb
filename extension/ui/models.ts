/** View data the shared components take: plain values, computed by containers from the knowledge base. */
import type { PassageLink } from './links.ts';

/** One other source's wording of a claim, and where to open it. */
export interface SourceQuote {
  sourceId: string;
  title: string;
  /** Already formatted for the UI language. */
  date: string;
  byline?: string;
  quote: string;
  link: PassageLink;
}
