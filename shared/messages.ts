/**
 * The messages the extension's parts exchange, declared once per channel: who talks to whom, each call named,
 * documented, with its parameters' check, who may make it and what it answers. Senders and receivers are built from
 * these declarations (shared/rpc/channel.ts), so a new call is added here and nowhere else but its handler.
 *
 *   content script ──contentToBackground──▶ background ◀──pagesToBackground── extension pages (sidebar, options, reader)
 *   content script ◀────────────toContent──────────── background, sidebar
 *   extension pages ◀──toPages (notices)── background
 *
 * The extension's pages may make the content script's calls too. No browser API here: transports come from the caller.
 */
import type { Claim, Concept, Entity, Lang, Source } from './kb/types.ts';
import type { TextSelectors } from './anchor/describe.ts';
import { call, channel, returns, type CallsOf } from './rpc/channel.ts';
import { anObject, arr, type Check, int, num, obj, oneOf, optional, str, where } from './rpc/schema.ts';
import {
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  type ExportFile,
  type Settings,
  type UserAnnotation,
  type UserClaim,
} from './userdata/types.ts';

export {
  fail,
  isResult,
  makeSender,
  ok,
  type CallMap,
  type Message,
  type ParamsOf,
  type Result,
  type ResultOf,
  type Sender,
  type Transport,
} from './rpc/channel.ts';

/** A source without its text: what cards and lists show. */
export type SourceInfo = Omit<Source, 'text'>;

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

// ── Parameter checks ────────────────────────────────────────────────────────────────────────────────────────────

const ID = str(200, 1);
const URL_TEXT = str(8192, 1);
const TITLE = str(2000);
const TAB_ID = int(0, Number.MAX_SAFE_INTEGER);
const ROW_ID = int(1, Number.MAX_SAFE_INTEGER);
/** Findings per report: far beyond any real page, low enough that a hostile page cannot flood the store. */
const MAX_FOUND = 20_000;
const LANG = oneOf('de', 'en');
const NONE = obj({});

/**
 * A quote and a position selector; up to two, in either order. Fewer or others are an annotation that can no
 * longer be placed: it is kept and listed as an orphan, never refused.
 */
const SELECTORS = arr(
  (v, p) =>
    (v as { type?: unknown })?.type === 'TextPositionSelector'
      ? obj({ type: oneOf('TextPositionSelector'), start: int(0, 1e9), end: int(0, 1e9) })(v, p)
      : obj({ type: oneOf('TextQuoteSelector'), exact: str(100_000, 1), prefix: str(1000), suffix: str(1000) })(v, p),
  2,
) as Check<unknown> as Check<TextSelectors>;

/** Spans found in a text must run forwards; checked after the shape, so the fields are known to be integers. */
function forwards<T extends { claims: Array<{ start: number; end: number }> }>(check: Check<T>): Check<T> {
  return where(check, (value, p) => {
    const i = value.claims.findIndex((c) => c.end < c.start);
    return i < 0 ? null : `${p}.claims[${i}]: end before start`;
  });
}

const PAGE_REPORT: Check<PageReport> = forwards(
  obj({
    url: str(8192),
    title: TITLE,
    entities: arr(obj({ id: ID, count: int(1, 1e6) }), MAX_FOUND),
    claims: arr(obj({ id: ID, start: int(0, 1e9), end: int(0, 1e9), text: str(10_000), score: num(0, 1) }), MAX_FOUND),
  }),
);

const ANNOTATION_INPUT: Check<AnnotationInput> = obj({
  id: optional(ROW_ID),
  url: URL_TEXT,
  title: TITLE,
  selectors: SELECTORS,
  note: str(100_000),
  claimId: optional(ID),
});

const READ_CLAIMS = arr(obj({ claimId: ID, selector: SELECTORS, confirmed: oneOf(true, false) }), MAX_FOUND);

const SETTINGS: Check<Settings> = obj({
  disabledSites: arr(str(300), 10_000),
  hoverDelayMs: int(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS),
  recordReading: oneOf(true, false),
});

const ARTICLE: Check<ArticleInput> = obj({
  title: str(2000, 1),
  text: str(2_000_000, 1),
  url: optional(str(8192)),
  lang: LANG,
  claims: arr(obj({ claimId: ID, start: int(0, 2_000_000), end: int(0, 2_000_000) }), MAX_FOUND),
});

// ── Channels ────────────────────────────────────────────────────────────────────────────────────────────────────

/** Calls a content script makes to the background; the extension's pages may make them too. */
export const contentToBackground = channel(['content', 'extension'], {
  /** The knowledge base in the form the matcher is built from (sources without their text). */
  'matcher.data': call(NONE, returns<MatcherData>()),
  /** An entity and the claims involving it, for its hover card. */
  'entity.card': call(obj({ id: ID }), returns<EntityCard>()),
  /** A claim, who made it, and every passage reporting it with its source, for the claim card. */
  'claim.details': call(obj({ id: ID }), returns<ClaimDetails>()),
  /** Opens the reader page on a source, at a claim's passage if given; pages cannot open extension pages. */
  'reader.open': call(obj({ sourceId: ID, claimId: optional(ID) }), returns<{ tabId: number }>()),
  /** Records what was found on the sender's tab (kept in session storage, so it outlives the worker). */
  'page.report': call(PAGE_REPORT, returns<null>(), ['content']),
  /** Records the sender's page as a source of these claims (unless recording is off or the tab is private). */
  'page.read': call(obj({ url: URL_TEXT, title: TITLE, claims: READ_CLAIMS }), returns<{ recorded: number }>(), ['content']),
  /** The user's settings. */
  'settings.get': call(NONE, returns<Settings>()),
  /** The annotations of one page (by URL without fragment), oldest first. */
  'annotations.list': call(obj({ url: URL_TEXT }), returns<UserAnnotation[]>()),
  /** Creates (no id) or updates an annotation; answers it as stored. */
  'annotation.save': call(ANNOTATION_INPUT, returns<UserAnnotation>()),
  /** Claims whose statement contains the words of `query` (knowledge base and the user's), for picking one. */
  'claims.search': call(obj({ query: str(500), lang: LANG }), returns<ClaimChoice[]>()),
  /** Entities whose name or alias starts like `query`. */
  'entities.search': call(obj({ query: str(200), lang: LANG }), returns<EntityChoice[]>()),
  /** Records a claim the user stated; answers it with its new id. */
  'claim.create': call(obj({ statement: str(5000, 1), speaker: optional(ID), about: arr(ID, 100) }), returns<UserClaim>()),
});

/** Calls only the extension's own pages make to the background: a content script sits beside an untrusted page. */
export const pagesToBackground = channel(['extension'], {
  /** What was found on a tab, with claim and entity details; null if its page reported nothing yet. */
  'tab.claims': call(obj({ tabId: TAB_ID }), returns<TabClaims | null>()),
  /** A source with its full text, for the reader page. */
  'source.get': call(obj({ id: ID }), returns<Source>()),
  /** Deletes an annotation. */
  'annotation.delete': call(obj({ id: ROW_ID }), returns<null>()),
  /** Everything: the knowledge base and the user's data. */
  'data.export': call(NONE, returns<ExportFile>()),
  /** Replaces the knowledge base and the user's data with the file's, in one transaction, or changes nothing. */
  'data.import': call(obj({ file: anObject<ExportFile>() }), returns<{ annotations: number; claims: number }>()),
  /** Deletes the user's annotations, claims, sources and occurrences; settings go back to their defaults. */
  'data.clear': call(NONE, returns<null>()),
  /** Saves the settings. */
  'settings.set': call(SETTINGS, returns<Settings>()),
  /** Adds an article as a user source, with the claims the matcher found in it. */
  'article.add': call(forwards(ARTICLE), returns<{ sourceId: string; recorded: number }>()),
});

/** Calls to a tab's content script (tabs.sendMessage), from the background and the sidebar. */
export const toContent = channel(['extension'], {
  /** Scrolls to the `index`-th highlight of a claim on the page and flashes it; false if it is not there. */
  'page.scrollTo': call(obj({ claimId: ID, index: int(0, MAX_FOUND) }), returns<boolean>()),
  /** Extracts and matches the page again from scratch (after a knowledge-base update). */
  'page.rescan': call(NONE, returns<null>()),
  /** Moves keyboard focus to the next (1) or previous (-1) highlight and opens its card (keyboard command). */
  'page.step': call(obj({ direction: oneOf(1, -1) }), returns<null>()),
  /** This page's annotations: those placed, with the text they cover now, and the ids of those that are not. */
  'annotations.status': call(NONE, returns<AnnotationStatus>()),
  /** Loads and anchors the page's annotations again (after an edit or delete elsewhere). */
  'annotations.refresh': call(NONE, returns<null>()),
  /** Scrolls to an annotation; false if it is not on the page. */
  'annotation.scrollTo': call(obj({ id: ROW_ID }), returns<boolean>()),
  /** The page as an article for the knowledge base: its address, title, text and the known claims found in it. */
  'page.article': call(NONE, returns<PageArticle>()),
});

/** Notices the background sends to the extension's pages (runtime messages; nobody answers). */
export const toPages = channel(['extension'], {
  /** A tab's findings changed: the sidebar showing that tab should ask `tab.claims` again. */
  'tab.updated': call(obj({ tabId: TAB_ID }), returns<null>()),
});

/** Every call the background answers. */
export const backgroundCalls = { ...contentToBackground, ...pagesToBackground };

export type ContentToBackground = CallsOf<typeof contentToBackground>;
export type PagesToBackground = CallsOf<typeof pagesToBackground>;
/** What the extension's pages may ask the background: their own calls and the content script's. */
export type FromPages = ContentToBackground & PagesToBackground;
export type BackgroundCalls = CallsOf<typeof backgroundCalls>;
export type ToContent = CallsOf<typeof toContent>;
export type ToPages = CallsOf<typeof toPages>;
