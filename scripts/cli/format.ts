/** The annotator's readable output: what a person skimming a terminal wants to see first. */
import type { ClaimReport, EntityReport, Report } from './report.ts';

const LANG_NAMES = { de: 'German', en: 'English' } as const;

/** The report as lines of text. */
export function formatReport(report: Report): string {
  const head = `Language: ${LANG_NAMES[report.lang]} · knowledge base ${report.kbVersion}`;
  const entities = report.entities.length === 0 ? ['  (none)'] : report.entities.map(formatEntity);
  const claims = report.claims.length === 0 ? ['  (none)'] : report.claims.flatMap(formatClaim);
  return [
    head,
    '',
    `Entities (${report.entities.length})`,
    ...entities,
    '',
    `Claims (${report.claims.length})`,
    ...claims,
    '',
  ].join('\n');
}

function formatEntity(e: EntityReport): string {
  return `  ${e.name} (${e.type}): ${quoted(e.text)} at ${e.start}–${e.end}`;
}

function formatClaim(c: ClaimReport): string[] {
  return [
    `  ${c.score.toFixed(2)}  ${c.statement}`,
    `    here, at ${c.start}–${c.end}: ${quoted(c.text)}`,
    ...(c.occurrences.length > 0 ? ['    stated in the sources:', ...formatOccurrences(c)] : ['    stated in no source']),
  ];
}

/** Quotes grouped under their source, so a source quoted three times is named once. */
function formatOccurrences(c: ClaimReport): string[] {
  const lines: string[] = [];
  let last = '';
  for (const o of c.occurrences) {
    if (o.source.id !== last) lines.push(`      ${o.source.id} · ${clip(o.source.title, 80)}`);
    last = o.source.id;
    lines.push(`        ${quoted(o.quote)}`);
  }
  return lines;
}

/** One line, however long the passage: a terminal reader needs the gist and the offsets, not a wall of text. */
function quoted(s: string): string {
  return `“${clip(s, 160)}”`;
}

function clip(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
