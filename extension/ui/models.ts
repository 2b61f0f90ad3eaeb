/** View data the shared components take: plain values, computed by containers from the knowledge base. */
import type { Lang } from '../../shared/kb/types.ts';
import type { PassageLink } from './links.ts';

/** One passage of a source, and where to open it. */
export interface Passage {
  text: string;
  link: PassageLink;
  /** The language the passage is written in (its source's). */
  lang: Lang;
  /** True when the passage already opens or closes with a quotation mark, so the view adds none of its own. */
  quoted: boolean;
  /** The reader confirmed that this passage states the claim. */
  confirmed?: boolean;
}

/** One other source's own wording of a claim: its passages, in source order. */
export interface SourceQuote {
  sourceId: string;
  title: string;
  /** Already formatted for the UI language. */
  date: string;
  /** For the reader's own sources: when they read or added it, formatted; shown apart from the article's date. */
  readOn?: string;
  byline?: string;
  /** A page the reader read or an article they added (not the knowledge base's): they may reject its passages. */
  rejectable?: boolean;
  passages: Passage[];
}

/** A claim as card and sidebar show it: its statement in the UI language, and every other source. */
export interface ClaimView {
  claimId: string;
  statement: string;
  /** Who made it, in the UI language; null if unknown. */
  speaker: string | null;
  /** The passage as the page words it. */
  passage: string;
  others: SourceQuote[];
}
