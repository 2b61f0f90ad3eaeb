import { describe, expect, it } from 'vitest';
import { articleTextLength, isCreditLine, isPlainInline, linkDensity } from './filter.ts';

/** An element as isPlainInline sees it: a tag and attribute names. */
function el(tagName: string, ...names: string[]): Pick<Element, 'tagName' | 'attributes'> {
  return { tagName, attributes: names.map((name) => ({ name })) as unknown as NamedNodeMap };
}

describe('isPlainInline', () => {
  it('takes bare phrasing elements and links as shown with their parent', () => {
    expect(isPlainInline(el('SPAN'))).toBe(true);
    expect(isPlainInline(el('A', 'href', 'title'))).toBe(true);
  });

  it('asks the browser for anything a style sheet or script could hide', () => {
    for (const name of ['class', 'id', 'style', 'hidden', 'data-state', 'aria-hidden', 'contenteditable']) {
      expect(isPlainInline(el('SPAN', name))).toBe(false);
    }
  });

  it('asks for blocks and for elements hidden or special by default', () => {
    for (const tag of ['P', 'DIV', 'LI', 'DETAILS', 'DIALOG', 'SUMMARY', 'RP', 'DATALIST', 'svg']) expect(isPlainInline(el(tag))).toBe(false);
  });
});

describe('credit and copyright lines', () => {
  it('knows credit lines in German and English', () => {
    for (const line of ['Foto: Michael Kappeler/dpa', 'Photo: Kim Hong-Ji / Reuters', '© 2024 Zeitung GmbH', 'Copyright AFP', ' Bild: KCNA via AP', 'Fotos: imago']) {
      expect(isCreditLine(line), line).toBe(true);
    }
  });
  it('leaves article sentences alone, also long ones that start like a credit', () => {
    for (const line of ['Putin traf Kim Jong Un in Pjöngjang.', 'Fotograf Kim sagte, er habe nichts gesehen.', `Bild: ${'x'.repeat(300)}`]) {
      expect(isCreditLine(line), line).toBe(false);
    }
  });
  it('cuts a caption before its closing credit and keeps the caption', () => {
    const caption = 'Kim Jong Un empfängt Wladimir Putin in Pjöngjang. Foto: Gavriil Grigorov/dpa';
    expect(caption.slice(0, articleTextLength(caption, true))).toBe('Kim Jong Un empfängt Wladimir Putin in Pjöngjang.');
    const english = 'Kim Jong Un greets Vladimir Putin | Photo: Reuters';
    expect(english.slice(0, articleTextLength(english, true)).trim()).toBe('Kim Jong Un greets Vladimir Putin');
  });
  it('reads a caption without credit whole, and cuts nothing outside captions', () => {
    const caption = 'Russland und Nordkorea haben einen Pakt unterzeichnet.';
    expect(articleTextLength(caption, true)).toBe(caption.length);
    const text = 'Er sagte: Foto: das ist kein Beweis.';
    expect(articleTextLength(text, false)).toBe(text.length);
    expect(articleTextLength('Foto: Michael Kappeler/dpa', false)).toBe(0);
  });
});

describe('linkDensity', () => {
  it('is the share of link text', () => {
    expect(linkDensity(100, 80)).toBe(0.8);
    expect(linkDensity(0, 0)).toBe(0);
  });
});
