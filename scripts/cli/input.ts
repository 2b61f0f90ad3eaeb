/** Reads the annotator's input and, for HTML, extracts the text that offsets will refer to. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { htmlToText } from './html-to-text.ts';

/** A failure the user can fix (missing file, unreadable input): reported as one line, exit code 1. */
export class InputError extends Error {}

/** The text to annotate, and whether it was extracted from HTML. */
export interface Input {
  text: string;
  fromHtml: boolean;
}

/** Reads `arg` ('-' is standard input, read by `readStdin`) and turns HTML into text. */
export async function readInput(arg: string, readStdin: () => Promise<Buffer>): Promise<Input> {
  const bytes = arg === '-' ? await readStdin() : readFileBytes(arg);
  const raw = decodeUtf8(bytes, arg === '-' ? 'standard input' : arg).replace(/^\uFEFF/, '');
  const ext = extname(arg).toLowerCase();
  const fromHtml = ext === '.html' || ext === '.htm' || looksLikeHtml(raw);
  return { text: fromHtml ? htmlToText(raw) : raw, fromHtml };
}

/** True for text that starts with a tag, a doctype or a comment: pasted page source rather than prose. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype\s+html|!--|[a-zA-Z][a-zA-Z0-9-]*[\s/>])/i.test(text);
}

function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EISDIR') throw new InputError(`${path} is a directory, not a text or HTML file`);
    throw new InputError(`cannot read ${path}: ${code ?? (err as Error).message}`);
  }
}

/** Invalid UTF-8 would silently become U+FFFD and match nothing; better to say the input is not text. */
function decodeUtf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not UTF-8 text`);
  }
}
