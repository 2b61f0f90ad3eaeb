/**
 * A small checker for data arriving from other contexts. Messages cross a trust boundary (a content script runs
 * beside a hostile page), so every field is checked for type and size before the background uses it, and the
 * error names the field: `params.claims[3].start: expected an integer`.
 */

/** Checks a value; returns an error message, or null if it fits. */
export type Check = (value: unknown, path: string) => string | null;

/** A string of at most `max` UTF-16 units (and at least `min`). */
export function str(max: number, min = 0): Check {
  return (v, p) => {
    if (typeof v !== 'string') return `${p}: expected a string`;
    if (v.length < min) return `${p}: expected at least ${min} characters`;
    return v.length > max ? `${p}: longer than ${max} characters` : null;
  };
}

/** An integer between `min` and `max` inclusive. */
export function int(min: number, max: number): Check {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) return `${p}: expected an integer`;
    return v < min || v > max ? `${p}: out of range ${min}..${max}` : null;
  };
}

/** A finite number between `min` and `max` inclusive. */
export function num(min: number, max: number): Check {
  return (v, p) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return `${p}: expected a number`;
    return v < min || v > max ? `${p}: out of range ${min}..${max}` : null;
  };
}

/** One of the given literal values. */
export function oneOf(...values: unknown[]): Check {
  return (v, p) => (values.includes(v) ? null : `${p}: expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
}

/** An array of at most `max` items, each passing `item`. */
export function arr(item: Check, max: number): Check {
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
export function optional(check: Check): Check & { optional: true } {
  return Object.assign((v: unknown, p: string) => (v === undefined ? null : check(v, p)), { optional: true as const });
}

/**
 * A plain object with exactly these fields: unknown fields are an error too, so typos do not pass silently.
 * Own keys only: `'__proto__' in fields` is true for any object literal, which let "__proto__" and "constructor"
 * through as known fields (found by messages.e2e.ts).
 */
export function obj(fields: Record<string, Check>): Check {
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
