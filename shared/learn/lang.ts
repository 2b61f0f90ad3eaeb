/** Guesses whether a text is German or English by counting each language's commonest words. */
import type { Lang } from '../kb/types.ts';

// Only words that are not also common in the other language ("in", "an", "so", "also" are in neither list).
const GERMAN = new Set(
  ('der die das und ist nicht ein eine einen zu den von mit sich des auf für im dem als auch es werden aus er hat ' +
    'dass sie nach wird bei einer um am sind noch wie einem über zum war haben nur oder aber vor zur bis mehr ' +
    'durch man sein wurde sei wir ich habe seine ihre gegen hatte').split(' '),
);
const ENGLISH = new Set(
  ('the and of to a is that for it as was with on be by he at from this has have are not will or but said would ' +
    'which his their they its been who were after had we could than more about into over against').split(' '),
);

/** 'en' when English stopwords outnumber German ones; German otherwise, as the corpus and most input are. */
export function detectLang(text: string): Lang {
  let de = 0;
  let en = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}]+/gu)) {
    if (GERMAN.has(m[0])) de++;
    if (ENGLISH.has(m[0])) en++;
  }
  return en > de ? 'en' : 'de';
}
