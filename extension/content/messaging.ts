/** The content script's side of the typed messages: a sender to the background, a guarded receiver. */
import { browser, onMessage } from '../browser-api.ts';
import {
  fail,
  makeSender,
  ok,
  type ContentToBackground,
  type Result,
  type ToContent,
} from '../../shared/messages.ts';

/** Calls the background; every failure arrives as `{ ok: false }`. */
export const send = makeSender<ContentToBackground>((message) => browser.runtime.sendMessage(message));

/** Handlers for the calls this content script answers. */
export type ContentHandlers = {
  [K in keyof ToContent]: (params: ToContent[K]['params']) => Promise<ToContent[K]['result']> | ToContent[K]['result'];
};

function isCall(message: unknown): message is { type: keyof ToContent; params: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return type === 'page.scrollTo' || type === 'page.rescan' || type === 'page.step';
}

/** Whether a call's parameters have the shape its handler expects; senders are other extension parts, still checked. */
function validParams(type: keyof ToContent, params: unknown): boolean {
  const p = params as Record<string, unknown> | null;
  if (typeof p !== 'object' || p === null) return false;
  if (type === 'page.scrollTo') return typeof p.claimId === 'string' && Number.isInteger(p.index) && (p.index as number) >= 0;
  if (type === 'page.step') return p.direction === 1 || p.direction === -1;
  return true;
}

async function answer(handlers: ContentHandlers, type: keyof ToContent, params: unknown): Promise<Result<unknown>> {
  if (!validParams(type, params)) return fail(`${type}: malformed parameters`);
  try {
    const handler = handlers[type] as (p: unknown) => unknown;
    return ok(await handler(params));
  } catch (err) {
    return fail(`${type}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Answers ToContent calls until `signal` aborts; other messages are left to other listeners (returns undefined). */
export function listen(handlers: ContentHandlers, signal: AbortSignal): void {
  onMessage((message) => (isCall(message) ? answer(handlers, message.type, message.params) : undefined), signal);
}
