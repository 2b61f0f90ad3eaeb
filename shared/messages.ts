/**
 * The messages the extension's parts exchange, declared once per channel, one file each in messages/: who talks
 * to whom, each call named, documented, with its parameters' check, who may make it and what it answers. Senders
 * and receivers are built from these declarations (shared/rpc/channel.ts), so a new call is declared in its
 * channel's file and answered by its handler, and nowhere else.
 *
 *   content script ──contentToBackground──▶ background ◀──pagesToBackground── extension pages (sidebar, options, reader)
 *   content script ◀────────────toContent──────────── background, sidebar
 *   extension pages ◀──toPages (notices)── background
 *
 * The extension's pages may make the content script's calls too. No browser API here: transports come from the caller.
 */
import type { CallsOf } from './rpc/channel.ts';
import { contentToBackground } from './messages/content-to-background.ts';
import { pagesToBackground } from './messages/pages-to-background.ts';
import { toContent } from './messages/to-content.ts';
import { toPages } from './messages/to-pages.ts';

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
export * from './messages/types.ts';
export { contentToBackground, pagesToBackground, toContent, toPages };

/** Every call the background answers. */
export const backgroundCalls = { ...contentToBackground, ...pagesToBackground };

export type ContentToBackground = CallsOf<typeof contentToBackground>;
export type PagesToBackground = CallsOf<typeof pagesToBackground>;
/** What the extension's pages may ask the background: their own calls and the content script's. */
export type FromPages = ContentToBackground & PagesToBackground;
export type BackgroundCalls = CallsOf<typeof backgroundCalls>;
export type ToContent = CallsOf<typeof toContent>;
export type ToPages = CallsOf<typeof toPages>;
