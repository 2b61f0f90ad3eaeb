/** The reader's text model: a source's text as paragraphs, with the claim's passages marked. Pure. */

/** A span of the text: `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A run of a paragraph, marked when it is part of a passage. */
export interface Part {
  text: string;
  marked: boolean;
}

/** Blank lines separate paragraphs in the knowledge base's source texts. */
const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/g;

/**
 * Where a passage is in `text`: its stored offsets if the text there is the quote, else the quote's occurrence
 * after its prefix, else its first occurrence; null if the text does not contain it (the source was edited).
 */
export function locate(text: string, quote: string, start: number, end: number, prefix = ''): Span | null {
  if (!quote) return null;
  if (text.slice(start, end) === quote) return { start, end };
  const afterPrefix = prefix ? text.indexOf(prefix + quote) : -1;
  if (afterPrefix >= 0) return { start: afterPrefix + prefix.length, end: afterPrefix + prefix.length + quote.length };
  const at = text.indexOf(quote);
  return at < 0 ? null : { start: at, end: at + quote.length };
}

/** Cuts one paragraph `[from, to)` into marked and unmarked runs. */
function cut(text: string, from: number, to: number, spans: readonly Span[]): Part[] {
  const parts: Part[] = [];
  let at = from;
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end <= start || start < at) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), marked: false });
  return parts;
}

/**
 * Where the article's own words begin: after a dateline the corpus texts carry from their extraction
 * (" date 2024-06 Berlin. …"). The reader shows the date formatted in its header instead; offsets stay those of
 * the full text, so passages are found where the knowledge base says.
 */
export function bodyStart(text: string): number {
  return /^\s*date \d{4}-\d{2}(?:-\d{2})?\s+/.exec(text)?.[0].length ?? 0;
}

/** The text's paragraphs, each as runs; a passage crossing a paragraph break is marked in both paragraphs. */
export function paragraphs(text: string, spans: readonly Span[]): Part[][] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Part[][] = [];
  let from = bodyStart(text);
  const push = (to: number) => {
    const trimmedFrom = from + (text.slice(from, to).length - text.slice(from, to).trimStart().length);
    const trimmedTo = trimmedFrom + text.slice(trimmedFrom, to).trimEnd().length;
    if (trimmedTo > trimmedFrom) out.push(cut(text, trimmedFrom, trimmedTo, sorted));
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    if (m.index < from) continue;
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
