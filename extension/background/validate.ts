/**
 * Decides whether a runtime message is a call the background answers, from whom, and with what parameters.
 * Pure: the sender and our own identity come in as plain values, so it is unit-tested without a browser.
 */
import type { AnnotationCalls, ContentToBackground, Message, OptionsToBackground, SidebarToBackground } from '../../shared/messages.ts';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from '../../shared/userdata/types.ts';
import { importError } from './import-check.ts';
import { arr, type Check, int, num, obj, oneOf, optional, str } from './schema.ts';

/** Every call the background answers. */
export type BackgroundCalls = ContentToBackground & SidebarToBackground & AnnotationCalls & OptionsToBackground;

/** A checked call, ready for its handler. */
export type BackgroundCall = Message<BackgroundCalls>;

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

const ID = str(200, 1);
const MAX_FOUND = 20_000;

const LANG = oneOf('de', 'en');
const SETTINGS = obj({ disabledSites: arr(str(300), 10_000), hoverDelayMs: int(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS), recordReading: oneOf(true, false) });
const SELECTORS = arr(
  (v, p) =>
    (v as { type?: unknown })?.type === 'TextPositionSelector'
      ? obj({ type: oneOf('TextPositionSelector'), start: int(0, 1e9), end: int(0, 1e9) })(v, p)
      : obj({ type: oneOf('TextQuoteSelector'), exact: str(100_000, 1), prefix: str(1000), suffix: str(1000) })(v, p),
  2,
);

/** Parameter checks per call; also the list of calls we own. */
const PARAMS: { [K in keyof BackgroundCalls]: Check } = {
  'matcher.data': obj({}),
  'entity.card': obj({ id: ID }),
  'claim.details': obj({ id: ID }),
  'source.get': obj({ id: ID }),
  'reader.open': obj({ sourceId: ID, claimId: optional(ID) }),
  'page.report': obj({
    url: str(8192),
    title: str(2000),
    entities: arr(obj({ id: ID, count: int(1, 1e6) }), MAX_FOUND),
    claims: arr(
      obj({ id: ID, start: int(0, 1e9), end: int(0, 1e9), text: str(10_000), score: num(0, 1) }),
      MAX_FOUND,
    ),
  }),
  'tab.claims': obj({ tabId: int(0, Number.MAX_SAFE_INTEGER) }),
  'settings.get': obj({}),
  'annotations.list': obj({ url: str(8192, 1) }),
  'annotation.save': obj({
    id: optional(int(1, Number.MAX_SAFE_INTEGER)),
    url: str(8192, 1),
    title: str(2000),
    selectors: SELECTORS,
    note: str(100_000),
    claimId: optional(ID),
  }),
  'annotation.delete': obj({ id: int(1, Number.MAX_SAFE_INTEGER) }),
  'claims.search': obj({ query: str(500), lang: LANG }),
  'entities.search': obj({ query: str(200), lang: LANG }),
  'claim.create': obj({ statement: str(5000, 1), speaker: optional(ID), about: arr(ID, 100) }),
  'page.read': obj({
    url: str(8192, 1),
    title: str(2000),
    claims: arr(obj({ claimId: ID, selector: SELECTORS, confirmed: oneOf(true, false) }), MAX_FOUND),
  }),
  'data.export': obj({}),
  'data.import': obj({ file: (v) => importError(v) }),
  'data.clear': obj({}),
  'settings.set': SETTINGS,
  'article.add': obj({
    title: str(2000, 1),
    text: str(2_000_000, 1),
    url: optional(str(8192)),
    lang: LANG,
    claims: arr(obj({ claimId: ID, start: int(0, 2_000_000), end: int(0, 2_000_000) }), MAX_FOUND),
  }),
};

/** Calls other receivers answer (content scripts, the sidebar): seen on runtime messaging, not ours to refuse. */
const OTHERS = new Set([
  'page.scrollTo',
  'page.rescan',
  'page.step',
  'tab.updated',
  'annotations.status',
  'annotations.refresh',
  'annotation.scrollTo',
  'page.article',
]);

/** Calls only the extension's own pages may make (not content scripts, which sit beside untrusted pages). */
const PAGE_ONLY = new Set<string>(['tab.claims', 'data.export', 'data.import', 'data.clear', 'settings.set', 'article.add']);

/** Calls only a content script in a tab may make: they describe the sender's tab. */
const TAB_ONLY = new Set<string>(['page.report', 'page.read']);

/** What to do with a message: answer it, refuse it with an error, or leave it to other listeners. */
export type Verdict = { kind: 'call'; call: BackgroundCall } | { kind: 'error'; error: string } | { kind: 'ignore' };

function senderError(type: string, sender: SenderInfo, self: Self): string | null {
  if (sender.id !== self.id) return `${type}: refused, sender is not this extension`;
  const fromPage = typeof sender.url === 'string' && sender.url.startsWith(self.origin);
  if (PAGE_ONLY.has(type) && !fromPage) return `${type}: refused, only the extension's pages may ask`;
  if (TAB_ONLY.has(type) && (fromPage || typeof sender.tab?.id !== 'number')) {
    return `${type}: refused, only a content script in a tab may report`;
  }
  return null;
}

/** A found claim's span must run forwards; checked after the shape, so the fields are known to be integers. */
function spanError(params: unknown): string | null {
  const claims = (params as { claims: Array<{ start: number; end: number }> }).claims;
  const i = claims.findIndex((c) => c.end < c.start);
  return i < 0 ? null : `params.claims[${i}]: end before start`;
}

/** Classifies `message` from `sender`. */
export function judge(message: unknown, sender: SenderInfo, self: Self): Verdict {
  if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') {
    return { kind: 'ignore' };
  }
  const { type, params, ...rest } = message as { type: string; params?: unknown };
  if (OTHERS.has(type)) return { kind: 'ignore' };
  if (!Object.hasOwn(PARAMS, type)) return { kind: 'error', error: `unknown call ${JSON.stringify(type.slice(0, 100))}` };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return { kind: 'error', error: `${type}: unexpected field ${extra}` };
  const refused = senderError(type, sender, self);
  if (refused) return { kind: 'error', error: refused };
  const bad = PARAMS[type as keyof BackgroundCalls](params, 'params') ?? (type === 'page.report' ? spanError(params) : null);
  if (bad) return { kind: 'error', error: `${type}: ${bad}` };
  return { kind: 'call', call: { type, params } as BackgroundCall };
}
