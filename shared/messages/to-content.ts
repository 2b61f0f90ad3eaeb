/** background, sidebar → content script: what is asked of a tab's content script (tabs.sendMessage). */
import { call, channel, returns } from '../rpc/channel.ts';
import { int, obj, oneOf, str } from '../rpc/schema.ts';
import { ID, MAX_FOUND, NONE, ROW_ID } from './checks.ts';
import type { AnnotationStatus, PageArticle } from './types.ts';

/** Calls to a tab's content script (tabs.sendMessage), from the background and the sidebar. */
export const toContent = channel(['extension'], {
  /** Scrolls to the `index`-th highlight of a claim on the page and flashes it; false if it is not there. */
  'page.scrollTo': call(obj({ claimId: ID, index: int(0, MAX_FOUND) }), returns<boolean>()),
  /** "Not this claim" for the `index`-th highlight of a claim: rejected, remembered and removed from the page. */
  'page.reject': call(obj({ claimId: ID, index: int(0, MAX_FOUND) }), returns<boolean>()),
  // False if the highlight is not on the page or the rejection failed.
  /** "Not this claim" on another source's passage `quote` of the `index`-th highlight of a claim. */
  'page.rejectSource': call(obj({ claimId: ID, index: int(0, MAX_FOUND), sourceId: ID, quote: str(10_000, 1) }), returns<boolean>()),
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
