/** The content script's ends of shared/messages.ts: a sender to the background, and the receiver of toContent. */
import { browser, onMessage } from '../browser-api.ts';
// The declarations of the other channels stay out of the script every page loads: only toContent is needed here.
import type { ContentToBackground } from '../../shared/messages.ts';
import { toContent } from '../../shared/messages/to-content.ts';
import { makeReceiver, makeSender, type Handlers, type Sender } from '../../shared/rpc/channel.ts';

/** A typed sender of the calls a content script makes to the background. */
export type ToBackground = Sender<ContentToBackground>;

/** Calls the background; every failure arrives as `{ ok: false }`. */
export const send: ToBackground = makeSender<ContentToBackground>((message) => browser.runtime.sendMessage(message));

/** Handlers for the calls this content script answers: one per call of `toContent`. */
export type ContentHandlers = Handlers<typeof toContent>;

/** Answers the calls to this content script until `signal` aborts; other messages are left to other listeners. */
export function listen(handlers: ContentHandlers, signal: AbortSignal): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  onMessage(makeReceiver(toContent, handlers, { self, unknown: 'ignore' }), signal);
}
