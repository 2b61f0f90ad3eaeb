/**
 * Card timing, as readers know it from Wikipedia's page previews: a deliberate dwell before a card shows,
 * a grace period to move the pointer onto it, and no reaction to a pointer merely passing through.
 */

/** Pointer rest on a highlight before its card shows, until the user's setting (options page) is read. */
export const DWELL_MS = 500;
/** Time to travel from the highlight to the card (or back) before the card closes. */
export const GRACE_MS = 300;
