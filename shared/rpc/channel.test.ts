import { describe, expect, it } from 'vitest';
import { call, channel, judge, makeReceiver, makeSender, partyOf, returns, type SenderInfo } from './channel.ts';
import { int, obj, str } from './schema.ts';

const self = { id: 'me@ext', origin: 'moz-extension://0000/' };
const content: SenderInfo = { id: self.id, url: 'https://news.example/a', tab: { id: 4 } };
const page: SenderInfo = { id: self.id, url: 'moz-extension://0000/sidebar/sidebar.html' };
const stranger: SenderInfo = { id: 'other@ext', url: 'moz-extension://9999/x.html' };

const calls = channel(['content', 'extension'], {
  /** Doubles a number. */
  'n.double': call(obj({ n: int(0, 100) }), returns<number>()),
  /** Only pages. */
  'n.secret': call(obj({}), returns<string>(), ['extension']),
  /** Only content scripts. */
  'n.report': call(obj({ text: str(10) }), returns<null>(), ['content']),
});
const elsewhere = channel(['extension'], {
  /** Someone else's. */
  'x.other': call(obj({}), returns<null>()),
});

describe('partyOf', () => {
  it('tells content scripts, extension pages and strangers apart', () => {
    expect(partyOf(content, self)).toBe('content');
    expect(partyOf(page, self)).toBe('extension');
    expect(partyOf(stranger, self)).toBeNull();
    expect(partyOf({ id: self.id }, self)).toBeNull();
  });
});

describe('judge', () => {
  const options = { others: [elsewhere], unknown: 'refuse' as const };

  it('passes a declared call with checked parameters from a party it names', () => {
    expect(judge(calls, { type: 'n.double', params: { n: 2 } }, content, self, options)).toEqual({
      kind: 'call',
      call: { type: 'n.double', params: { n: 2 } },
    });
  });

  it('leaves non-calls and other channels\' calls alone, and refuses names no channel declares', () => {
    expect(judge(calls, 'hi', content, self, options).kind).toBe('ignore');
    expect(judge(calls, { type: 'x.other', params: {} }, page, self, options).kind).toBe('ignore');
    expect(judge(calls, { type: 'n.nope', params: {} }, page, self, options)).toEqual({ kind: 'error', error: 'unknown call "n.nope"' });
    expect(judge(calls, { type: 'n.nope', params: {} }, page, self, { unknown: 'ignore' }).kind).toBe('ignore');
  });

  it('refuses a call from a party its declaration does not name, saying why', () => {
    expect(judge(calls, { type: 'n.secret', params: {} }, content, self, options)).toEqual({
      kind: 'error',
      error: "n.secret: refused, only the extension's pages may ask",
    });
    expect(judge(calls, { type: 'n.report', params: { text: 'a' } }, page, self, options)).toEqual({
      kind: 'error',
      error: 'n.report: refused, only a content script in a tab may report',
    });
    expect(judge(calls, { type: 'n.double', params: { n: 1 } }, stranger, self, options)).toEqual({
      kind: 'error',
      error: 'n.double: refused, sender is not this extension',
    });
  });

  it('names the field of malformed parameters, and runs the receiver\'s deeper check after the declared one', () => {
    expect(judge(calls, { type: 'n.double', params: { n: 'x' } }, content, self, options)).toEqual({
      kind: 'error',
      error: 'n.double: params.n: expected an integer',
    });
    const deeper = { ...options, deeper: { 'n.double': ({ n }: { n: number }) => (n % 2 ? 'odd' : null) } };
    expect(judge(calls, { type: 'n.double', params: { n: 3 } }, content, self, deeper)).toEqual({ kind: 'error', error: 'n.double: odd' });
    expect(judge(calls, { type: 'n.double', params: { n: 4 } }, content, self, deeper).kind).toBe('call');
  });
});

describe('makeReceiver and makeSender', () => {
  const receive = makeReceiver(
    calls,
    {
      'n.double': ({ n }) => n * 2,
      'n.secret': async () => 'kept',
      'n.report': () => {
        throw new Error('disk full');
      },
    },
    { self, unknown: 'ignore' },
  );

  it('answer a call end to end with its handler\'s value, an error as a Result, and leave other messages', async () => {
    const send = makeSender<{ 'n.double': { params: { n: number }; result: number } }>(async (m) => receive(m, content));
    expect(await send('n.double', { n: 21 })).toEqual({ ok: true, value: 42 });
    expect(await receive({ type: 'n.report', params: { text: 'x' } }, content)).toEqual({ ok: false, error: 'n.report: disk full' });
    expect(await receive({ type: 'n.secret', params: {} }, page)).toEqual({ ok: true, value: 'kept' });
    expect(receive({ type: 'x.other', params: {} }, page)).toBeUndefined();
  });
});
