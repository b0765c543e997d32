// The bridge's pure helpers: what is run for the typed text, and the selection kept inside a model.
import { describe, expect, it } from 'vitest';
import { createAtlasStore } from './atlas';
import { clampSelection, defaultMask, exampleText, parseCatalog, runInputOf, tokenizeInput } from './runInput';
import { vocabularyOf } from './tokenize';
import type { ModelInfo } from './types';

const encDec: ModelInfo = {
  name: 'rev',
  arch: 'encoder-decoder',
  config: { arch: 'encoder-decoder', layerNormEps: 1e-5, scaleEmbedding: false, padId: null, vocabSize: 6, dModel: 4, nHeads: 2, dFF: 8, nLayers: 2, nDecoderLayers: 1, maxLen: 8, positional: 'sinusoidal', norm: 'post', activation: 'relu' },
  vocab: ['<pad>', '<bos>', '<eos>', 'a', 'b', 'c'],
  tokenizer: 'char',
};
const noStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

describe('run input', () => {
  it('an encoder-decoder target starts with <bos> (typed or not)', () => {
    const v = vocabularyOf(encDec);
    const a = tokenizeInput({ text: '', src: 'abc', tgt: 'c' }, encDec, v);
    expect(a.kind === 'pair' && a.tgt.tokens.map((t) => t.id)).toEqual([1, 5]);
    const b = tokenizeInput({ text: '', src: 'abc', tgt: '<bos>c' }, encDec, v);
    expect(b.kind === 'pair' && b.tgt.tokens.map((t) => t.id)).toEqual([1, 5]);
    expect(runInputOf(a)).toEqual({ src: [3, 4, 5], tgt: [1, 5] });
    expect(runInputOf(tokenizeInput({ text: '', src: '', tgt: 'a' }, encDec, v))).toBeNull();
  });

  it('default masks, example input, catalog validation', () => {
    expect(defaultMask('encoder-only')).toBe('full');
    expect(defaultMask('decoder-only')).toBe('causal');
    expect(defaultMask('encoder-decoder')).toBe('causal');
    expect(exampleText(encDec)).toBe('abc');
    expect(exampleText(encDec, parseCatalog([{ name: 'rev', arch: 'encoder-decoder', example: 'cab' }]))).toBe('cab');
    expect(parseCatalog({ models: [{ name: 'ok', arch: 'encoder-only' }, { name: '<b>' }, 7, { title: 'no name' }] })).toEqual([
      { name: 'ok', title: 'ok', arch: 'encoder-only', description: '' },
    ]);
    expect(parseCatalog('nonsense')).toEqual([]);
  });

  it('keeps layer, head, stack and attention inside the model', () => {
    const s = createAtlasStore(noStorage).getState();
    expect(clampSelection({ ...s, stack: 'decoder', layer: 1, head: 3, attention: 'crossAttention' }, encDec)).toEqual({ layer: 0, head: 1 });
    expect(clampSelection({ ...s, stack: 'decoder', attention: 'crossAttention' }, { ...encDec, arch: 'encoder-only' })).toEqual({
      stack: 'encoder',
      attention: 'selfAttention',
    });
  });
});
