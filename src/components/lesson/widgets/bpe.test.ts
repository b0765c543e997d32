import { describe, expect, it } from 'vitest';
import { BPE_CORPUS, END, learnMerges, mergePair, segmentSteps } from './bpe';

describe('byte-pair encoding', () => {
  it('merges the most frequent adjacent pair first', () => {
    // "ab" occurs 3 times, "bc" twice
    const merges = learnMerges('ab ab abc bc', 1);
    expect(merges).toEqual([['a', 'b']]);
  });
  it('joins pairs left to right without overlap', () => {
    expect(mergePair(['a', 'a', 'a'], 'a', 'a')).toEqual(['aa', 'a']);
  });
  it('cuts a frequent word into fewer pieces than a rare one, and never fails on a new word', () => {
    const merges = learnMerges(BPE_CORPUS, 120);
    const last = (w: string) => segmentSteps(w, merges).at(-1)!.pieces;
    expect(last('reading').length).toBeLessThan(last('zyxquv').length);
    expect(last('unreadable')).toEqual(['un', 'read', `able${END}`]);
    expect(last('zyxquv').join('')).toBe(`zyxquv${END}`); // pieces always spell the word
    expect(last('rereading').join('')).toBe(`rereading${END}`);
  });
});
