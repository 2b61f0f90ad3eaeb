/**
 * Checks for data arriving from other contexts, each typed with what it admits. Messages cross a trust boundary (a
 * content script runs beside a hostile page), so every field is checked for type and size before it is used, and
 * the error names the field: `params.claims[3].start: expected an integer`. A message's parameter types are what its
 * checks admit (see `Infer`), so a call's shape is written once.
 */

/** Checks a value; returns an error message, or null if it fits. `T` is the type of the values it admits. */
export type Check<T = unknown> = ((value: unknown, path: string) => string | null) & { readonly admits?: T };

/** The type a check admits. */
export type Infer<C> = C extends Check<infer T> ? T : never;

/** A check that marks an object field as optional. */
export type OptionalCheck<T> = Check<T | undefined> & { optional: true };

/** A string of at most `max` UTF-16 units (and at least `min`). */
export function str(max: number, min = 0): Check<string> {
  return (v, p) => {
    if (typeof v !== 'string') return `${p}: expected a string`;
    if (v.length < min) return `${p}: expected at least ${min} characters`;
    return v.length > max ? `${p}: longer than ${max} characters` : null;
  };
}

/** An integer between `min` and `max` inclusive. */
export function int(min: number, max: number): Check<number> {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return `${p}: expected an integer`;
    return v < min || v > max ? `${p}: out of range ${min}..${max}` : null;
  };
}

/** A finite number between `min` and `max` inclusive. */
export function num(min: number, max: number): Check<number> {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${p}: expected a number`;
    return v < min || v > max ? `${p}: out of range ${min}..${max}` : null;
  };
}

/** One of the given literal values. */
export function oneOf<const V extends readonly unknown[]>(...values: V): Check<V[number]> {
  return (v, p) => (values.includes(v) ? null : `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
}

/** An array of at most `max` items, each passing `item`. */
export function arr<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, p) => {
    if (!Array.isArray(v)) return `${p}: expected an array`;
    if (v.length > max) return `${p}: more than ${max} items`;
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  };
}

/** A field that may be absent (undefined). */
export function optional<T>(check: Check<T>): OptionalCheck<T> {
  return Object.assign((v: unknown, p: string) => (v === undefined ? null : check(v, p)), { optional: true as const });
}

type Fields = Record<string, Check<unknown>>;
type OptionalKeys<F> = { [K in keyof F]: F[K] extends { optional: true } ? K : never }[keyof F];
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** The object type that the field checks `F` admit: optional checks make optional fields. */
export type ObjectOf<F extends Fields> = [keyof F] extends [never]
  ? Record<string, never>
  : Flat<
      { [K in Exclude<keyof F, OptionalKeys<F>>]: Infer<F[K]> } & { [K in OptionalKeys<F>]?: Exclude<Infer<F[K]>, undefined> }
    >;

/**
 * A plain object with exactly these fields: unknown fields are an error too, so typos do not pass silently.
 * Own keys only: `'__proto__' in fields` is true for any object literal, which let "__proto__" and "constructor"
 * through as known fields (found by messages.e2e.ts).
 */
export function obj<F extends Fields>(fields: F): Check<ObjectOf<F>> {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${p}: expected an object`;
    const rec = v as Record<string, unknown>;
    for (const key of Object.keys(rec)) if (!Object.hasOwn(fields, key)) return `${p}.${key}: unexpected field`;
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(rec, key) && !('optional' in check)) return `${p}.${key}: missing`;
      const e = check(rec[key], `${p}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

/** Any object (not an array); what it holds is for a later check, such as the background's import check. */
export function anObject<T extends object>(): Check<T> {
  return (v, p) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? null : `${p}: expected an object`);
}

/** `check`, then `rule` on a value that passed it: for relations between fields, such as a span running forwards. */
export function where<T>(check: Check<T>, rule: (value: T, path: string) => string | null): Check<T> {
  return (v, p) => check(v, p) ?? rule(v as T, p);
}
