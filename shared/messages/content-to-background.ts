/** content script → background: what a content script asks and reports. The extension's pages may ask it too. */
import { call, channel, returns } from '../rpc/channel.ts';
import { arr, type Check, int, num, obj, oneOf, optional, str } from '../rpc/schema.ts';
import type { TextSelectors } from '../anchor/describe.ts';
import type { MatchResult } from '../match/types.ts';
import type { Settings, UserAnnotation, UserClaim, UserRejection } from '../userdata/types.ts';
import { forwards, ID, LANG, MAX_FOUND, NONE, ROW_ID, TITLE, URL_TEXT } from './checks.ts';
import type { AnnotationInput, ClaimChoice, ClaimDetails, EntityCard, EntityChoice, LearnedLinks, MatcherData, PageReport } from './types.ts';

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

/** A page as the content script reads it for learning: its main text and what its metadata says. */
const PAGE_TEXT = obj({
  url: URL_TEXT,
  title: TITLE,
  lang: optional(LANG),
  /** Publication date from the page's metadata, `YYYY-MM-DD`; never the date it was read. */
  date: optional(str(10)),
  text: str(1_000_000, 1),
});

const READ_CLAIMS = arr(obj({ claimId: ID, selector: SELECTORS, confirmed: oneOf(true, false) }), MAX_FOUND);

/** Calls a content script makes to the background; the extension's pages may make them too. */
export const contentToBackground = channel(['content', 'extension'], {
  /** The knowledge base in the form the matcher is built from (sources without their text). */
  'matcher.data': call(NONE, returns<MatcherData>()),
  // Matched by the background's matcher, built once per knowledge base rather than on every page load.
  /** The knowledge base's entities and claims in pieces of a page's text, each matched on its own (offsets into the piece). */
  'page.match': call(obj({ texts: arr(str(200_000, 1), 64) }), returns<MatchResult[]>()),
  /** An entity and the claims involving it, for its hover card. */
  'entity.card': call(obj({ id: ID }), returns<EntityCard>()),
  /** A claim, who made it, and every passage reporting it with its source, for the claim card. */
  'claim.details': call(obj({ id: ID }), returns<ClaimDetails>()),
  /** Opens the reader page on a source, at a claim's passage if given; pages cannot open extension pages. */
  'reader.open': call(obj({ sourceId: ID, claimId: optional(ID) }), returns<{ tabId: number }>()),
  /** Records what was found on the sender's tab (kept in session storage, so it outlives the worker). */
  'page.report': call(PAGE_REPORT, returns<null>(), ['content']),
  /** Records the sender's page as a source of these claims (unless recording is off or the tab is private). */
  'page.read': call(obj({ url: URL_TEXT, title: TITLE, published: optional(str(40)), claims: READ_CLAIMS }), returns<{ recorded: number }>(), ['content']),
  /** The passages the reader rejected for a claim on a page (by URL without fragment). */
  'rejections.list': call(obj({ url: URL_TEXT }), returns<UserRejection[]>()),
  /** "Not this claim": remembers the page's passage does not state the claim; drops the page's source through it. */
  'claim.reject': call(obj({ url: URL_TEXT, claimId: ID, quote: str(10_000, 1) }), returns<{ removed: boolean }>()),
  // Only a page read or an article added, never the knowledge base's; `passage` is the page's sentence the claim
  // was found in. Answers whether a source was taken out and whether the claim has none left.
  /** "Not this claim" on a source under "also reported by": out for that passage, and remembered. */
  'source.reject': call(
    obj({ claimId: ID, sourceId: ID, quote: str(10_000, 1), passage: str(10_000) }),
    returns<{ removed: boolean; claimGone: boolean }>(),
  ),
  // Stored unless recording is off, the site excluded or the tab private; answers 0 when nothing was recorded.
  /** Learns an article the reader stayed on: the page and its statements; answers how many statements. */
  'learn.read': call(PAGE_TEXT, returns<{ statements: number }>(), ['content']),
  // Answers the spans of its text (as sent) that state a learned claim, those claims, and the pages read they
  // quote; the claims are then known to `claim.details` and the sidebar like any other.
  /** Links a page to the statements read on other sites of the same story. */
  'learn.link': call(PAGE_TEXT, returns<LearnedLinks>()),
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
