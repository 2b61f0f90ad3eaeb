/**
 * Tells open pages that the settings changed. The settings live in the background's database; content scripts
 * cannot hear runtime messages from the options page, but every context hears storage.onChanged, so the options
 * page touches one storage.local key and each content script then asks the background for the settings again.
 */
import { browser } from './browser-api.ts';
import { SETTINGS_CHANGED_KEY } from '../shared/userdata/types.ts';

/** Announces a change (after settings.set, data.import or data.clear succeeded). */
export async function announceSettingsChanged(): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_CHANGED_KEY]: Date.now() });
}

/** Calls `onChange` after each announced change, until `signal` aborts. */
export function onSettingsChanged(onChange: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_CHANGED_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
