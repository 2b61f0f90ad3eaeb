import { describe, expect, it } from 'vitest';
import { describeJsonError, findJsonError } from './json-error.ts';

describe('findJsonError', () => {
  it('accepts whatever JSON.parse accepts', () => {
    for (const ok of ['[]', ' {"a": [1, -2.5e3, true, null, "x\\u00e4\\n"]} ', '"s"', '0']) {
      expect(findJsonError(ok)).toBeUndefined();
    }
  });

  it('points at the first error with a reason', () => {
    expect(findJsonError('{"a": 1 "b": 2}')).toEqual({ pos: 8, reason: 'expected "," or "}"' });
    expect(findJsonError('[1, 2,]')).toEqual({ pos: 6, reason: 'trailing comma before "]"' });
    expect(findJsonError("{'a': 1}")).toEqual({ pos: 1, reason: 'expected a double-quoted property name' });
    expect(findJsonError('{"a": "open')).toMatchObject({ pos: 11 });
    expect(findJsonError('[1] 2')).toMatchObject({ pos: 4, reason: 'unexpected text after the end of the JSON value' });
  });

  it('gives line and column counted from 1', () => {
    expect(describeJsonError('[\n  1,\n  x\n]')).toBe('at line 3, column 3: unexpected "x"');
  });
});
