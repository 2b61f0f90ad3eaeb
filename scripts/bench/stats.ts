/** Small numeric helpers for the bench: summaries of repeated runs and how figures are printed. */

/** The median of `values` (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A time in ms with sensible precision: 0.42 ms, 12.3 ms, 4,812 ms. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value < 1) return `${value.toFixed(2)} ms`;
  if (value < 100) return `${value.toFixed(1)} ms`;
  return `${Math.round(value).toLocaleString('en')} ms`;
}

/** A ratio as "12×" or "1.4×"; "—" when either side is missing. */
export function times(value: number): string {
  if (!Number.isFinite(value) || value <= 0) return '—';
  return value >= 10 ? `${Math.round(value)}×` : `${value.toFixed(value >= 2 ? 1 : 2)}×`;
}

/** The longest of the [start, duration] spans that overlap [from, to]; 0 when none does. */
export function longestIn(spans: readonly [number, number][], from: number, to: number): number {
  let longest = 0;
  for (const [start, duration] of spans) {
    if (start < to && start + duration > from) longest = Math.max(longest, duration);
  }
  return longest;
}
