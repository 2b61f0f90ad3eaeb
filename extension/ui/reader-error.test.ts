import { describe, expect, it } from 'vitest';
import en from '../_locales/en/messages.json' with { type: 'json' };
import type { MessageName } from './i18n.ts';
import { readerError } from './reader-error.ts';

/** The English strings with their placeholders filled, as the browser's i18n does. */
function t(name: MessageName, ...subs: (string | number)[]): string {
  const entry = en[name] as { message: string; placeholders?: Record<string, { content: string }> };
  return entry.message.replace(/\$(\w+)\$/g, (_, key: string) => {
    const at = Number(entry.placeholders?.[key.toLowerCase()]?.content.slice(1));
    return String(subs[at - 1]);
  });
}

/** No call name, parameter path, id or checker jargon left in a sentence. */
const INTERNAL = /[a-z]+\.[a-z]+:|params|learned:|\[\d+\]|expected an?|"[a-z0-9-]+:[^"]*"/i;

describe('readerError', () => {
  it('says what is missing, never its id', () => {
    const said = readerError('claim.details: no claim "learned:1x9ab2"', t);
    expect(said).toBe("This claim is no longer in Crossread's knowledge (it may have been deleted, or your data cleared).");
    expect(readerError('source.get: no source "page:https://news.example/a"', t)).toMatch(/^This article is no longer in your library/);
    expect(readerError('annotation.save: no annotation 12', t)).toMatch(/^This annotation no longer exists/);
    expect(readerError('claim.create: no entity "putin"', t)).toBe("This name is no longer in Crossread's knowledge.");
  });

  it("names a refused parameter by the reader's field, with the limit in words", () => {
    expect(readerError('annotation.save: params.note: longer than 100000 characters', t)).toBe(`The note is too long: at most ${(100000).toLocaleString()} characters.`);
    expect(readerError('claim.create: params.statement: expected at least 1 characters', t)).toBe('The statement is empty.');
    expect(readerError('annotation.save: params.selectors[0].exact: expected a string', t)).toBe('What was sent could not be accepted as given.');
  });

  it('words a missing content script, a refused sender and storage failures', () => {
    expect(readerError('page.article: Could not establish connection. Receiving end does not exist.', t)).toMatch(/^Crossread is not running on this page yet/);
    expect(readerError("tab.claims: refused, only the extension's pages may ask", t)).toMatch(/^This can only be done/);
    expect(readerError('annotation.save: the disk is full (storage quota exceeded); nothing was saved', t)).toMatch(/not enough storage space/);
  });

  it('keeps the words of an error of no known kind, without the call name', () => {
    expect(readerError('source.reject: That page is no longer among your sources (it was deleted or your data was cleared).', t)).toBe(
      'That page is no longer among your sources (it was deleted or your data was cleared).',
    );
  });

  it('leaves nothing internal in any of the known kinds', () => {
    const raws = [
      'claim.details: no claim "learned:1x9ab2"',
      'entity.card: no entity "kim-jong-un"',
      'reader.open: no source "article:0a1b2c3d"',
      'annotation.delete: no annotation 3',
      'annotation.save: params.note: longer than 100000 characters',
      'claims.search: params.query: longer than 500 characters',
      'annotation.save: params.selectors[1].end: out of range 0..1000000000',
      'page.scrollTo: params.index: expected an integer',
      "learned.list: refused, only the extension's pages may ask",
    ];
    for (const raw of raws) expect(readerError(raw, t), raw).not.toMatch(INTERNAL);
  });
});
