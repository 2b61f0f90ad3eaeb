/**
 * The extension pages' senders (sidebar, options, reader), built from shared/messages.ts: to the background, with
 * their own calls and the content script's, and to one tab's content script.
 */
import { browser } from '../browser-api.ts';
import { makeSender, type FromPages, type ToContent } from '../../shared/messages.ts';

/** Calls to the background; every failure arrives as `{ ok: false }`. */
export const send = makeSender<FromPages>((m) => browser.runtime.sendMessage(m));

/** Calls to the content script of tab `tabId`. */
export function sendToTab(tabId: number) {
  return makeSender<ToContent>((m) => browser.tabs.sendMessage(tabId, m));
}
