/** The data the extension's parts exchange: what the calls of the channels beside this file take and answer. */
import type { Claim, Concept, Entity, Lang, Source } from '../kb/types.ts';
import type { TextSelectors } from '../anchor/describe.ts';
import type { UserAnnotation } from '../userdata/types.ts';

/**
 * A source without its text: what cards and lists show. `date` is always the article's own date (empty when a
 * page read gave none); `readOn` is when the reader read or added it, for the reader's own sources.
 */
export type SourceInfo = Omit<Source, 'text'> & { readOn?: string };

/** One claim's passage in one source, with that source's details resolved. */
export interface OccurrenceInfo {
  source: SourceInfo;
  /** The passage as the source words it. */
  quote: string;
  /** Text right before and after the quote (TextQuoteSelector), for text fragments and anchoring. */
  prefix: string;
  suffix: string;
  /** UTF-16 offsets of the quote in the source's text. */
  start: number;
  end: number;
  /** True when the reader confirmed that this passage of a page they read states the claim. */
  confirmed?: boolean;
}

/** A claim with every passage that reports it. */
export interface ClaimSummary {
  claim: Claim;
  occurrences: OccurrenceInfo[];
}

/** Everything the content script's matcher is built from. */
export interface MatcherData {
  /** The knowledge base's version (kb.json `version`); changes exactly when its content does. */
  version: string;
  entities: Entity[];
  claims: Claim[];
  concepts: Concept[];
  sources: SourceInfo[];
}

/** An entity's hover card. */
export interface EntityCard {
  entity: Entity;
  /** Claims the entity made or is about, each with its passages. */
  claims: ClaimSummary[];
}

/** A claim's hover card and sidebar entry. */
export interface ClaimDetails extends ClaimSummary {
  /** Who made the claim, if the knowledge base knows. */
  speaker: Entity | null;
  /** The entities the claim is about. */
  about: Entity[];
}

/** An entity the content script found on its page, and how often. */
export interface FoundEntity {
  id: string;
  count: number;
}

/** A claim the content script found on its page: where in the page's extracted text, and the text itself. */
export interface FoundClaim {
  id: string;
  start: number;
  end: number;
  text: string;
  score: number;
}

/** What the content script reports about its page. */
export interface PageReport {
  url: string;
  title: string;
  /** Entities in first-seen order. */
  entities: FoundEntity[];
  /** Claims in page order. */
  claims: FoundClaim[];
}

/** A tab's report, with the knowledge base's details joined in for the sidebar. */
export interface TabClaims {
  tabId: number;
  url: string;
  title: string;
  entities: Array<FoundEntity & { entity: Entity }>;
  claims: Array<FoundClaim & ClaimSummary>;
}

/** A claim in a search result: the knowledge base's or the user's, with its statement in the UI language. */
export interface ClaimChoice {
  id: string;
  statement: string;
  /** True for claims the user recorded. */
  own: boolean;
}

/** An entity in a search result. */
export interface EntityChoice {
  id: string;
  name: string;
}

/** An annotation as saved: new ones come without an id. */
export type AnnotationInput = Omit<UserAnnotation, 'id' | 'created' | 'modified'> & { id?: number };

/** A known claim the content script found (or the user confirmed) on its page, for recording the page as a source. */
export interface ReadClaim {
  claimId: string;
  selector: TextSelectors;
  confirmed: boolean;
}

/** An article to add to the knowledge base: its text, and the known claims found in it as spans of that text. */
export interface ArticleInput {
  title: string;
  text: string;
  url?: string;
  lang: Lang;
  claims: Array<{ claimId: string; start: number; end: number }>;
}

/** A page offered as an article: what `article.add` takes, read by the content script that knows its page. */
export type PageArticle = ArticleInput & { url: string };

/** What the sidebar learns about a page's annotations from its content script. */
export interface AnnotationStatus {
  /** The annotations placed, with the text they cover now. */
  placed: Array<{ id: number; text: string }>;
  /** The ids of those that cannot be placed (orphans). */
  orphans: number[];
  /** What the background answered to recording this page as a source; null until it answered. */
  recorded: number | null;
}

/** A span of a page's text (as sent to `learn.link`) that states a claim learned from pages read. */
export interface LearnedSpan {
  /** The learned claim's id (`learned:…`), known to `claim.details` and `tab.claims`. */
  id: string;
  start: number;
  end: number;
  score: number;
}

/** A page's links to what was read: its spans, the learned claims they state, and the pages read they quote. */
export interface LearnedLinks {
  spans: LearnedSpan[];
  claims: Claim[];
  sources: SourceInfo[];
}

/** A page read, as the options page lists it. */
export interface ReadPageInfo {
  url: string;
  title: string;
  /** Publication date from the page, if it gave one. */
  date: string;
  /** When it was read (ms since the epoch). */
  readAt: number;
  statements: number;
}

/** What was learned from pages read, per site (host and port), sites in name order, pages newest first. */
export interface LearnedOverview {
  keepDays: number;
  sites: Array<{ site: string; pages: ReadPageInfo[] }>;
}

/** The storage of pages read, for the options page. */
export interface LearnedStorage {
  keepDays: number;
  /** Megabytes kept at most; 0: no bound by size. */
  keepMb: number;
  pages: number;
  /** About how many bytes the pages read take. */
  bytes: number;
  /** The last time the disk was full while Crossread saved: pages read forgotten to make room, and whether it then fit. */
  diskFull?: { at: number; pruned: number; saved: boolean };
}

// Stories (shared/learn/stories.ts): what the options page lists and the sidebar groups by.

/** An article of a story, as the options page and the sidebar show it. */
export interface StoryArticleInfo {
  /** The page's address; absent for an article of the knowledge base without one. */
  url?: string;
  site: string;
  title: string;
  /** Publication date from the article, or ''. */
  date: string;
  lang: 'de' | 'en';
  /** The ids the card and the sidebar know it by as a source. */
  sourceIds: string[];
  curated: boolean;
}

/** A story learned: articles joined by the statements they share. */
export interface StoryInfo {
  id: string;
  title: string;
  /** The curated knowledge base's story, joined by pages read that state its claims. */
  seed: boolean;
  /** First read first. */
  articles: StoryArticleInfo[];
  /** How many statements its articles share. */
  statements: number;
}

/** A story's export: the whole export with the story's statements and passages added as the reader's own. */
export interface StoryExport {
  story: StoryInfo;
  file: import('../userdata/types.ts').ExportFile;
}
