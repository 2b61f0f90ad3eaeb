/** UI strings through browser.i18n, following the browser's language. */
import { browser } from '../browser-api.ts';
import type { Lang } from '../../shared/kb/types.ts';
import type en from '../_locales/en/messages.json';

/** Every message name the UI may ask for; a typo is a compile error. */
export type MessageName = keyof typeof en;

/** A UI string; falls back to the message name so a missing translation shows, rather than an empty label. */
export function t(name: MessageName, ...substitutions: (string | number)[]): string {
  const text = browser.i18n.getMessage(name, substitutions.map(String));
  return text || name;
}

/** The knowledge base's language closest to the browser's UI language. */
export function uiLang(): Lang {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('de') ? 'de' : 'en';
}
