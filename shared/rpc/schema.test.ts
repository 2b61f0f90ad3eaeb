import { describe, expect, it } from 'vitest';
import { obj, optional, str } from './schema.ts';

describe('obj', () => {
  const check = obj({ name: str(10), note: optional(str(10)) });

  it('refuses keys named like members of Object.prototype, as own fields of the value', () => {
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      const value = JSON.parse(`{"name":"a",${JSON.stringify(key)}:{"polluted":true}}`) as unknown;
      expect(check(value, 'params')).toBe(`params.${key}: unexpected field`);
    }
  });

  it('does not take a required field from the prototype chain', () => {
    const proto = { name: 'inherited' };
    expect(check(Object.create(proto), 'params')).toBe('params.name: missing');
  });

  it('accepts exactly the declared fields', () => {
    expect(check({ name: 'a' }, 'params')).toBeNull();
    expect(check({ name: 'a', note: 'b' }, 'params')).toBeNull();
  });
});
