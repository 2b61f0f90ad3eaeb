/**
 * The WebExtension API for code that runs in web pages (the content script and what it imports), without
 * webextension-polyfill, which was 9.5 KB of the 82 KB content script. Firefox has `browser` natively, and in
 * MV3 Chrome every `chrome` call we make returns a promise. The one difference left is answering a message:
 * Chrome versions before 146 ignore a promise returned by an onMessage listener, so answers go through
 * sendResponse, which both browsers support.
 */
import type Polyfilled from 'webextension-polyfill';

const scope = globalThis as unknown as { browser?: Polyfilled.Browser; chrome?: Polyfilled.Browser };

/** `browser` where the browser has it, else Chrome's promise-returning `chrome`. */
export const browser = (scope.browser ?? scope.chrome) as Polyfilled.Browser;

/**
 * Listens for messages until `signal` aborts. `answer` returns a promise for the calls it owns and undefined
 * for the rest, which other listeners (the background's own pages, a second content listener) may answer.
 */
export function onMessage(
  answer: (message: unknown, sender: Polyfilled.Runtime.MessageSender) => Promise<unknown> | undefined,
  signal: AbortSignal,
): void {
  const listener = (
    message: unknown,
    sender: Polyfilled.Runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ): true | undefined => {
    const reply = answer(message, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }));
    return true;
  };
  const event = browser.runtime.onMessage as unknown as {
    addListener(l: typeof listener): void;
    removeListener(l: typeof listener): void;
  };
  event.addListener(listener);
  signal.addEventListener('abort', () => event.removeListener(listener), { once: true });
}
