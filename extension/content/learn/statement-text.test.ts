import { describe, expect, it } from 'vitest';
import { TextMapBuilder } from '../extract/text-map.ts';
import { blankPieces } from './statement-text.ts';

function mapOf(pieces: Array<[string, string]>) {
  const b = new TextMapBuilder<string>();
  for (const [node, text] of pieces) {
    b.addText(node, text);
    b.addBreak();
  }
  return b.finish();
}

describe('blankPieces', () => {
  it('blanks the dropped pieces and keeps every other offset', () => {
    const map = mapOf([
      ['p1', 'Hallgren said the line stays closed.'],
      ['caption', 'Crews pump fertiliser out of the river.'],
      ['p2', 'Okafor said the track was repaired.'],
    ]);
    const text = blankPieces(map, (n) => n === 'caption');
    expect(text).toHaveLength(map.text.length);
    expect(text).not.toContain('fertiliser');
    expect(text.indexOf('Okafor said')).toBe(map.text.indexOf('Okafor said'));
    expect(text.slice(map.starts[1], map.ends[1]).trim()).toBe('');
  });

  it('returns the text unchanged when nothing is dropped', () => {
    const map = mapOf([['p1', 'One sentence here.']]);
    expect(blankPieces(map, () => false)).toBe(map.text);
  });
});
