/** Small typed checks for the fields of curated entries: each records one problem line and returns a safe value. */
import { fail, warn, type Where } from './problems.ts';

/** A parsed JSON object whose fields are still unchecked. */
export type Fields = Record<string, unknown>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a plain JSON object. */
export function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The entries of a top-level array file, or [] with a problem when the file holds something else. */
export function entriesOf(value: unknown, where: Where): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  fail(where, 'expected a JSON array of entries at the top level');
  return [];
}

/** A required non-empty string field. */
export function requireString(o: Fields, key: string, where: Where): string | undefined {
  const v = o[key];
  if (typeof v === 'string' && v.trim() !== '') return v;
  fail(where, v === undefined ? `missing "${key}"` : `"${key}" must be a non-empty string`);
  return undefined;
}

/** An optional string field: absent is fine, anything but a non-empty string is not. */
export function optionalString(o: Fields, key: string, where: Where): string | undefined {
  return o[key] === undefined ? undefined : requireString(o, key, where);
}

/** A string-array field; `required` also demands at least one element. */
export function stringList(o: Fields, key: string, where: Where, required: boolean): string[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) {
    fail(where, v === undefined ? `missing "${key}"` : `"${key}" must be an array of strings`);
    return [];
  }
  if (required && v.length === 0) fail(where, `"${key}" must not be empty`);
  const bad = v.filter((s) => typeof s !== 'string' || s.trim() === '');
  if (bad.length > 0) fail(where, `"${key}" holds ${bad.length} empty or non-string value(s)`);
  return v.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
}

/** A `{de, en}` field with both languages filled in. */
export function bilingual(o: Fields, key: string, where: Where): { de: string; en: string } | undefined {
  const v = o[key];
  if (!isObject(v)) {
    fail(where, v === undefined ? `missing "${key}"` : `"${key}" must be an object {"de": …, "en": …}`);
    return undefined;
  }
  const de = requireString(v, 'de', { ...where, item: `${where.item ?? ''} ${key}`.trim() });
  const en = requireString(v, 'en', { ...where, item: `${where.item ?? ''} ${key}`.trim() });
  return de !== undefined && en !== undefined ? { de, en } : undefined;
}

/** A field whose value must be one of `allowed`. */
export function oneOf<T extends string>(o: Fields, key: string, allowed: readonly T[], where: Where): T | undefined {
  const v = o[key];
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  fail(where, `"${key}" must be one of ${allowed.join(', ')}${v === undefined ? ' (missing)' : `, not ${JSON.stringify(v)}`}`);
  return undefined;
}

/**
 * Checks an entry's `id` (present, not seen before, kebab-case unless `kebab` is false: source ids are corpus
 * file names) and returns it.
 */
export function checkId(o: Fields, where: Where, seen: Set<string>, kebab = true): string | undefined {
  const id = requireString(o, 'id', where);
  if (id === undefined) return undefined;
  if (kebab && !KEBAB.test(id)) fail(where, `id ${JSON.stringify(id)} is not kebab-case (lower-case words joined by "-")`);
  if (seen.has(id)) {
    fail(where, `duplicate id ${JSON.stringify(id)}`);
    // Keeping only the first keeps ids unique even in a KB written with --allow-errors.
    return undefined;
  }
  seen.add(id);
  return id;
}

/**
 * Warns about fields types.ts does not define: usually a typo (`alias` for `aliases`), whose data would
 * otherwise be dropped without a word.
 */
export function checkKnownFields(o: Fields, known: readonly string[], where: Where): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) warn(where, `unknown field "${key}" is ignored (known: ${known.join(', ')})`);
  }
}

/** How an entry is named in problem lines: by its id when it has one, else by its index. */
export function itemName(kind: string, o: unknown, index: number): string {
  const id = isObject(o) && typeof o.id === 'string' ? o.id : undefined;
  return id !== undefined ? `${kind} ${JSON.stringify(id)}` : `${kind} #${index + 1}`;
}

/** Sorted by UTF-16 code units: independent of the machine's locale, so kb.json is the same everywhere. */
export function sortUnique(list: string[]): string[] {
  return [...new Set(list)].sort(compareIds);
}

/** Locale-independent string order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
