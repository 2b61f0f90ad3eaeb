/**
 * The messages the extension's parts exchange: one map per direction, each call named, documented and typed.
 * On the wire a call is `{ type, params }`; its answer is always a {@link Result} value, never a thrown error, so a
 * failure in the background reaches the caller as data it can show. No browser API here: the send helpers take the
 * transport (runtime.sendMessage, tabs.sendMessage) from the caller, so this file stays context-free.
 */
import type { Claim, Concept, Entity, Lang, Source } from './kb/types.ts';
import type { TextSelectors } from './anchor/describe.ts';
import type { ExportFile, Settings, UserAnnotation, UserClaim } from './userdata/types.ts';

/** The answer to every call: a value, or a message saying what went wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

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

/** Calls the content script (and the extension's own pages) make to the background. */
export interface ContentToBackground {
  /** The knowledge base in the form the matcher is built from (sources without their text). */
  'matcher.data': { params: Record<string, never>; result: MatcherData };
  /** An entity and the claims involving it, for its hover card. */
  'entity.card': { params: { id: string }; result: EntityCard };
  /** A claim, who made it, and every passage reporting it with its source, for the claim card. */
  'claim.details': { params: { id: string }; result: ClaimDetails };
  /** Records what was found on the sender's tab (kept in session storage, so it outlives the worker). */
  'page.report': { params: PageReport; result: null };
  /** A source with its full text, for the reader page. */
  'source.get': { params: { id: string }; result: Source };
  /** Opens the reader page on a source, at a claim's passage if given; pages cannot open extension pages. */
  'reader.open': { params: { sourceId: string; claimId?: string }; result: { tabId: number } };
}

/** Calls the sidebar makes to the background. */
export interface SidebarToBackground {
  /** What was found on a tab, with claim and entity details; null if its page reported nothing yet. */
  'tab.claims': { params: { tabId: number }; result: TabClaims | null };
}

/** Calls the background or the sidebar make to a tab's content script (tabs.sendMessage). */
export interface ToContent {
  /** Scrolls to the `index`-th highlight of a claim on the page and flashes it; false if it is not there. */
  'page.scrollTo': { params: { claimId: string; index: number }; result: boolean };
  /** Extracts and matches the page again from scratch (after a knowledge-base update). */
  'page.rescan': { params: Record<string, never>; result: null };
  /** Moves keyboard focus to the next (1) or previous (-1) highlight and opens its card (keyboard command). */
  'page.step': { params: { direction: 1 | -1 }; result: null };
}

/** Notices the background sends to the sidebar (runtime messages; nobody answers). */
export interface BackgroundToSidebar {
  /** A tab's findings changed: the sidebar showing that tab should ask `tab.claims` again. */
  'tab.updated': { params: { tabId: number }; result: null };
}

/** Any map of calls: call name → its parameters and result. Interfaces qualify (no index signature needed). */
export type CallMap<M> = { [K in keyof M]: { params: unknown; result: unknown } };

/** The parameters of call `K` of map `M`. */
export type ParamsOf<M extends CallMap<M>, K extends keyof M> = M[K]['params'];

/** One call of map `M` as it travels. */
export type Message<M extends CallMap<M>> = { [K in keyof M & string]: { type: K; params: M[K]['params'] } }[keyof M &
  string];

/** What a call of `M` named `K` answers. */
export type ResultOf<M extends CallMap<M>, K extends keyof M> = Result<M[K]['result']>;

/** Delivers a message and resolves to whatever the receiver answered. */
export type Transport = (message: unknown) => Promise<unknown>;

/** A typed sender for one map: `send('entity.card', { id })` → `Result<EntityCard>`. */
export type Sender<M extends CallMap<M>> = <K extends keyof M & string>(
  type: K,
  params: M[K]['params'],
) => Promise<ResultOf<M, K>>;

/** Whether `value` has the shape of a {@link Result}. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && typeof r.error === 'string';
}

/** Turns a transport into a typed sender; transport failures and odd answers come back as `{ ok: false }`. */
export function makeSender<M extends CallMap<M>>(transport: Transport): Sender<M> {
  return async (type, params) => {
    let answer: unknown;
    try {
      answer = await transport({ type, params });
    } catch (err) {
      return { ok: false, error: `${type}: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (!isResult(answer)) return { ok: false, error: `${type}: no answer from the receiver` };
    return answer as ResultOf<M, typeof type>;
  };
}

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result. */
export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

// ── Annotations, pages read, import/export (issue 5) ──────────────────────────────────────────────────────────

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

/** Calls about the user's annotations and data, from content scripts and extension pages. */
export interface AnnotationCalls {
  /** The user's settings. */
  'settings.get': { params: Record<string, never>; result: Settings };
  /** The annotations of one page (by URL without fragment), oldest first. */
  'annotations.list': { params: { url: string }; result: UserAnnotation[] };
  /** Creates (no id) or updates an annotation; answers it as stored. */
  'annotation.save': { params: AnnotationInput; result: UserAnnotation };
  /** Deletes an annotation. */
  'annotation.delete': { params: { id: number }; result: null };
  /** Claims whose statement contains the words of `query` (knowledge base and the user's), for picking one. */
  'claims.search': { params: { query: string; lang: Lang }; result: ClaimChoice[] };
  /** Entities whose name or alias starts like `query`. */
  'entities.search': { params: { query: string; lang: Lang }; result: EntityChoice[] };
  /** Records a claim the user stated; answers it with its new id. */
  'claim.create': { params: { statement: string; speaker?: string; about: string[] }; result: UserClaim };
  /** Records the sender's page as a source of these claims (unless recording is off or the tab is private). */
  'page.read': { params: { url: string; title: string; claims: ReadClaim[] }; result: { recorded: number } };
}

/** Calls only the options page makes. */
export interface OptionsToBackground {
  /** Everything: the knowledge base and the user's data. */
  'data.export': { params: Record<string, never>; result: ExportFile };
  /** Replaces the knowledge base and the user's data with the file's, in one transaction, or changes nothing. */
  'data.import': { params: { file: ExportFile }; result: { annotations: number; claims: number } };
  /** Deletes the user's annotations, claims, sources and occurrences; settings go back to their defaults. */
  'data.clear': { params: Record<string, never>; result: null };
  /** Saves the settings. */
  'settings.set': { params: Settings; result: Settings };
  /** Adds an article as a user source, with the claims the matcher found in it. */
  'article.add': {
    params: { title: string; text: string; url?: string; lang: Lang; claims: Array<{ claimId: string; start: number; end: number }> };
    result: { sourceId: string; recorded: number };
  };
}

/** Calls the sidebar makes to a tab's content script about annotations. */
export interface AnnotationsToContent {
  /** This page's annotations: those placed, with the text they cover now, and the ids of those that are not (orphans). */
  'annotations.status': {
    params: Record<string, never>;
    /** `recorded`: what the background answered to recording this page as a source; null until it answered. */
    result: { placed: Array<{ id: number; text: string }>; orphans: number[]; recorded: number | null };
  };
  /** Loads and anchors the page's annotations again (after an edit or delete elsewhere). */
  'annotations.refresh': { params: Record<string, never>; result: null };
  /** Scrolls to an annotation; false if it is not on the page. */
  'annotation.scrollTo': { params: { id: number }; result: boolean };
  /** The page as an article for the knowledge base: its address, title, text and the known claims found in it. */
  'page.article': { params: Record<string, never>; result: PageArticle };
}

/** A page offered as an article: what `article.add` takes, read by the content script that knows its page. */
export interface PageArticle {
  url: string;
  title: string;
  text: string;
  lang: Lang;
  claims: Array<{ claimId: string; start: number; end: number }>;
}
