/**
 * Answers the calls of shared/messages.ts that the background owns: one handler per declared call, which the
 * compiler requires. The receiver (shared/rpc/channel.ts) judges each message first (shape, size, sender; see
 * validate.ts); messages for other receivers get `undefined`, so other listeners may answer them
 * (webextension-polyfill's rule); everything else gets a Result, errors included, so the caller never sees a
 * rejected promise or a hung call.
 */
import { backgroundCalls, type PageReport, type Result } from '../../shared/messages.ts';
import { makeReceiver, type Handlers, type Self, type SenderInfo } from '../../shared/rpc/channel.ts';
import type { CrossreadDb } from './db.ts';
import { forget, forgetAll, learnRead, linkLearned, overview, setKeepDays, setKeepMb, storageInfo, withRoom } from './learned.ts';
import { watchedMatcherCache, type MatcherCache } from './matching.ts';
import { deleteStory, exportStory, listStories, storiesOfPage } from './stories.ts';
import { claimDetails, entityCard, matcherData, sourceWithText, tabClaims } from './queries.ts';
import { userHandlers } from './user-handlers.ts';
import { RECEIVING } from './validate.ts';

/** What the handlers need from the browser; passed in so that this module holds no browser globals. */
export interface HandlerDeps {
  db: CrossreadDb;
  self: Self;
  /** Resolves once the knowledge base is in the database (seeding it if the database is empty). */
  ready: () => Promise<void>;
  /** Resolves once the database is open; rejects at once while its opening is blocked (db.ts openOrRefuse). */
  open?: () => Promise<void>;
  saveReport: (tabId: number, report: PageReport) => Promise<void>;
  loadReport: (tabId: number) => Promise<PageReport | null>;
  /** Tells the sidebar that a tab's findings changed. */
  notifyTab: (tabId: number) => void;
  openReader: (sourceId: string, claimId: string | undefined, openerTabId: number | undefined) => Promise<number>;
  /** The knowledge base and its matcher, kept between calls; by default one watching `db` for changes. */
  matching?: MatcherCache;
}

/** Every call the background answers, each by its handler. */
function handlers(deps: HandlerDeps): Handlers<typeof backgroundCalls, SenderInfo> {
  const { db } = deps;
  const matching = deps.matching ?? watchedMatcherCache(db, () => matcherData(db));
  return {
    'matcher.data': () => matching.data(),
    'page.match': async ({ texts }) => {
      const matcher = await matching.matcher();
      return texts.map((text) => matcher.match(text));
    },
    'entity.card': ({ id }) => entityCard(db, id),
    'claim.details': ({ id }) => claimDetails(db, id),
    'source.get': ({ id }) => sourceWithText(db, id),
    'reader.open': async ({ sourceId, claimId }, sender) => {
      await sourceWithText(db, sourceId);
      const tabId = await deps.openReader(sourceId, claimId, sender.tab?.id);
      return { tabId };
    },
    'page.report': async (report, sender) => {
      // The receiver lets this call through from a content script in a tab only.
      const tabId = sender.tab!.id!;
      await deps.saveReport(tabId, report);
      deps.notifyTab(tabId);
      return null;
    },
    'tab.claims': async ({ tabId }) => {
      const report = await deps.loadReport(tabId);
      return report && tabClaims(db, tabId, report);
    },
    'learn.read': async (page, sender) => ({ statements: await learnRead(db, page, sender.tab?.incognito) }),
    'learn.link': (page) => linkLearned(db, page),
    'learned.list': () => overview(db),
    'learned.delete': async (which) => ({ pages: await forget(db, which) }),
    'learned.keep': async ({ days }) => ({ pages: await setKeepDays(db, days) }),
    'learned.storage': () => storageInfo(db),
    'learned.limit': async ({ mb }) => ({ pages: await setKeepMb(db, mb) }),
    // Stories (stories.ts).
    'stories.list': ({ lang }) => listStories(db, lang),
    'stories.ofPage': ({ url, lang }) => storiesOfPage(db, url, lang),
    'stories.delete': async ({ id }) => ({ pages: await deleteStory(db, id) }),
    'stories.export': ({ id, lang }) => exportStory(db, id, lang),
    ...withRoomForUserData(db, userHandlers(db)),
    'data.clear': async () => {
      await userHandlers(db)['data.clear']({}, {});
      await forgetAll(db);
      return null;
    },
  };
}

/**
 * The user's own calls, each run through withRoom (learned.ts): a full disk first costs the oldest pages read, and
 * the call is tried again, so an annotation is saved while learned data can make room for it.
 */
function withRoomForUserData<H extends object>(db: CrossreadDb, calls: H): H {
  type Handler = (params: unknown, sender: SenderInfo) => unknown;
  return Object.fromEntries(
    Object.entries(calls as Record<string, Handler>).map(([name, handler]) => [
      name,
      (params: unknown, sender: SenderInfo) => withRoom(db, async () => handler(params, sender)),
    ]),
  ) as H;
}

type Wrapped = { name?: unknown; inner?: unknown; failures?: unknown } | null;

/**
 * The names of an error and of those it wraps: Dexie's `inner`, and the per-row `failures` of its BulkError, where
 * a bulkAdd's QuotaExceededError hides (found by storage.e2e.ts in Firefox).
 */
function errorNames(err: unknown, depth = 0): string[] {
  const e = err as Wrapped;
  if (!e || typeof e !== 'object' || depth > 4) return [];
  const failures = e.failures && typeof e.failures === 'object' ? Object.values(e.failures).slice(0, 5) : [];
  return [
    ...(typeof e.name === 'string' ? [e.name] : []),
    ...errorNames(e.inner, depth + 1),
    ...failures.flatMap((f) => errorNames(f, depth + 1)),
  ];
}

/** An error's message; a full disk or an IndexedDB that cannot open get words a reader understands. */
export function describeStorageError(err: unknown): string {
  const names = errorNames(err);
  if (names.includes('QuotaExceededError')) return 'the disk is full (storage quota exceeded); nothing was saved';
  if (names.includes('DatabaseBlockedError')) {
    return 'the database is being upgraded and another connection blocks it: close other Crossread pages or restart the browser; nothing was changed';
  }
  if (names.some((n) => ['OpenFailedError', 'MissingAPIError', 'InvalidStateError', 'DatabaseClosedError'].includes(n))) {
    return 'the browser\'s database (IndexedDB) is unavailable, e.g. in a private window or with storage disabled';
  }
  return err instanceof Error ? err.message : String(err);
}

/** The runtime.onMessage listener: a Result promise for our calls, undefined for anything else. */
export function createMessageHandler(deps: HandlerDeps): (message: unknown, sender: SenderInfo) => Promise<Result<unknown>> | undefined {
  return makeReceiver(backgroundCalls, handlers(deps), {
    ...RECEIVING,
    self: deps.self,
    before: async () => {
      await deps.open?.();
      await deps.ready();
    },
    describeError: describeStorageError,
  });
}
