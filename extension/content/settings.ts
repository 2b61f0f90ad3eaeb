/** The user's settings as this page knows them: asked once at start, asked again whenever the options page changes them. */
import { onSettingsChanged } from '../settings-notice.ts';
import type { Settings } from '../../shared/userdata/types.ts';
import type { ToBackground } from './messaging.ts';

/** The settings, kept current; null while the background could not answer. */
export interface SettingsView {
  current(): Settings | null;
}

/** Asks for the settings and follows their changes until `signal` aborts. */
export async function followSettings(send: ToBackground, signal: AbortSignal): Promise<SettingsView> {
  const ask = async () => {
    const answer = await send('settings.get', {});
    return answer.ok ? answer.value : null;
  };
  let settings = await ask();
  onSettingsChanged(async () => {
    settings = (await ask()) ?? settings;
  }, signal);
  return { current: () => settings };
}
