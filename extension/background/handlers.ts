/**
 * Answers the calls of shared/messages.ts. Each message is judged first (shape, size, sender); messages that are
 * not ours get `undefined`, so other listeners may answer them (webextension-polyfill's rule); everything else
 * gets a Result, errors included, so the caller never sees a rejected promise or a hung call.
 */
import { fail, ok, type PageReport, type Result } from '../../shared/messages.ts';
import type { CrossreadDb } from './db.ts';
import { claimDetails, entityCard, matcherData, sourceWithText, tabClaims } from './queries.ts';
import { type BackgroundCall, type BackgroundCalls, judge, type Self, type SenderInfo } from './validate.ts';
import { answerUserCall, type UserCall } from './user-handlers.ts';

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
}

type Answer<K extends keyof BackgroundCalls> = Promise<BackgroundCalls[K]['result']>;

async function answer(call: BackgroundCall, sender: SenderInfo, deps: HandlerDeps): Answer<typeof call.type> {
  const { db } = deps;
  switch (call.type) {
    case 'matcher.data':
      return matcherData(db);
    case 'entity.card':
      return entityCard(db, call.params.id);
    case 'claim.details':
      return claimDetails(db, call.params.id);
    case 'source.get':
      return sourceWithText(db, call.params.id);
    case 'reader.open': {
      await sourceWithText(db, call.params.sourceId);
      const tabId = await deps.openReader(call.params.sourceId, call.params.claimId, sender.tab?.id);
      return { tabId };
    }
    case 'page.report': {
      const tabId = sender.tab!.id!;
      await deps.saveReport(tabId, call.params);
      deps.notifyTab(tabId);
      return null;
    }
    case 'tab.claims': {
      const report = await deps.loadReport(call.params.tabId);
      return report && tabClaims(db, call.params.tabId, report);
    }
    default:
      return answerUserCall(call as UserCall, sender, db);
  }
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
export function createMessageHandler(deps: HandlerDeps) {
  return (message: unknown, sender: SenderInfo): Promise<Result<unknown>> | undefined => {
    const verdict = judge(message, sender, deps.self);
    if (verdict.kind === 'ignore') return undefined;
    if (verdict.kind === 'error') return Promise.resolve(fail(verdict.error));
    const { call } = verdict;
    return (deps.open?.() ?? Promise.resolve())
      .then(() => deps.ready())
      .then(() => answer(call, sender, deps))
      .then(
        (value) => ok(value),
        (err: unknown) => fail(`${call.type}: ${describeStorageError(err)}`),
      );
  };
}
