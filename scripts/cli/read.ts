/**
 * `--read FILE`: pages read before the one annotated. Each is read like the input (HTML becomes its extracted
 * text), its address is its path as given, its title the HTML's <title> or a text's first line, and its
 * statements are learned in order.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { Reading } from '../../shared/learn/index.ts';
import { decodeEntities } from './html-entities.ts';
import { readInput } from './input.ts';

/** The title of a text file: its first non-empty line, as a browser tab would show a headline. */
export function titleOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const flat = line.trim().replace(/\s+/g, ' ');
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** The <title> of an HTML page, if it has a non-empty one. */
export function htmlTitle(html: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = m ? decodeEntities(m[1]!).replace(/\s+/g, ' ').trim() : '';
  return title || undefined;
}

/** Learns the files in order; throws InputError (from readInput) for a missing or unreadable one. */
export async function readPages(kb: KnowledgeBase, paths: readonly string[]): Promise<Reading> {
  const reading = new Reading(kb);
  for (const path of paths) {
    const { text, fromHtml } = await readInput(path, () => Promise.reject(new Error('standard input is not a page read')));
    const title = (fromHtml && htmlTitle(readFileSync(path, 'utf8'))) || titleOf(text);
    reading.read({ address: path, title, text });
  }
  return reading;
}

/** The address the annotated page has among the pages read: the same file given as `--read` is the same page. */
export function pageAddress(input: string, read: readonly string[]): string {
  if (input === '-') return '-';
  const same = read.find((r) => resolve(r) === resolve(input));
  return same ?? input;
}
