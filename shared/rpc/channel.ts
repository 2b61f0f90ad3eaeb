/**
 * Typed calls between the extension's parts, declared once per channel. A declaration names each call, checks its
 * parameters (shared/rpc/schema.ts), says who may make it and what it answers; from it come both ends: the sender
 * (`makeSender`) and the receiver (`makeReceiver`), which validates the message, applies the access rule and hands
 * the typed parameters to a handler that the compiler requires for every call. On the wire a call is
 * `{ type, params }`; its answer is always a {@link Result}, never a thrown error, so a failure reaches the caller as
 * data it can show. No browser API here: transports and the sender's identity come from the caller.
 */
import type { Check } from './schema.ts';

/** The answer to every call: a value, or a message saying what went wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Who makes a call: a content script in a tab, or the extension's own pages and background. */
export type Party = 'content' | 'extension';

/** One declared call: its parameter check, who may make it, and (as a type only) what it answers. */
export interface CallSpec<P = unknown, R = unknown> {
  params: Check<P>;
  /** Who may make it; a channel fills in its own parties where a call names none. */
  from?: readonly Party[];
  /** Phantom: the type of the answer. */
  readonly answers?: R;
}

/** A channel: call name → declaration. */
export type Channel = Record<string, CallSpec<unknown, unknown>>;

/** The type of an answer, for {@link call}: `returns<EntityCard>()`. */
export function returns<R>(): { readonly answers?: R } {
  return {};
}

/** Declares a call with parameters checked by `params` and answering `R`; `from` narrows who may make it. */
export function call<P, R>(params: Check<P>, answer: { readonly answers?: R }, from?: readonly Party[]): CallSpec<P, R> {
  return from ? { params, from, ...answer } : { params, ...answer };
}

/** Declares a channel whose calls may be made by `from` unless a call says otherwise. */
export function channel<C extends Channel>(from: readonly Party[], calls: C): Readonly<C> {
  const out: Record<string, CallSpec<unknown, unknown>> = {};
  for (const [name, spec] of Object.entries(calls)) out[name] = Object.freeze({ ...spec, from: spec.from ?? from });
  return Object.freeze(out) as C;
}

/** A channel as a map of call name → `{ params, result }` types. */
export type CallsOf<C> = {
  -readonly [K in keyof C]: C[K] extends CallSpec<infer P, infer R> ? { params: P; result: R } : never;
};

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
      return { ok: false, error: `${type}: ${errorText(err)}` };
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

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// ── Receiving ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Who sent a message, as runtime.onMessage reports it (the fields we rely on). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

/** Our own identity: runtime.id and the origin of runtime.getURL(''), with its trailing slash. */
export interface Self {
  id: string;
  origin: string;
}

/** Which party a sender is; null for another extension, or a context of ours that is neither. */
export function partyOf(sender: SenderInfo, self: Self): Party | null {
  if (sender.id !== self.id) return null;
  if (typeof sender.url === 'string' && sender.url.startsWith(self.origin)) return 'extension';
  return typeof sender.tab?.id === 'number' ? 'content' : null;
}

/** What to do with a message: answer it, refuse it with an error, or leave it to other listeners. */
export type Verdict<C extends Channel> =
  | { kind: 'call'; call: Message<CallsOf<C>> }
  | { kind: 'error'; error: string }
  | { kind: 'ignore' };

/** How a receiver judges what is not one of its calls, and what more it checks. */
export interface JudgeOptions<C extends Channel> {
  /** Calls of other channels that reach the same listener: left to their own receivers. */
  others?: readonly Channel[];
  /** Names that are in no channel: refused with an error (a sender's mistake, or probing), or ignored. */
  unknown: 'refuse' | 'ignore';
  /** Checks that need the receiver's own knowledge, run after the declared one (the background's import check). */
  deeper?: { [K in keyof C]?: (params: CallsOf<C>[K]['params']) => string | null };
}

function refusal(type: string, from: readonly Party[], party: Party | null, sameExtension: boolean): string {
  if (!sameExtension) return `${type}: refused, sender is not this extension`;
  if (from.length === 1 && from[0] === 'extension') return `${type}: refused, only the extension's pages may ask`;
  if (from.length === 1 && from[0] === 'content') return `${type}: refused, only a content script in a tab may report`;
  return `${type}: refused, not for ${party ?? 'this sender'}`;
}

/** Classifies `message` from `sender` against the declared channel `calls`. */
export function judge<C extends Channel>(
  calls: C,
  message: unknown,
  sender: SenderInfo,
  self: Self,
  options: JudgeOptions<C>,
): Verdict<C> {
  if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') {
    return { kind: 'ignore' };
  }
  const { type, params, ...rest } = message as { type: string; params?: unknown };
  if (!Object.hasOwn(calls, type)) {
    if (options.unknown === 'ignore' || options.others?.some((other) => Object.hasOwn(other, type))) return { kind: 'ignore' };
    return { kind: 'error', error: `unknown call ${JSON.stringify(type.slice(0, 100))}` };
  }
  const spec = calls[type] as CallSpec;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return { kind: 'error', error: `${type}: unexpected field ${extra}` };
  const party = partyOf(sender, self);
  const from = spec.from ?? [];
  if (party === null || !from.includes(party)) {
    return { kind: 'error', error: refusal(type, from, party, sender.id === self.id) };
  }
  const deeper = options.deeper?.[type] as ((p: unknown) => string | null) | undefined;
  const bad = spec.params(params, 'params') ?? deeper?.(params) ?? null;
  if (bad) return { kind: 'error', error: `${type}: ${bad}` };
  return { kind: 'call', call: { type, params } as Message<CallsOf<C>> };
}

/** The handlers of a channel's calls: one per call, given the checked parameters and the sender. */
export type Handlers<C extends Channel, S = SenderInfo> = {
  [K in keyof C & string]: (
    params: CallsOf<C>[K]['params'],
    sender: S,
  ) => Promise<CallsOf<C>[K]['result']> | CallsOf<C>[K]['result'];
};

/** A receiver's setup beyond its handlers. */
export interface ReceiverOptions<C extends Channel> extends JudgeOptions<C> {
  self: Self;
  /** Runs before every handler (the background opens its database); a rejection becomes the call's error. */
  before?: () => Promise<void>;
  /** Words for a handler's error; its message by default. */
  describeError?: (err: unknown) => string;
}

/**
 * The runtime.onMessage listener for a channel: a Result promise for its calls (errors included, so a caller never
 * sees a rejected promise or a hung call), undefined for messages left to other listeners.
 */
export function makeReceiver<C extends Channel, S extends SenderInfo = SenderInfo>(
  calls: C,
  handlers: Handlers<C, S>,
  options: ReceiverOptions<C>,
): (message: unknown, sender: S) => Promise<Result<unknown>> | undefined {
  const describe = options.describeError ?? errorText;
  return (message, sender) => {
    const verdict = judge(calls, message, sender, options.self, options);
    if (verdict.kind === 'ignore') return undefined;
    if (verdict.kind === 'error') return Promise.resolve(fail(verdict.error));
    const { type, params } = verdict.call as { type: keyof C & string; params: unknown };
    const handler = handlers[type] as (params: unknown, sender: S) => unknown;
    return (options.before?.() ?? Promise.resolve())
      .then(() => handler(params, sender))
      .then(
        (value) => ok(value),
        (err: unknown) => fail(`${type}: ${describe(err)}`),
      );
  };
}
