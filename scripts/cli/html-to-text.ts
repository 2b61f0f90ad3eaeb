/**
 * Turns an HTML page into the plain text a reader sees, in one forward pass with no DOM and no dependency:
 * the annotator must report offsets into exactly this text, so its rules are kept few and predictable.
 * - script, style, noscript, template and head are skipped whole;
 * - block elements and <br> end a line; whitespace within a line collapses to one space;
 * - character references are decoded (the common named ones and all numeric ones).
 */
import { decodeEntities } from './html-entities.ts';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head']);
const BLOCKS = new Set(
  ('address article aside blockquote body br caption dd details div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody thead tfoot tr ul')
    .split(' '),
);
/** Table cells sit side by side: a space keeps their words apart without breaking the line. */
const CELLS = new Set(['td', 'th']);
const TAG_NAME = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/y;

/** The visible text of `html`, lines separated by "\n". Linear in the length of the input. */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line: string[] = [];
  const endLine = () => {
    const text = decodeEntities(line.join('').replace(/[ \t\n\r\f]+/g, ' ')).trim();
    if (text !== '') lines.push(text);
    line = [];
  };
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    line.push(html.slice(i, lt === -1 ? html.length : lt));
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (!tag) {
      line.push('<');
      i = lt + 1;
      continue;
    }
    if (BLOCKS.has(tag.name)) endLine();
    else if (CELLS.has(tag.name)) line.push(' ');
    i = !tag.closing && SKIPPED.has(tag.name) ? skipElement(html, tag.name, tag.end) : tag.end;
  }
  endLine();
  return lines.join('\n');
}

interface Tag {
  /** Lower-case element name; '' for comments, doctypes and processing instructions. */
  name: string;
  closing: boolean;
  /** Offset just past the tag. */
  end: number;
}

/** The tag starting at `lt`, or undefined when this `<` is just text (`a < b`). */
function readTag(html: string, lt: number): Tag | undefined {
  if (html.startsWith('<!--', lt)) return { name: '', closing: false, end: endOf(html, '-->', lt + 4) };
  const next = html[lt + 1];
  if (next === '!' || next === '?') return { name: '', closing: false, end: endOf(html, '>', lt + 2) };
  TAG_NAME.lastIndex = lt;
  const m = TAG_NAME.exec(html);
  if (!m) return undefined;
  return { name: m[2]!.toLowerCase(), closing: m[1] === '/', end: tagEnd(html, TAG_NAME.lastIndex) };
}

/** Past the `>` that closes a tag, skipping any `>` inside quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return html.length;
}

function endOf(html: string, marker: string, from: number): number {
  const at = html.indexOf(marker, from);
  return at === -1 ? html.length : at + marker.length;
}

/**
 * Past the closing tag of a skipped element; its content is raw text, so no nested tags are looked at.
 * `</head>` may be left out in valid HTML, so a head also ends where the body begins.
 */
function skipElement(html: string, name: string, from: number): number {
  const close = new RegExp(name === 'head' ? '</head[\\s/>]|<body[\\s/>]' : `</${name}[\\s/>]`, 'gi');
  close.lastIndex = from;
  const m = close.exec(html);
  if (!m) return html.length;
  return m[0][1] === '/' ? tagEnd(html, m.index + 2) : m.index;
}
