// The tokenizer: char and word level from the model's vocabulary, <unk> for unknown pieces,
// special tokens kept whole, <bos>/<eos> when present, truncation reported, decode inverting encode.
import { describe, expect, it } from 'vitest';
import { createTokenizer, decode, encode } from './tokenizer';

const charVocab = ['<pad>', '<unk>', '<bos>', '<eos>', '<mask>', 'a', 'b', 'c', ' '];
const wordVocab = ['<pad>', 't1', 't2', 't3', 't10'];

describe('tokenizer', () => {
  it('char level: one piece per character, <unk> for the unknown', () => {
    const tok = createTokenizer({ vocab: charVocab, tokenizer: 'char' });
    const e = encode(tok, 'ab cz');
    expect(e.pieces).toEqual(['a', 'b', ' ', 'c', 'z']);
    expect(e.ids).toEqual([5, 6, 8, 7, 1]);
    expect(e.unknown).toEqual([false, false, false, false, true]);
    expect(e.truncated).toBe(false);
    expect(decode(tok, e.ids)).toBe('ab c<unk>');
  });

  it('keeps special tokens whole, adds <bos>/<eos> on request, skips specials on decode', () => {
    const tok = createTokenizer({ vocab: charVocab });
    expect(tok.kind).toBe('char'); // inferred: all plain entries are single characters
    expect(tok.special).toEqual({ pad: 0, unk: 1, bos: 2, eos: 3, mask: 4 });
    const e = encode(tok, 'a<mask>b', { bos: true, eos: true });
    expect(e.pieces).toEqual(['<bos>', 'a', '<mask>', 'b', '<eos>']);
    expect(e.ids).toEqual([2, 5, 4, 6, 3]);
    expect(decode(tok, e.ids, { skipSpecial: true })).toBe('ab');
  });

  it('word level: split on whitespace; no <unk> in the vocabulary means unknown words are refused', () => {
    const tok = createTokenizer({ vocab: wordVocab });
    expect(tok.kind).toBe('word');
    const e = encode(tok, '  t1 t3\n t10 ');
    expect(e.ids).toEqual([1, 3, 4]);
    expect(decode(tok, e.ids)).toBe('t1 t3 t10');
    expect(() => encode(tok, 't1 t4')).toThrow(/"t4" is not in the vocabulary, which has no <unk>/);
    expect(encode(tok, 't1', { bos: true }).ids).toEqual([1]); // no <bos> in this vocabulary
  });

  it('word level: punctuation comes off words that are not in the vocabulary', () => {
    const tok = createTokenizer({ vocab: ['<unk>', 'the', 'cat', 'sat', '.', ',', 'well-known'] });
    const e = encode(tok, 'the cat, sat. well-known dog!');
    expect(e.pieces).toEqual(['the', 'cat', ',', 'sat', '.', 'well-known', 'dog', '!']);
    expect(e.ids).toEqual([1, 2, 5, 3, 4, 6, 0, 0]);
    expect(e.unknown).toEqual([false, false, false, false, false, false, true, true]);
  });

  it('reports text over maxLen instead of cutting silently', () => {
    const tok = createTokenizer({ vocab: charVocab });
    const e = encode(tok, 'abcabc', { maxLen: 4 });
    expect(e.truncated).toBe(true);
    expect(e.length).toBe(6);
    expect(e.ids).toEqual([5, 6, 7, 5]);
    expect(e.pieces).toHaveLength(4);
    expect(encode(tok, 'abca', { maxLen: 4 }).truncated).toBe(false);
  });

  it('pads with <pad> up to padTo (never past maxLen), when the vocabulary has it', () => {
    const tok = createTokenizer({ vocab: charVocab });
    const e = encode(tok, 'ab', { eos: true, padTo: 5 });
    expect(e.ids).toEqual([5, 6, 3, 0, 0]);
    expect(e.pieces).toEqual(['a', 'b', '<eos>', '<pad>', '<pad>']);
    expect(e.length).toBe(3);
    expect(encode(tok, 'ab', { padTo: 6, maxLen: 4 }).ids).toHaveLength(4);
    expect(encode(createTokenizer({ vocab: ['a', 'b'] }), 'ab', { padTo: 4 }).ids).toEqual([0, 1]);
  });

  it('refuses a model without a vocabulary and ids outside it', () => {
    expect(() => createTokenizer({})).toThrow(/no vocabulary/);
    expect(() => decode(createTokenizer({ vocab: wordVocab }), [7])).toThrow(/outside the vocabulary/);
  });
});
