/** The sidebar's I/O: which tab it shows, asking the background about it, and telling its page to scroll. */
import browser from 'webextension-polyfill';
import { toPages } from '../../shared/messages.ts';
import { judge } from '../../shared/rpc/channel.ts';

export { send, sendToTab } from '../ui/messaging.ts';

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
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
    const verdict = judge(toPages, message, sender, self, { unknown: 'ignore' });
    if (verdict.kind === 'call') onChange(verdict.call.params.tabId);
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
