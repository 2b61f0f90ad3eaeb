import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('ends sentences at full stops, question and exclamation marks before a capital', () => {
    expect(split('Putin reiste ab. Kim blieb. Warum? Darum!')).toEqual(['Putin reiste ab.', 'Kim blieb.', 'Warum?', 'Darum!']);
  });
  it('keeps closing quotes with their sentence and starts a new one at an opening quote', () => {
    expect(split('„Ich schließe das nicht aus.“ „Wir werden reagieren“, sagte er.')).toEqual([
      'Ich schließe das nicht aus.“',
      'Wir werden reagieren“, sagte er.',
    ]);
  });
  it('does not end a sentence at abbreviations, initials or German ordinals', () => {
    expect(split('Laut Dr. Uk Yang haben die U.S. Truppen am 19. Juni reagiert. Neu.')).toEqual([
      'Laut Dr. Uk Yang haben die U.S. Truppen am 19. Juni reagiert.',
      'Neu.',
    ]);
  });
  it('ends a sentence at every line break, so headlines stand alone', () => {
    expect(split('Putin droht Seoul\nDer Kremlchef sagte')).toEqual(['Putin droht Seoul', 'Der Kremlchef sagte']);
  });
  it('does not split numbers with thousands separators', () => {
    expect(split('Es waren 10.000 Container. Mehr nicht.')).toHaveLength(2);
  });
  it('cuts a run of words without punctuation so no sentence grows without bound', () => {
    const text = 'wort '.repeat(1000);
    const sentences = splitSentences(text, tokenize(text));
    expect(sentences.length).toBeGreaterThanOrEqual(7);
    expect(sentences.reduce((n, s) => n + s.last - s.first, 0)).toBe(1000);
  });
});
