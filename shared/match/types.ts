/** What the matcher finds: plain data with UTF-16 offsets into the text it was given. */

/** An entity named in the text. */
export interface EntityMatch {
  /** Entity id. */
  entity: string;
  start: number;
  end: number;
}

/** A passage of the text that states a known claim. */
export interface ClaimMatch {
  /** Claim id. */
  claim: string;
  start: number;
  end: number;
  /** How sure the matcher is, 0..1; only matches at or above the matcher's threshold are returned. */
  score: number;
  /** The raw share of the claim's best rendering the passage covers, which the threshold applies to. */
  coverage?: number;
}

/** Everything found in one text, each list in text order. */
export interface MatchResult {
  entities: EntityMatch[];
  claims: ClaimMatch[];
}

/** Options for building a matcher from a knowledge base. */
export interface MatcherOptions {
  /** Build as if this source were not in the knowledge base (leave-one-out evaluation, --exclude-source). */
  excludeSource?: string;
  /** Minimum claim score to report; defaults to the tuned threshold. */
  threshold?: number;
  /** Share of a second or later claim in one sentence that the sentence must cover on its own (see ClaimIndex.select). */
  distinct?: number;
  /** Whether the canonical statements count as renderings of a claim (default true); off for the strictest held-out runs. */
  statements?: boolean;
  /**
   * Whether a sentence may also state a claim by how much of the sentence the claim explains, not only by how much
   * of the claim the sentence covers (default true; see ClaimIndex). Off for linking pages read, where each
   * statement is one short sentence and the figures on real stories were better without it.
   */
  symmetric?: boolean;
  /**
   * Whether a sentence that opens with a demonstrative ("Das wäre ein großer Fehler") may take what it leaves out
   * from the sentence before (default true; see ClaimIndex.select and context.ts).
   */
  context?: boolean;
}

/** A compiled matcher: build once per knowledge base, then call on any number of texts. */
export interface Matcher {
  /** Entities and claims in `text`. Pure and deterministic. */
  match(text: string): MatchResult;
  /** Entities only (cheaper). */
  matchEntities(text: string): EntityMatch[];
}
