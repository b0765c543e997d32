// Tokenization from the model file's metadata: char and word vocabularies, <unk>, typed special
// tokens, <bos> prepended, and over-long input cut with a count.
import { describe, expect, it } from 'vitest';
import { splitPieces } from '../model/tokenizer';
import { detokenize, tokenize, vocabularyFromIndex, vocabularyOf } from './tokenize';
import { buildVocabIndex } from '../worker/vocabIndex';
import type { ModelInfo } from './types';

const cfg = (maxLen: number) => ({ vocabSize: 0, dModel: 4, nHeads: 2, dFF: 8, nLayers: 1, maxLen, positional: 'sinusoidal', norm: 'post', activation: 'relu' });
const charModel = { vocab: ['<pad>', '<bos>', '<eos>', 'a', 'b', 'c', ' '], tokenizer: 'char', config: cfg(5) } as Pick<ModelInfo, 'vocab' | 'tokenizer' | 'config'>;
const wordModel = { vocab: ['<pad>', '<unk>', 'the', 'cat', 'sat', '<mask>'], tokenizer: 'word', config: cfg(16) } as Pick<ModelInfo, 'vocab' | 'tokenizer' | 'config'>;

describe('tokenize', () => {
  it('character level, with typed special tokens kept whole', () => {
    expect(splitPieces(vocabularyOf(charModel).tokenizer, 'ab<eos>c<x>')).toEqual(['a', 'b', '<eos>', 'c', '<', 'x', '>']);
    const t = tokenize('ab c', charModel);
    expect(t.tokens.map((x) => x.id)).toEqual([3, 4, 6, 5]);
    expect(t).toMatchObject({ dropped: 0, unknown: 0 });
  });

  it('word level: lower-case fallback, <unk> for unknown words, <mask> typed literally', () => {
    const t = tokenize('The  dog <mask> sat', wordModel);
    expect(t.tokens.map((x) => [x.text, x.id])).toEqual([
      ['The', 2],
      ['dog', 1],
      ['<mask>', 5],
      ['sat', 4],
    ]);
    expect(t.unknown).toBe(1);
  });

  it('without <unk>, unknown pieces are left out and counted', () => {
    const t = tokenize('abz', charModel);
    expect(t.tokens.map((x) => x.id)).toEqual([3, 4]);
    expect(t.unknown).toBe(1);
  });

  it('prepends <bos> and cuts to maxLen, counting what was dropped', () => {
    const v = vocabularyOf(charModel);
    const t = tokenize('abcabc', charModel, v, [v.bos!]);
    expect(t.tokens.map((x) => x.id)).toEqual([1, 3, 4, 5, 3]);
    expect(t.dropped).toBe(2);
  });

  it('detokenizes by joining pieces', () => {
    expect(detokenize([3, 6, 4], vocabularyOf(charModel))).toBe('a b');
    expect(detokenize([2, 3], vocabularyOf(wordModel))).toBe('the cat');
  });
});

describe('vocabularyFromIndex', () => {
  it('answers exactly as vocabularyOf, from the worker-built index', () => {
    const vocab = ['<pad>', '<unk>', '<bos>', '<eos>', ...Array.from({ length: 60_000 }, (_, i) => `w${i % 50_000}`)]; // repeats: first id wins
    const info = { vocab, tokenizer: 'word' as const };
    const indexed = vocabularyFromIndex(info, buildVocabIndex(vocab));
    const whole = vocabularyOf(info);
    expect(indexed.tokenizer.special).toEqual(whole.tokenizer.special);
    expect([indexed.unk, indexed.bos, indexed.eos, indexed.pad]).toEqual([1, 2, 3, 0]);
    for (const piece of ['w0', 'w5', 'w49999', '<eos>', 'nope', '', 'W5']) expect(indexed.tokenizer.idOf.get(piece), piece).toBe(whole.tokenizer.idOf.get(piece));
    expect(indexed.tokenizer.idOf.size).toBe(whole.tokenizer.idOf.size);
    expect([...indexed.tokenizer.idOf.entries()].slice(0, 6)).toEqual([...whole.tokenizer.idOf.entries()].slice(0, 6));
    const bigInfo = { ...info, config: { maxLen: 8 } } as unknown as ModelInfo;
    expect(tokenize('w1 w2 zzz', bigInfo, indexed)).toEqual(tokenize('w1 w2 zzz', bigInfo, whole));
  });
});
