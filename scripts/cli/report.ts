/**
 * The annotator's result as plain data: the `--json` contract other tools depend on, and the input to the
 * readable format. Names and statements are given in the input's language.
 */
import type { Claim, KnowledgeBase, Lang } from '../../shared/kb/types.ts';
import type { MatchResult } from '../../shared/match/types.ts';

/** An entity named in the input. */
export interface EntityReport {
  id: string;
  name: string;
  type: string;
  start: number;
  end: number;
  text: string;
}

/** A passage in one of the KB's sources that states the claim. */
export interface OccurrenceReport {
  source: { id: string; title: string };
  quote: string;
  start: number;
  end: number;
}

/** A passage of the input that states a known claim, with every other source that states it. */
export interface ClaimReport {
  id: string;
  statement: string;
  start: number;
  end: number;
  text: string;
  score: number;
  occurrences: OccurrenceReport[];
}

/** Everything `--json` prints; `text` only when the input was HTML, since then offsets refer to extracted text. */
export interface Report {
  lang: Lang;
  kbVersion: string;
  text?: string;
  entities: EntityReport[];
  claims: ClaimReport[];
}

/** What the report is made from. */
export interface ReportInput {
  kb: KnowledgeBase;
  result: MatchResult;
  text: string;
  lang: Lang;
  fromHtml: boolean;
  excludeSource?: string;
}

/** Joins the matcher's ids and offsets with what the KB knows about them. */
export function buildReport({ kb, result, text, lang, fromHtml, excludeSource }: ReportInput): Report {
  const entities = new Map(kb.entities.map((e) => [e.id, e]));
  const claims = new Map(kb.claims.map((c) => [c.id, c]));
  const sources = new Map(kb.sources.map((s) => [s.id, s]));
  const occurrencesOf = (claim: Claim): OccurrenceReport[] =>
    claim.occurrences
      .filter((o) => o.source !== excludeSource && sources.has(o.source))
      .map(({ source, selector: [, position] }) => {
        const s = sources.get(source)!;
        // Sliced from the source text, not taken from the selector: the quote must be exactly what the source says.
        const quote = s.text.slice(position.start, position.end);
        return { source: { id: s.id, title: s.title }, quote, start: position.start, end: position.end };
      });
  return {
    lang,
    kbVersion: kb.version,
    ...(fromHtml && { text }),
    entities: result.entities.flatMap(({ entity, start, end }) => {
      const e = entities.get(entity);
      return e ? [{ id: e.id, name: e.name[lang], type: e.type, start, end, text: text.slice(start, end) }] : [];
    }),
    claims: result.claims.flatMap(({ claim, start, end, score }) => {
      const c = claims.get(claim);
      if (!c) return [];
      const statement = c.statement[lang];
      return [{ id: c.id, statement, start, end, text: text.slice(start, end), score, occurrences: occurrencesOf(c) }];
    }),
  };
}
