import { describe, expect, it } from 'vitest';
import { thirdPartyAt } from './lint.ts';

describe('thirdPartyAt', () => {
  const bundle = [
    '  // node_modules/preact/dist/preact.module.js',
    '  a.innerHTML = x;',
    '  // extension/sidebar/App.tsx',
    '  b.innerHTML = y;',
    '  // node_modules/@scope/pkg/index.js',
    '  c.innerHTML = z;',
  ].join('\n');

  it('names the bundled package a line belongs to', () => {
    expect(thirdPartyAt(bundle, 2)).toBe('preact');
    expect(thirdPartyAt(bundle, 6)).toBe('@scope/pkg');
  });

  it('gives null for our own code and for lines before any section', () => {
    expect(thirdPartyAt(bundle, 4)).toBeNull();
    expect(thirdPartyAt('x.innerHTML = y;', 1)).toBeNull();
  });
});
