/** View data the shared components take: plain values, computed by containers from the knowledge base. */
import type { PassageLink } from './links.ts';

/** One passage of a source, and where to open it. */
export interface Passage {
  text: string;
  link: PassageLink;
}

/** One other source's own wording of a claim: its passages, in source order. */
export interface SourceQuote {
  sourceId: string;
  title: string;
  /** Already formatted for the UI language. */
  date: string;
  byline?: string;
  passages: Passage[];
}
