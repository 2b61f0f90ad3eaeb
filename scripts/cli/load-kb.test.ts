import { describe, expect, it } from 'vitest';
import { copyFixtureKb, editJson, FIXTURE_KB } from '../kb/fixtures/temp-kb.ts';
import { InputError } from './input.ts';
import { loadKb } from './load-kb.ts';

describe('loadKb', () => {
  it('builds the curated files with no warning when they are clean', () => {
    const { kb, warning } = loadKb(FIXTURE_KB, undefined);
    expect(warning).toBeUndefined();
    expect(kb.claims).toHaveLength(2);
  });

  it('uses the valid entries of broken data, and says so', () => {
    const dir = copyFixtureKb();
    editJson(dir, 'claims.json', (c) => (c[0].occurrences = [{ source: 'beta', quote: 'nicht im Text' }]));
    const { kb, warning } = loadKb(dir, undefined);
    expect(warning).toBe('the curated knowledge has 1 errors (npm run build-kb lists them); using its valid entries');
    expect(kb.claims.map((c) => c.id)).toEqual(['berg-builds-for-next-generation']);
  });

  it('refuses a KB with nothing to match', () => {
    const dir = copyFixtureKb();
    editJson(dir, 'entities.json', (e) => e.splice(0));
    editJson(dir, 'claims.json', (c) => c.splice(0));
    expect(() => loadKb(dir, undefined)).toThrow(new InputError('the knowledge base is empty (no entities and no claims)'));
  });
});
