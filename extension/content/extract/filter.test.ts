import { describe, expect, it } from 'vitest';
import { isPlainInline } from './filter.ts';

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
