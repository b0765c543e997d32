import { describe, expect, it } from 'vitest';
import { MAX_SCAN, editDistance, nearestKnown, unknownSentence } from './nearestKnown';
import { grammarVocab } from '../tasks/grammar';

describe('nearestKnown', () => {
  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests the closest words of the grammar vocabulary, never a special token', () => {
    expect(nearestKnown('dogz', grammarVocab).slice(0, 2)).toEqual(['dog', 'dogs']);
    expect(nearestKnown('Cats', grammarVocab)[0]).toBe('cats');
    expect(nearestKnown('<zz>', grammarVocab).some((w) => w.startsWith('<'))).toBe(false);
  });
  it('says it in one sentence', () => {
    const s = unknownSentence(['zebra'], grammarVocab, false, 'word');
    expect(s).toMatch(/^This model knows only the \d+ pieces of its vocabulary, so the word “zebra” \(nearest: “[a-z]+”, “[a-z]+”, “[a-z]+”\) was left out\.$/);
    expect(s.split('. ').length).toBe(1);
  });
});

describe('a huge vocabulary', () => {
  it('gets no suggestions rather than an edit distance to every entry (the page must not stall)', () => {
    const vocab = Array.from({ length: MAX_SCAN + 1 }, (_, i) => `w${i}`);
    expect(nearestKnown('w1', vocab)).toEqual([]);
    expect(unknownSentence(['zz'], vocab, false, 'word')).toContain('the word “zz” was left out');
  });
});
