/**
 * Judges an import before anything is written: shape and size of every row, ids unique, selectors consistent,
 * every reference resolvable. Pure; returns the first problem as a message that names the field.
 */
import type { ExportFile } from '../../shared/userdata/types.ts';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS, USER_CLAIM_PREFIX } from '../../shared/userdata/types.ts';
import { arr, type Check, int, obj, oneOf, optional, str } from '../../shared/rpc/schema.ts';

const ID = str(200, 1);
const TIME = int(0, 8.64e15);
const URL_TEXT = str(8192, 1);
const LANG = oneOf('de', 'en');
const BILINGUAL = obj({ de: str(5000), en: str(5000) });
const SHORT_LIST = arr(str(500), 1000);

const SELECTORS: Check = (v, p) => {
  const shape = arr(
    (x, q) =>
      (x as { type?: unknown })?.type === 'TextQuoteSelector'
        ? obj({ type: oneOf('TextQuoteSelector'), exact: str(100_000, 1), prefix: str(1000), suffix: str(1000) })(x, q)
        : obj({ type: oneOf('TextPositionSelector'), start: int(0, 1e9), end: int(0, 1e9) })(x, q),
    2,
  )(v, p);
  if (shape) return shape;
  const [quote, position] = v as [{ type: string; exact: string }, { type: string; start: number; end: number }];
  if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') {
    return `${p}: expected a TextQuoteSelector then a TextPositionSelector`;
  }
  return position.end - position.start === quote.exact.length ? null : `${p}: position does not span the quote`;
};

const KB = obj({
  format: oneOf(1),
  version: str(200, 1),
  sources: arr(
    obj({ id: ID, title: str(2000), date: str(40), byline: optional(str(200)), lang: LANG, url: optional(URL_TEXT), text: str(2_000_000) }),
    10_000,
  ),
  entities: arr(
    obj({
      id: ID,
      type: oneOf('person', 'country', 'city', 'region', 'place', 'organization', 'agency'),
      name: BILINGUAL,
      description: BILINGUAL,
      aliases: SHORT_LIST,
      shortForms: optional(SHORT_LIST),
      context: optional(SHORT_LIST),
      block: optional(SHORT_LIST),
      standsFor: optional(ID),
    }),
    50_000,
  ),
  claims: arr(
    obj({
      id: ID,
      statement: BILINGUAL,
      speaker: optional(ID),
      about: arr(ID, 1000),
      occurrences: arr(obj({ source: ID, selector: SELECTORS }), 10_000),
    }),
    50_000,
  ),
  concepts: arr(obj({ id: ID, de: SHORT_LIST, en: SHORT_LIST }), 50_000),
});

const USER = obj({
  annotations: arr(
    obj({
      id: int(1, Number.MAX_SAFE_INTEGER),
      url: URL_TEXT,
      title: str(2000),
      created: TIME,
      modified: TIME,
      selectors: SELECTORS,
      note: str(100_000),
      claimId: optional(ID),
    }),
    100_000,
  ),
  claims: arr(obj({ id: ID, statement: str(5000, 1), speaker: optional(ID), about: arr(ID, 1000), created: TIME }), 50_000),
  sources: arr(
    obj({ id: ID, url: optional(URL_TEXT), title: str(2000), date: str(40), published: optional(str(40)), lang: optional(LANG), text: optional(str(2_000_000)) }),
    50_000,
  ),
  occurrences: arr(obj({ claimId: ID, sourceId: ID, selector: SELECTORS, confirmed: oneOf(true, false), recorded: TIME }), 500_000),
  settings: obj({ disabledSites: arr(str(300), 10_000), hoverDelayMs: int(HOVER_DELAY_MIN_MS, HOVER_DELAY_MAX_MS), recordReading: oneOf(true, false) }),
  // Absent from exports made before "Not this claim" existed; those stay importable.
  rejections: optional(arr(obj({ url: URL_TEXT, claimId: ID, quote: str(100_000, 1), created: TIME }), 500_000)),
});

const FILE = obj({ format: oneOf('crossread-export'), formatVersion: oneOf(1), exported: str(100), kb: KB, user: USER });

function firstDuplicate(values: Iterable<string | number>): string | number | undefined {
  const seen = new Set<string | number>();
  for (const v of values) {
    if (seen.has(v)) return v;
    seen.add(v);
  }
  return undefined;
}

/** Ids must be unique per table, user claims must look like user claims, and references must resolve. */
function referenceError(file: ExportFile): string | null {
  const { kb, user } = file;
  const tables: Array<[string, Array<string | number>]> = [
    ['kb.sources', kb.sources.map((x) => x.id)],
    ['kb.entities', kb.entities.map((x) => x.id)],
    ['kb.claims', kb.claims.map((x) => x.id)],
    ['kb.concepts', kb.concepts.map((x) => x.id)],
    ['user.annotations', user.annotations.map((x) => x.id as number)],
    ['user.claims', user.claims.map((x) => x.id)],
    ['user.sources', user.sources.map((x) => x.id)],
    ['user.occurrences', user.occurrences.map((x) => `${x.claimId} in ${x.sourceId}`)],
    ['user.rejections', (user.rejections ?? []).map((x) => `${x.claimId} for ${JSON.stringify(x.quote)} at ${x.url}`)],
  ];
  for (const [name, ids] of tables) {
    const dup = firstDuplicate(ids);
    if (dup !== undefined) return `${name}: id ${JSON.stringify(dup)} appears twice`;
  }
  const badUserClaim = user.claims.find((c) => !c.id.startsWith(USER_CLAIM_PREFIX));
  if (badUserClaim) return `user.claims: id ${JSON.stringify(badUserClaim.id)} must start with "${USER_CLAIM_PREFIX}"`;
  const claims = new Set([...kb.claims.map((c) => c.id), ...user.claims.map((c) => c.id)]);
  const sources = new Set(user.sources.map((s) => s.id));
  const a = user.annotations.findIndex((x) => x.claimId !== undefined && !claims.has(x.claimId));
  if (a >= 0) return `user.annotations[${a}].claimId: no claim ${JSON.stringify(user.annotations[a]!.claimId)}`;
  const o = user.occurrences.findIndex((x) => !claims.has(x.claimId) || !sources.has(x.sourceId));
  if (o >= 0) return `user.occurrences[${o}]: unknown claim or source`;
  return null;
}

/** Null if `data` is an export this version can import, else what is wrong with it. */
export function importError(data: unknown): string | null {
  return FILE(data, 'file') ?? referenceError(data as ExportFile);
}
