/**
 * The export as W3C Web Annotation JSON-LD: an AnnotationCollection whose items are the user's annotations
 * (motivation `commenting` with a TextualBody for a note, `identifying` with the claim as a SpecificResource body)
 * and the claim occurrences found in pages read (`identifying`, marked `cr:occurrence`). What the Web Annotation
 * vocabulary has no terms for (the knowledge base, the user's claims, sources and settings) travels under the
 * collection's own `cr:` terms, so that JSON-LD → import → export gives back the same file.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../kb/types.ts';
import type { ExportFile, UserAnnotation, UserOccurrence } from './types.ts';

const ANNOTATION_URN = 'urn:crossread:annotation:';
const OCCURRENCE_URN = 'urn:crossread:occurrence:';
const CLAIM_URN = 'urn:crossread:claim:';

/** The JSON-LD context: the Web Annotation context and our few terms. */
export const JSONLD_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { cr: 'urn:crossread:vocab#' }] as const;

type Selectors = [TextQuoteSelector, TextPositionSelector];

interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting' | 'identifying';
  created: string;
  modified?: string;
  body: Array<{ type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' } | { type: 'SpecificResource'; source: string; purpose: 'identifying' }>;
  target: { source: string; selector: Selectors; 'cr:title'?: string; 'cr:sourceId'?: string };
  'cr:confirmed'?: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

function annotationToLd(a: UserAnnotation): WebAnnotation {
  const body: WebAnnotation['body'] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  if (a.claimId) body.push({ type: 'SpecificResource', source: CLAIM_URN + a.claimId, purpose: 'identifying' });
  return {
    id: ANNOTATION_URN + String(a.id),
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'identifying',
    created: iso(a.created),
    modified: iso(a.modified),
    body,
    target: { source: a.url, selector: a.selectors, 'cr:title': a.title },
  };
}

function occurrenceToLd(o: UserOccurrence, i: number, urls: Map<string, string | undefined>): WebAnnotation {
  return {
    id: `${OCCURRENCE_URN}${i + 1}`,
    type: 'Annotation',
    motivation: 'identifying',
    created: iso(o.recorded),
    body: [{ type: 'SpecificResource', source: CLAIM_URN + o.claimId, purpose: 'identifying' }],
    target: { source: urls.get(o.sourceId) ?? `urn:crossread:source:${o.sourceId}`, selector: o.selector, 'cr:sourceId': o.sourceId },
    'cr:confirmed': o.confirmed,
  };
}

/** The export as a Web Annotation collection. */
export function toWebAnnotation(file: ExportFile): Record<string, unknown> {
  const urls = new Map(file.user.sources.map((s) => [s.id, s.url]));
  const items = [...file.user.annotations.map(annotationToLd), ...file.user.occurrences.map((o, i) => occurrenceToLd(o, i, urls))];
  return {
    '@context': JSONLD_CONTEXT,
    id: 'urn:crossread:export',
    type: 'AnnotationCollection',
    label: 'Crossread',
    generated: file.exported,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    'cr:formatVersion': file.formatVersion,
    'cr:knowledgeBase': file.kb,
    'cr:claims': file.user.claims,
    'cr:sources': file.user.sources,
    'cr:settings': file.user.settings,
    // Passages the reader rejected for a claim ("Not this claim"): Crossread's own term, absent when there are none.
    ...(file.user.rejections && file.user.rejections.length > 0 ? { 'cr:rejections': file.user.rejections } : {}),
  };
}

/** Thrown for a document that is not a Crossread Web Annotation export; the message says what is wrong. */
export class WebAnnotationError extends Error {}

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new WebAnnotationError(`Web Annotation import: ${what} is missing`);
  return value;
}

function time(value: unknown, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw new WebAnnotationError(`Web Annotation import: ${what} is not a date`);
  return ms;
}

function claimOf(item: WebAnnotation): string | undefined {
  const ref = item.body.find((b) => b.type === 'SpecificResource');
  if (!ref) return undefined;
  if (typeof ref.source !== 'string' || !ref.source.startsWith(CLAIM_URN)) {
    throw new WebAnnotationError(`Web Annotation import: ${item.id}: body is not a Crossread claim`);
  }
  return ref.source.slice(CLAIM_URN.length);
}

function annotationFromLd(item: WebAnnotation): UserAnnotation {
  const id = Number(item.id.slice(ANNOTATION_URN.length));
  if (!Number.isInteger(id) || id <= 0) throw new WebAnnotationError(`Web Annotation import: bad annotation id ${item.id}`);
  const note = item.body.find((b) => b.type === 'TextualBody');
  const claimId = claimOf(item);
  return {
    id,
    url: need(item.target?.source, `${item.id}: target.source`),
    title: item.target['cr:title'] ?? '',
    created: time(item.created, `${item.id}: created`),
    modified: time(item.modified ?? item.created, `${item.id}: modified`),
    selectors: need(item.target.selector, `${item.id}: target.selector`),
    note: note && 'value' in note ? note.value : '',
    ...(claimId ? { claimId } : {}),
  };
}

function occurrenceFromLd(item: WebAnnotation): UserOccurrence {
  return {
    claimId: need(claimOf(item), `${item.id}: the claim`),
    sourceId: need(item.target?.['cr:sourceId'], `${item.id}: target cr:sourceId`),
    selector: need(item.target.selector, `${item.id}: target.selector`),
    confirmed: item['cr:confirmed'] === true,
    recorded: time(item.created, `${item.id}: created`),
  };
}

/**
 * A Web Annotation export back in the JSON export's shape. Checks only what the mapping needs; the result goes
 * through the same validation as a JSON import.
 */
export function fromWebAnnotation(doc: unknown): ExportFile {
  const d = doc as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || d.type !== 'AnnotationCollection') {
    throw new WebAnnotationError('Web Annotation import: not an AnnotationCollection');
  }
  const page = d.first as { items?: unknown } | undefined;
  if (!Array.isArray(page?.items)) throw new WebAnnotationError('Web Annotation import: first.items is missing');
  const items = page.items as WebAnnotation[];
  for (const [i, item] of items.entries()) {
    if (typeof item !== 'object' || item === null || item.type !== 'Annotation' || typeof item.id !== 'string' || !Array.isArray(item.body)) {
      throw new WebAnnotationError(`Web Annotation import: first.items[${i}] is not an Annotation with an id and a body`);
    }
  }
  const user = {
    annotations: items.filter((x) => x.id.startsWith(ANNOTATION_URN)).map(annotationFromLd),
    claims: need(d['cr:claims'], 'cr:claims'),
    sources: need(d['cr:sources'], 'cr:sources'),
    occurrences: items.filter((x) => x.id.startsWith(OCCURRENCE_URN)).map(occurrenceFromLd),
    settings: need(d['cr:settings'], 'cr:settings'),
    ...(d['cr:rejections'] !== undefined ? { rejections: d['cr:rejections'] } : {}),
  } as ExportFile['user'];
  return {
    format: 'crossread-export',
    formatVersion: need(d['cr:formatVersion'], 'cr:formatVersion') as 1,
    exported: typeof d.generated === 'string' ? d.generated : '',
    kb: need(d['cr:knowledgeBase'], 'cr:knowledgeBase') as ExportFile['kb'],
    user,
  };
}
