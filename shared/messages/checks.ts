/** Parameter checks that several channels use. */
import { type Check, int, obj, oneOf, str, where } from '../rpc/schema.ts';

export const ID = str(200, 1);
export const URL_TEXT = str(8192, 1);
export const TITLE = str(2000);
export const TAB_ID = int(0, Number.MAX_SAFE_INTEGER);
export const ROW_ID = int(1, Number.MAX_SAFE_INTEGER);
/** Findings per report or article: far beyond any real page, low enough that a hostile page cannot flood the store. */
export const MAX_FOUND = 20_000;
export const LANG = oneOf('de', 'en');
export const NONE = obj({});

/** Spans found in a text must run forwards; checked after the shape, so the fields are known to be integers. */
export function forwards<T extends { claims: Array<{ start: number; end: number }> }>(check: Check<T>): Check<T> {
  return where(check, (value, p) => {
    const i = value.claims.findIndex((c) => c.end < c.start);
    return i < 0 ? null : `${p}.claims[${i}]: end before start`;
  });
}
