/**
 * Normalisation shared by every stage that compares words: aliases at build time, page text at match time.
 * Case is folded, German umlauts are transliterated the way German writes them without umlauts
 * (ä→ae, so "Pjöngjang" and "Pjoengjang" meet), other accents are dropped, invisible characters vanish.
 */

/** Characters that may sit inside a word without being part of it (soft hyphen, zero-width joiners, BOM). */
export const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' };
const GERMAN_RE = /[äöüßẞ]/g;
const MARKS_RE = /\p{M}+/gu;
const PLAIN_RE = /^[a-z0-9]*$/;

/** One word in canonical form: `Nordkoreas` → `nordkoreas`, `Pjöngjang` → `pjoengjang`, `Zinóviev` → `zinoviev`. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN_RE.test(lower)) return lower;
  return lower
    .replace(IGNORABLE, '')
    .normalize('NFC')
    .replace(GERMAN_RE, (c) => GERMAN[c] ?? c)
    .normalize('NFD')
    .replace(MARKS_RE, '');
}
