import { describe, expect, it } from 'vitest';
import { judge, type SenderInfo, type Self } from './validate.ts';

const self: Self = { id: 'crossread@extension', origin: 'moz-extension://0000/' };
const contentScript: SenderInfo = { id: self.id, url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
const sidebar: SenderInfo = { id: self.id, url: 'moz-extension://0000/sidebar/sidebar.html' };
const stranger: SenderInfo = { id: 'other@addon', url: 'moz-extension://9999/x.html' };

function errorOf(message: unknown, sender: SenderInfo = contentScript): string {
  const v = judge(message, sender, self);
  if (v.kind !== 'error') throw new Error(`expected an error, got ${v.kind}`);
  return v.error;
}

describe('judge', () => {
  it('accepts well-formed calls from our own contexts', () => {
    expect(judge({ type: 'entity.card', params: { id: 'vladimir-putin' } }, contentScript, self)).toEqual({
      kind: 'call',
      call: { type: 'entity.card', params: { id: 'vladimir-putin' } },
    });
    expect(judge({ type: 'matcher.data', params: {} }, sidebar, self).kind).toBe('call');
    expect(judge({ type: 'tab.claims', params: { tabId: 3 } }, sidebar, self).kind).toBe('call');
    expect(judge({ type: 'reader.open', params: { sourceId: 's' } }, contentScript, self).kind).toBe('call');
  });

  it('accepts a page report with its found entities and claims', () => {
    const report = {
      url: 'https://news.example/a',
      title: 'A',
      entities: [{ id: 'north-korea', count: 3 }],
      claims: [{ id: 'c1', start: 10, end: 40, text: 'Putin droht', score: 0.8 }],
    };
    expect(judge({ type: 'page.report', params: report }, contentScript, self).kind).toBe('call');
  });

  it('leaves messages that are not calls, or are calls for other receivers, to other listeners', () => {
    for (const m of [null, 'hello', 42, [], {}, { type: 7 }, { type: 'tab.updated', params: { tabId: 1 } }]) {
      expect(judge(m, contentScript, self)).toEqual({ kind: 'ignore' });
    }
  });

  it('refuses unknown calls by name', () => {
    expect(errorOf({ type: 'db.drop', params: {} })).toBe('unknown call "db.drop"');
    expect(errorOf({ type: 'toString', params: {} })).toMatch(/unknown call/);
  });

  it('names the offending field of malformed parameters', () => {
    expect(errorOf({ type: 'entity.card', params: { id: 42 } })).toBe('entity.card: params.id: expected a string');
    expect(errorOf({ type: 'entity.card', params: {} })).toBe('entity.card: params.id: missing');
    expect(errorOf({ type: 'entity.card' })).toBe('entity.card: params: expected an object');
    expect(errorOf({ type: 'entity.card', params: { id: '' } })).toMatch(/at least 1/);
    expect(errorOf({ type: 'entity.card', params: { id: 'x', extra: 1 } })).toBe(
      'entity.card: params.extra: unexpected field',
    );
    expect(errorOf({ type: 'entity.card', params: { id: 'x' }, reply: 1 })).toMatch(/unexpected field reply/);
    const badClaim = { url: 'u', title: 't', entities: [], claims: [{ id: 'c', start: 1.5, end: 2, text: '', score: 1 }] };
    expect(errorOf({ type: 'page.report', params: badClaim })).toBe(
      'page.report: params.claims[0].start: expected an integer',
    );
  });

  it('bounds sizes so a hostile page cannot make the background store anything it likes', () => {
    expect(errorOf({ type: 'entity.card', params: { id: 'x'.repeat(201) } })).toMatch(/longer than 200/);
    const many = Array.from({ length: 20_001 }, () => ({ id: 'e', count: 1 }));
    expect(errorOf({ type: 'page.report', params: { url: '', title: '', entities: many, claims: [] } })).toMatch(
      /more than 20000 items/,
    );
    const reversed = { url: '', title: '', entities: [], claims: [{ id: 'c', start: 9, end: 2, text: '', score: 1 }] };
    expect(errorOf({ type: 'page.report', params: reversed })).toMatch(/claims\[0\]: end before start/);
  });

  it('refuses other extensions and calls from the wrong kind of context', () => {
    expect(errorOf({ type: 'matcher.data', params: {} }, stranger)).toMatch(/not this extension/);
    expect(errorOf({ type: 'tab.claims', params: { tabId: 1 } }, contentScript)).toMatch(/only the extension's pages/);
    const report = { url: '', title: '', entities: [], claims: [] };
    expect(errorOf({ type: 'page.report', params: report }, sidebar)).toMatch(/only a content script/);
  });
});
