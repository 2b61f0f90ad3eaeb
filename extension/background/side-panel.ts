/**
 * Opens the sidebar from the toolbar button (and its keyboard command, `_execute_action`) in each browser:
 * Chrome's side panel opens itself once told to; Firefox's sidebar must be toggled from the click's user gesture.
 */
import browser from 'webextension-polyfill';

/** The part of Chrome's sidePanel API we use; webextension-polyfill has no types for it. */
declare const chrome: { sidePanel: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> } };

/** Wires the toolbar button to the sidebar; call at the top level of the background, on every start. */
export function connectActionToSidebar(): void {
  if (__BROWSER__ === 'chrome') {
    chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((err: unknown) => {
      console.error('crossread: could not link the action to the side panel', err);
    });
  } else {
    browser.action.onClicked.addListener(() => {
      void browser.sidebarAction.toggle();
    });
  }
}
