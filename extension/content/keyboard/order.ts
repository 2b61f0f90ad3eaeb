/** Index arithmetic for stepping through highlights; pure. */

/** The index after (direction 1) or before (-1) `current` in a list of `length`, wrapping; -1 for an empty list. */
export function nextIndex(length: number, current: number, direction: 1 | -1): number {
  if (length <= 0) return -1;
  if (current < 0 || current >= length) return direction === 1 ? 0 : length - 1;
  return (current + direction + length) % length;
}
