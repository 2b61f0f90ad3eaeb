/**
 * Cognates: German and English share many words of Latin and Greek stock that only spelling tells apart
 * (katastrophal / catastrophic, Analyse / analysis, Sabotage / sabotage, Zentrum / centre). Two words of
 * different languages with the same spelling-insensitive stem become one concept for the matcher, built for the
 * page being linked from its words and those of the learned statements. Short words are left out: false friends
 * are short ("Gift", "also", "will", "Rat").
 */
import type { Concept, Lang } from '../kb/types.ts';

const MIN_LENGTH = 6;
const STEM = 6;

/** The spelling-insensitive stem of a normalised word, or undefined for a short one. */
export function cognateKey(word: string): string | undefined {
  if (word.length < MIN_LENGTH || /\d/.test(word)) return undefined;
  const key = word
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/z/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/qu/g, 'kv')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/(.)\1+/g, '$1');
  return key.slice(0, STEM);
}

/** Words of one text, in one language. */
export interface Words {
  lang: Lang;
  words: ReadonlySet<string>;
}

/**
 * The keys a word may meet words of the other language by: its own, and for a German compound its heads
 * ("Spionageballon" → "ballon", "Verteidigungsminister" → "minister", "Atomraketensilos" → "silos"), the part that
 * names what the compound is. Heads are the word's endings of six to ten letters after at least four letters.
 */
export function cognateKeys(word: string, lang: Lang): string[] {
  const own = cognateKey(word);
  const keys = own ? [own] : [];
  if (lang !== 'de' || word.length < 10 || /\d/.test(word)) return keys;
  for (let i = Math.max(4, word.length - 10); i <= word.length - MIN_LENGTH; i++) {
    const key = cognateKey(word.slice(i));
    if (key && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Concepts joining words of the page with words of the learned statements in the other language. */
export function cognateConcepts(page: Words, learned: readonly Words[]): Concept[] {
  const pageKeys = new Map<string, Set<string>>();
  for (const w of page.words) {
    for (const key of cognateKeys(w, page.lang)) pageKeys.set(key, (pageKeys.get(key) ?? new Set()).add(w));
  }
  const joined = new Map<string, Set<string>>();
  for (const statement of learned) {
    if (statement.lang === page.lang) continue;
    for (const w of statement.words) {
      for (const key of cognateKeys(w, statement.lang)) {
        const mine = pageKeys.get(key);
        if (!mine || mine.has(w)) continue;
        const set = joined.get(key) ?? new Set(mine);
        joined.set(key, set.add(w));
      }
    }
  }
  return [...joined].map(([key, words]) => {
    const terms = [...words].sort().map((w) => `${w}$`);
    return { id: `cognate-${key}`, de: terms, en: terms };
  });
}
