import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { backgroundCalls, contentToBackground, isResult, makeSender, pagesToBackground, toContent, toPages, type ContentToBackground } from './messages.ts';

describe('makeSender', () => {
  it('sends { type, params } and passes a Result answer through', async () => {
    const sent: unknown[] = [];
    const send = makeSender<ContentToBackground>(async (m) => {
      sent.push(m);
      return { ok: true, value: { tabId: 3 } };
    });
    expect(await send('reader.open', { sourceId: 's1' })).toEqual({ ok: true, value: { tabId: 3 } });
    expect(sent).toEqual([{ type: 'reader.open', params: { sourceId: 's1' } }]);
  });

  it('turns a transport failure or a missing answer into an error value', async () => {
    const broken = makeSender<ContentToBackground>(async () => {
      throw new Error('Receiving end does not exist.');
    });
    expect(await broken('entity.card', { id: 'x' })).toEqual({
      ok: false,
      error: 'entity.card: Receiving end does not exist.',
    });
    const silent = makeSender<ContentToBackground>(async () => undefined);
    expect(await silent('entity.card', { id: 'x' })).toEqual({ ok: false, error: 'entity.card: no answer from the receiver' });
  });
});

describe('isResult', () => {
  it('knows a Result from anything else', () => {
    expect(isResult({ ok: true, value: null })).toBe(true);
    expect(isResult({ ok: false, error: 'no' })).toBe(true);
    expect(isResult({ ok: true })).toBe(false);
    expect(isResult({ ok: false, error: 3 })).toBe(false);
    expect(isResult(undefined)).toBe(false);
  });
});

const channels = { contentToBackground, pagesToBackground, toContent, toPages };

describe('the channels', () => {
  it('document every call with a one-line comment', () => {
    const files = ['content-to-background', 'pages-to-background', 'to-content', 'to-pages'];
    const found: string[] = [];
    for (const file of files) {
      const source = readFileSync(new URL(`./messages/${file}.ts`, import.meta.url), 'utf8');
      for (const call of source.matchAll(/^\s*'([a-z]+\.[a-zA-Z]+)': call\(/gm)) {
        found.push(call[1] as string);
        const before = source.slice(0, call.index).trimEnd().split('\n').at(-1) ?? '';
        expect(before, call[1]).toMatch(/^\s*\/\*\* .+ \*\/$/);
      }
    }
    const declared = Object.values(channels).flatMap((c) => Object.keys(c));
    expect(found.sort()).toEqual(declared.sort());
  });

  it('name each call once, so that a receiver can tell its calls from those of other channels', () => {
    const names = Object.values(channels).flatMap((c) => Object.keys(c));
    expect(new Set(names).size).toBe(names.length);
  });

  it('say who may make each call: content scripts never make the pages\' calls, nor send to content scripts', () => {
    for (const spec of Object.values(pagesToBackground)) expect(spec.from).toEqual(['extension']);
    for (const spec of [...Object.values(toContent), ...Object.values(toPages)]) expect(spec.from).toEqual(['extension']);
    expect(contentToBackground['page.report'].from).toEqual(['content']);
    expect(contentToBackground['entity.card'].from).toEqual(['content', 'extension']);
    expect(Object.keys(backgroundCalls).length).toBe(Object.keys(contentToBackground).length + Object.keys(pagesToBackground).length);
  });
});
