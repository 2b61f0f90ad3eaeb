/** Problems found while building the knowledge base: collected, not thrown, so one run reports them all. */

export type Level = 'error' | 'warning';

/** One thing wrong with the curated data; printed as a single line. */
export interface Problem {
  level: Level;
  /** The file the curator has to open to fix it. */
  file: string;
  /** Which entry in that file (`claim "putin-threatens-seoul"`), if the problem is about one. */
  item?: string;
  message: string;
}

/** Where a check is looking: the file and entry its problems belong to. */
export interface Where {
  problems: Problem[];
  file: string;
  item?: string;
}

/** Records an error at `where`. */
export function fail(where: Where, message: string): void {
  where.problems.push({ level: 'error', file: where.file, item: where.item, message });
}

/** Records a warning at `where`: suspicious but not wrong enough to stop the build. */
export function warn(where: Where, message: string): void {
  where.problems.push({ level: 'warning', file: where.file, item: where.item, message });
}

/** `error: shared/kb/claims.json: claim "x": quote not found …` */
export function formatProblem(p: Problem): string {
  return `${p.level}: ${p.file}: ${p.item ? `${p.item}: ` : ''}${p.message}`;
}

/** How many problems are errors (anything that must fail the build). */
export function countErrors(problems: readonly Problem[]): number {
  return problems.filter((p) => p.level === 'error').length;
}

/** A long string shortened for a one-line message; newlines shown as ⏎ so the message stays on one line. */
export function clip(s: string, max = 80): string {
  const flat = s.replace(/\r?\n/g, '⏎');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
