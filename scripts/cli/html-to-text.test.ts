import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities.ts';
import { htmlToText } from './html-to-text.ts';
import { looksLikeHtml } from './input.ts';

describe('htmlToText', () => {
  it('keeps what a reader sees, one line per block', () => {
    const page = readFileSync(new URL('./fixtures/article.html', import.meta.url), 'utf8');
    expect(htmlToText(page)).toBe(
      [
        'Start · Politik',
        'Putin droht Südkorea mit „schweren Konsequenzen“',
        'Wladimir\u00a0Putin hat Nordkoreas Machthaber Kim Jong Un in Pjöngjang besucht.',
        'Der Kreml sprach von einem „historischen“ Tag.',
        'Russlands Präsident schließt nach eigenen Angaben Waffenlieferungen an Nordkorea nicht aus.',
      ].join('\n'),
    );
  });

  it('skips head, scripts and styles even when their text looks like tags', () => {
    expect(htmlToText('<head><title>T</title><body><p>A</p>')).toBe('A');
    expect(htmlToText('<p>A</p><script>if (a<b) document.write("</p>")</script><style>p>b{}</style>B')).toBe('A\nB');
    expect(htmlToText('x<SCRIPT type="t">y</Script >z')).toBe('xz');
  });

  it('treats a stray < as text, and ignores comments and doctypes', () => {
    expect(htmlToText('<!doctype html>a < b <!-- <p>hidden</p> --> c')).toBe('a < b c');
  });

  it('separates table cells and inline runs without joining words', () => {
    expect(htmlToText('<tr><td>Putin</td><td>Kim</td></tr><b>Nord</b><i>korea</i>')).toBe('Putin Kim\nNordkorea');
  });

  it('takes linear time on pathological input', () => {
    const nasty = '<a title="'.repeat(20_000) + '<'.repeat(100_000) + '<script>'.repeat(10_000);
    const started = performance.now();
    htmlToText(nasty);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references, and leaves unknown ones alone', () => {
    expect(decodeEntities('&auml;&#228;&#xE4; &bdquo;x&ldquo; &amp;lt; &nope; &amp')).toBe('äää „x“ &lt; &nope; &');
    expect(decodeEntities('&#0;&#x110000;&#55296;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('looksLikeHtml', () => {
  it('recognises pasted markup but not prose that mentions a bracket', () => {
    expect(looksLikeHtml('  <!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('<p>Putin</p>')).toBe(true);
    expect(looksLikeHtml('<3 Putin')).toBe(false);
    expect(looksLikeHtml('Putin <b>')).toBe(false);
  });
});
