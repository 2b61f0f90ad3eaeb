import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../../shared/kb/types.ts';
import { describeSpan } from '../../shared/anchor/describe.ts';
import { fromWebAnnotation, toWebAnnotation } from '../../shared/userdata/web-annotation.ts';
import { DEFAULT_SETTINGS, type ExportFile } from '../../shared/userdata/types.ts';
import { importError } from './import-check.ts';

const kb = JSON.parse(readFileSync(new URL('../../dist/kb.json', import.meta.url), 'utf8')) as KnowledgeBase;
const PAGE = 'Putin drohte am Mittwoch mit Waffenlieferungen an Nordkorea. Seoul protestierte.';

function sample(): ExportFile {
  const claim = kb.claims[0]!;
  return {
    format: 'crossread-export',
    formatVersion: 1,
    exported: '2024-06-21T10:00:00.000Z',
    kb: structuredClone(kb),
    user: {
      annotations: [
        { id: 1, url: 'https://news.example/a', title: 'A', created: 1718900000123, modified: 1718900000456, selectors: describeSpan(PAGE, 0, 12), note: 'Wörtlich?' },
        { id: 7, url: 'https://news.example/a', title: 'A', created: 1718900001000, modified: 1718900001000, selectors: describeSpan(PAGE, 13, 40), note: '', claimId: claim.id },
        { id: 9, url: 'https://news.example/b', title: '', created: 1718900002000, modified: 1718900003000, selectors: describeSpan(PAGE, 41, 60), note: 'both', claimId: 'user-1' },
      ],
      claims: [{ id: 'user-1', statement: 'Seoul protested', speaker: 'south-korea', about: ['russia'], created: 1718900002000 }],
      sources: [
        { id: 'page:https://news.example/a', url: 'https://news.example/a', title: 'A', date: '2024-06-20', lang: 'de' },
        { id: 'article:abc', title: 'Pasted', date: '2024-06-21', text: PAGE },
      ],
      occurrences: [
        { claimId: claim.id, sourceId: 'page:https://news.example/a', selector: describeSpan(PAGE, 13, 40), confirmed: false, recorded: 1718900000999 },
        { claimId: 'user-1', sourceId: 'article:abc', selector: describeSpan(PAGE, 41, 60), confirmed: true, recorded: 1718900004000 },
      ],
      settings: { ...DEFAULT_SETTINGS, disabledSites: ['example.org'] },
    },
  };
}

describe('import validation', () => {
  it('accepts a full export', () => {
    expect(importError(sample())).toBeNull();
  });

  it('accepts rejected passages, and an export made before they existed', () => {
    const withRejections = sample();
    withRejections.user.rejections = [{ url: 'https://news.example/a', claimId: kb.claims[0]!.id, quote: 'Seoul protestierte.', created: 1718900005000 }];
    expect(importError(withRejections)).toBeNull();
    const older = sample();
    delete older.user.rejections;
    expect('rejections' in older.user).toBe(false);
    expect(importError(older)).toBeNull();
  });

  it.each([
    ['not an object', () => 'hello', 'file: expected an object'],
    ['another format', () => ({ ...sample(), format: 'other' }), 'file.format: expected one of "crossread-export"'],
    ['a missing table', () => ({ ...sample(), user: { ...sample().user, claims: undefined } }), 'file.user.claims: expected an array'],
    ['an unknown field', () => ({ ...sample(), extra: 1 }), 'file.extra: unexpected field'],
    ['an oversized note', () => {
      const f = sample();
      f.user.annotations[0]!.note = 'x'.repeat(100_001);
      return f;
    }, 'file.user.annotations[0].note: longer than 100000 characters'],
    ['a quote that does not fit its position', () => {
      const f = sample();
      f.user.annotations[0]!.selectors[1].end += 3;
      return f;
    }, 'file.user.annotations[0].selectors: position does not span the quote'],
    ['a duplicate id', () => {
      const f = sample();
      f.user.annotations[1]!.id = 1;
      return f;
    }, 'user.annotations: id 1 appears twice'],
    ['a dangling claim', () => {
      const f = sample();
      f.user.annotations[1]!.claimId = 'no-such-claim';
      return f;
    }, 'user.annotations[1].claimId: no claim "no-such-claim"'],
    ['a user claim named like a KB claim', () => {
      const f = sample();
      f.user.claims[0]!.id = 'claim-1';
      f.user.annotations[2]!.claimId = 'claim-1';
      f.user.occurrences[1]!.claimId = 'claim-1';
      return f;
    }, 'user.claims: id "claim-1" must start with "user-"'],
    ['a rejection without its passage', () => {
      const f = sample();
      f.user.rejections = [{ url: 'https://news.example/a', claimId: 'x', quote: '', created: 1 }];
      return f;
    }, 'file.user.rejections[0].quote'],
    ['the same rejection twice', () => {
      const f = sample();
      const r = { url: 'https://news.example/a', claimId: 'x', quote: 'Seoul protestierte.', created: 1 };
      f.user.rejections = [r, { ...r, created: 2 }];
      return f;
    }, 'user.rejections: id'],
    ['an entity of an unknown type', () => {
      const f = sample();
      (f.kb.entities[0] as { type: string }).type = 'planet';
      return f;
    }, 'file.kb.entities[0].type: expected one of'],
  ])('refuses %s with a message naming the field', (_what, make, message) => {
    expect(importError(make())).toContain(message);
  });
});

describe('Web Annotation JSON-LD', () => {
  it('maps notes and claim marks to Annotations with W3C selectors', () => {
    const ld = toWebAnnotation(sample()) as { type: string; first: { items: Array<Record<string, unknown>> } };
    expect(ld.type).toBe('AnnotationCollection');
    const [note, mark] = ld.first.items;
    expect(note).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      body: [{ type: 'TextualBody', value: 'Wörtlich?' }],
      target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector', start: 0, end: 12 }] },
    });
    expect(mark).toMatchObject({ motivation: 'identifying', body: [{ type: 'SpecificResource', source: `urn:crossread:claim:${kb.claims[0]!.id}` }] });
  });

  it('round-trips without loss, through JSON text too', () => {
    const original = sample();
    original.user.rejections = [{ url: 'https://news.example/a', claimId: kb.claims[0]!.id, quote: 'Seoul protestierte.', created: 1718900005000 }];
    const back = fromWebAnnotation(JSON.parse(JSON.stringify(toWebAnnotation(original))));
    expect(back).toEqual(original);
    expect(importError(back)).toBeNull();
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(original)));
  });

  it('refuses a document that is not a Crossread collection', () => {
    expect(() => fromWebAnnotation({ type: 'Annotation' })).toThrow(/not an AnnotationCollection/);
    expect(() => fromWebAnnotation({ type: 'AnnotationCollection', first: { items: [{ type: 'Annotation', id: 'x', body: [] }] } })).toThrow(/cr:claims is missing/);
  });
});

describe('storage errors', () => {
  it('says so when the disk is full or IndexedDB cannot open', async () => {
    const { describeStorageError } = await import('./handlers.ts');
    expect(describeStorageError({ name: 'AbortError', message: 'x', inner: { name: 'QuotaExceededError' } })).toMatch(/disk is full/);
    expect(describeStorageError({ name: 'OpenFailedError', message: 'x' })).toMatch(/IndexedDB\) is unavailable/);
    expect(describeStorageError(new Error('plain'))).toBe('plain');
  });
});
