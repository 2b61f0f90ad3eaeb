/**
 * The background: owns the database, seeds it from kb.json, answers messages, relays keyboard commands.
 * Chrome runs it as a service worker that may be stopped at any moment, so every listener is registered
 * synchronously at the top level and every answer is rebuilt from IndexedDB or storage.session.
 */
import browser from 'webextension-polyfill';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { makeSender, type ToContent, type ToPages } from '../../shared/messages.ts';
import { onTablesChanged, openDb, openOrRefuse, SEEDED_TABLES } from './db.ts';
import { createMessageHandler } from './handlers.ts';
import { watchedMatcherCache } from './matching.ts';
import { matcherData } from './queries.ts';
import { dropReport, loadReport, saveReport } from './reports.ts';
import { assertKnowledgeBase, seedKnowledgeBase, storedVersion } from './seed.ts';
import { connectActionToSidebar } from './side-panel.ts';

const db = openDb();

async function fetchKnowledgeBase(): Promise<KnowledgeBase> {
  const response = await fetch(browser.runtime.getURL('kb.json'));
  if (!response.ok) throw new Error(`kb.json: ${response.status} ${response.statusText}`);
  const data: unknown = await response.json();
  assertKnowledgeBase(data);
  return data;
}

/** One seeding at a time per worker; the transaction makes concurrent workers safe too. */
let seeding: Promise<void> | null = null;

function seed(): Promise<void> {
  seeding ??= fetchKnowledgeBase()
    .then((kb) => seedKnowledgeBase(db, kb))
    .then((outcome) => {
      if (__DEV__) console.log(`crossread: knowledge base ${outcome}`);
    })
    .finally(() => {
      seeding = null;
    });
  return seeding;
}

/**
 * Whether the knowledge base was found stored: every call waits for `ready()`, and reading `meta` each time queued
 * the page's matching behind whatever transaction held `meta` (recording a page read, learning an article). Asked
 * again after any write to the knowledge base's tables (an import, a clear, a new seed).
 */
let seeded: IDBDatabase | null = null;
onTablesChanged(db, SEEDED_TABLES, () => void (seeded = null));

/**
 * Seeds lazily when the database is empty: after a failed install-time seeding, or a cleared profile. The answer
 * holds for one connection only: a connection opened anew may have run an upgrade that emptied the knowledge base
 * inside its own transaction, which no change event reports.
 */
async function ready(): Promise<void> {
  if (seeding) return seeding;
  if (seeded && db.isOpen() && db.backendDB() === seeded) return;
  if (!(await storedVersion(db))) await seed();
  else seeded = db.backendDB();
}

/**
 * The matcher, built once per knowledge base and kept while this worker lives; building starts as the worker does
 * (a page's first message usually wakes it), so a page's text rarely waits for the build.
 */
const matching = watchedMatcherCache(db, () => matcherData(db));
void ready()
  .then(() => matching.matcher())
  .catch(() => undefined);

const notifySidebar = makeSender<ToPages>((m) => browser.runtime.sendMessage(m));
const toContent = (tabId: number) => makeSender<ToContent>((m) => browser.tabs.sendMessage(tabId, m));

browser.runtime.onInstalled.addListener(() => {
  seed().catch((err: unknown) => console.error('crossread: seeding the knowledge base failed', err));
});

browser.runtime.onMessage.addListener(
  createMessageHandler({
    db,
    matching,
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
    ready,
    open: openOrRefuse(db),
    saveReport,
    loadReport,
    // Nobody listens while the sidebar is closed; the failed send is expected and harmless.
    notifyTab: (tabId) => void notifySidebar('tab.updated', { tabId }),
    openReader: async (sourceId, claimId, openerTabId) => {
      const query = new URLSearchParams({ source: sourceId, ...(claimId ? { claim: claimId } : {}) });
      const tab = await browser.tabs.create({ url: browser.runtime.getURL(`reader/reader.html?${query}`), openerTabId });
      return tab.id ?? -1;
    },
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
);

browser.tabs.onRemoved.addListener((tabId) => void dropReport(tabId));
browser.tabs.onUpdated.addListener((tabId, change) => {
  // A new document is loading: the old page's findings no longer describe the tab.
  if (change.status !== 'loading') return;
  void dropReport(tabId).then(() => notifySidebar('tab.updated', { tabId }));
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'next-highlight' && command !== 'previous-highlight') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await toContent(tab.id)('page.step', { direction: command === 'next-highlight' ? 1 : -1 });
});

connectActionToSidebar();
