import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.ts';

describe('parseArgs', () => {
  it('reads flags, valued options in both spellings, and one input', () => {
    expect(parseArgs(['--json', '--exclude-source', 'a1', '--kb=dist/kb.json', 'page.html'])).toEqual({
      json: true,
      excludeSource: 'a1',
      kbPath: 'dist/kb.json',
      input: 'page.html',
      read: [],
    });
    expect(parseArgs(['-'])).toEqual({ json: false, excludeSource: undefined, kbPath: undefined, input: '-', read: [] });
    expect(parseArgs(['--', '--odd-name.txt']).input).toBe('--odd-name.txt');
  });

  it('collects every --read in order, in both spellings', () => {
    expect(parseArgs(['--read', 'a.txt', '--json', '--read=b.html', 'page.txt'])).toMatchObject({
      read: ['a.txt', 'b.html'],
      input: 'page.txt',
      json: true,
    });
    expect(() => parseArgs(['--read', '-', 'page.txt'])).toThrow(UsageError);
    expect(() => parseArgs(['page.txt', '--read'])).toThrow(new UsageError('--read needs a value'));
  });

  it('rejects unknown options, missing values and a wrong number of inputs', () => {
    expect(() => parseArgs(['--jsn', 'a.txt'])).toThrow(new UsageError('unknown option --jsn'));
    expect(() => parseArgs(['a.txt', '--exclude-source'])).toThrow(new UsageError('--exclude-source needs a value'));
    expect(() => parseArgs(['--kb=', 'a.txt'])).toThrow(new UsageError('--kb needs a value'));
    expect(() => parseArgs(['--json'])).toThrow(new UsageError('no input given'));
    expect(() => parseArgs(['a.txt', 'b.txt'])).toThrow(new UsageError('give exactly one input'));
  });
});
