/** The content script's side of the typed messages: a sender to the background, a guarded receiver. */
import { browser, onMessage } from '../browser-api.ts';
import {
  fail,
  makeSender,
  ok,
  type AnnotationCalls,
  type AnnotationsToContent,
  type ContentToBackground,
  type Result,
  type Sender,
  type ToContent,
} from '../../shared/messages.ts';

/** A typed sender of the calls a content script makes to the background. */
export type ToBackground = Sender<ContentToBackground & AnnotationCalls>;

/** Calls the background; every failure arrives as `{ ok: false }`. */
export const send: ToBackground = makeSender<ContentToBackground & AnnotationCalls>((message) => browser.runtime.sendMessage(message));

type Calls = ToContent & AnnotationsToContent;

/** Handlers for the calls this content script answers. */
export type ContentHandlers = {
  [K in keyof Calls]: (params: Calls[K]['params']) => Promise<Calls[K]['result']> | Calls[K]['result'];
};

/** Whether a call's parameters have the shape its handler expects; senders are other extension parts, still checked. */
const VALID: { [K in keyof Calls]: (p: Record<string, unknown>) => boolean } = {
  'page.scrollTo': (p) => typeof p.claimId === 'string' && Number.isInteger(p.index) && (p.index as number) >= 0,
  'page.step': (p) => p.direction === 1 || p.direction === -1,
  'page.rescan': () => true,
  'annotations.status': () => true,
  'annotations.refresh': () => true,
  'annotation.scrollTo': (p) => Number.isInteger(p.id),
  'page.article': () => true,
};

function isCall(message: unknown): message is { type: keyof Calls; params: unknown } {
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(VALID, type);
}

async function answer(handlers: ContentHandlers, type: keyof Calls, params: unknown): Promise<Result<unknown>> {
  if (typeof params !== 'object' || params === null || !VALID[type](params as Record<string, unknown>)) {
    return fail(`${type}: malformed parameters`);
  }
  try {
    const handler = handlers[type] as (p: unknown) => unknown;
    return ok(await handler(params));
  } catch (err) {
    return fail(`${type}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Answers the calls to this content script until `signal` aborts; other messages are left to other listeners. */
export function listen(handlers: ContentHandlers, signal: AbortSignal): void {
  onMessage((message) => (isCall(message) ? answer(handlers, message.type, message.params) : undefined), signal);
}
