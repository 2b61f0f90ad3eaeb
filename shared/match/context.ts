/**
 * When a sentence takes its content from the sentence before. A sentence that opens with a demonstrative ("Das
 * wäre ein großer Fehler", "Das ist äußerst besorgniserregend", "Diese könnten bis zu 4,8 Millionen Geschosse
 * enthalten", "This would destabilise the peninsula") points back at what the sentence before said: the threat,
 * the shipment, the pact. Its claim is stated by the two together, so the claim index may fill what such a
 * sentence leaves out from the sentence before (see ClaimIndex.select).
 *
 * Only demonstratives: a personal pronoun ("he", "er") points at an actor, not at a statement, and carrying the
 * people and countries of the sentence before to such sentences made the real articles worse (fewer claims found
 * at 90 % right), as did filling every sentence's missing people and countries from the one before or from the
 * headline. "Es" and "it" are left out too: mostly placeholders ("Es ist fraglich, ob …", "It is unclear …").
 */
import type { Tokens } from '../text/tokenize.ts';

/** Demonstratives that open a sentence pointing back at the one before (normalised words). */
const DEMONSTRATIVES = new Set(['dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen', 'this', 'that', 'these', 'those', 'such']);

/**
 * German "das" is a demonstrative only where no noun follows ("Das ist …", "Das wäre …"); before a noun, written
 * with a capital, it is the article ("Das Abkommen …").
 */
const DAS = 'das';

/** Whether the sentence of words [first, last) opens with a demonstrative that points back at the sentence before. */
export function pointsBack(text: string, tokens: Tokens, first: number, last: number): boolean {
  if (first >= last) return false;
  // By id: `tokens.norm` would build every word's string for one word.
  const word = tokens.vocabulary[tokens.word[first]!]!;
  if (DEMONSTRATIVES.has(word)) return true;
  if (word !== DAS || first + 1 >= last) return false;
  const next = text.charAt(tokens.start[first + 1]!);
  return next === next.toLowerCase();
}
