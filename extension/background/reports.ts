/**
 * What each tab's content script found, kept in storage.session: it outlives the MV3 service worker (which the
 * browser stops when idle) and is cleared with the browser session. Content scripts cannot read it (session
 * storage defaults to trusted contexts only), so one page never sees another's findings.
 */
import browser from 'webextension-polyfill';
import type { PageReport } from '../../shared/messages.ts';

const key = (tabId: number) => `tab:${tabId}`;

/** Stores `report` as the tab's current findings. */
export async function saveReport(tabId: number, report: PageReport): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: report });
}

/** The tab's current findings, or null if its page has reported nothing. */
export async function loadReport(tabId: number): Promise<PageReport | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as PageReport | undefined) ?? null;
}

/** Forgets the tab's findings (tab closed, or navigating away). */
export async function dropReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
