/** background → extension pages: notices nobody answers (runtime messages). */
import { call, channel, returns } from '../rpc/channel.ts';
import { obj } from '../rpc/schema.ts';
import { TAB_ID } from './checks.ts';

/** Notices the background sends to the extension's pages (runtime messages; nobody answers). */
export const toPages = channel(['extension'], {
  /** A tab's findings changed: the sidebar showing that tab should ask `tab.claims` again. */
  'tab.updated': call(obj({ tabId: TAB_ID }), returns<null>()),
});
