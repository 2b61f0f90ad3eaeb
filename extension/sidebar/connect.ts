/** The sidebar's I/O: which tab it shows, asking the background about it, and telling its page to scroll. */
import browser from 'webextension-polyfill';
import { makeSender, type ContentToBackground, type SidebarToBackground, type ToContent } from '../../shared/messages.ts';

/** Calls to the background. */
export const send = makeSender<SidebarToBackground & ContentToBackground>((m) => browser.runtime.sendMessage(m));

/** Calls to one tab's content script. */
export function sendToTab(tabId: number) {
  return makeSender<ToContent>((m) => browser.tabs.sendMessage(tabId, m));
}

/** A tab given in the page's address (`?tab=ID`): the sidebar page opened in a tab of its own shows that tab. */
export function pinnedTab(search: string): number | null {
  const value = new URLSearchParams(search).get('tab');
  const id = value === null ? NaN : Number(value);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

/** Calls `onTab` with the active tab of the sidebar's window now and whenever it changes; returns a stop function. */
export function followActiveTab(onTab: (tabId: number) => void): () => void {
  let windowId: number | undefined;
  const listener = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) onTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(listener);
  void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
    windowId = tab?.windowId;
    if (tab?.id !== undefined) onTab(tab.id);
  });
  return () => browser.tabs.onActivated.removeListener(listener);
}

/** Calls `onChange(tabId)` when the background says a tab's findings changed, or a tab finished loading. */
export function watchTabs(onChange: (tabId: number) => void): () => void {
  const onMessage = (message: unknown) => {
    const m = message as { type?: unknown; params?: { tabId?: unknown } } | null;
    if (m?.type === 'tab.updated' && typeof m.params?.tabId === 'number') onChange(m.params.tabId);
    // A notice, not a call: nobody answers, so other listeners are not kept waiting.
    return undefined;
  };
  const onUpdated = (tabId: number, change: { status?: string }) => {
    if (change.status === 'complete') onChange(tabId);
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onUpdated.addListener(onUpdated);
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.tabs.onUpdated.removeListener(onUpdated);
  };
}
