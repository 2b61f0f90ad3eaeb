import { describe, expect, it } from 'vitest';
import { describeStorageError } from './handlers.ts';

describe('describeStorageError', () => {
  it("finds a QuotaExceededError among a Dexie BulkError's failures", () => {
    const bulk = { name: 'BulkError', message: '1 of 121 operations failed', failures: [{ name: 'QuotaExceededError' }] };
    expect(describeStorageError(bulk)).toBe('the disk is full (storage quota exceeded); nothing was saved');
    const byPosition = { name: 'AbortError', inner: { name: 'BulkError', failures: { 120: { name: 'QuotaExceededError' } } } };
    expect(describeStorageError(byPosition)).toMatch(/disk is full/);
  });

  it('names a blocked upgrade', () => {
    expect(describeStorageError({ name: 'DatabaseBlockedError', message: 'x' })).toMatch(/another connection blocks it/);
  });

  it('stops on cycles and keeps other messages', () => {
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(describeStorageError(loop)).toBe('[object Object]');
    expect(describeStorageError(new Error('plain'))).toBe('plain');
  });
});
