import { describe, expect, it } from 'vitest';
import { isWebUrl, passageLink, readerPath } from './links.ts';

describe('passageLink', () => {
  it('opens a source without URL in the reader, at the claim', () => {
    expect(passageLink({ id: '000_a' }, 'Pakt', 'pact-signed')).toEqual({
      kind: 'reader',
      href: 'reader/reader.html?source=000_a&claim=pact-signed',
    });
  });

  it('opens a web source at the quote', () => {
    expect(passageLink({ id: 'x', url: 'https://example.org/n' }, 'Pakt', 'c')).toEqual({
      kind: 'web',
      href: 'https://example.org/n#:~:text=Pakt',
    });
  });

  it('never links a script URL', () => {
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(passageLink({ id: 'x', url: 'javascript:alert(1)' }, 'q').kind).toBe('reader');
  });

  it('encodes ids in the reader path', () => {
    expect(readerPath('a&b')).toBe('reader/reader.html?source=a%26b');
  });
});
