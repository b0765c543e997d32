// The three tokenizer kinds from tokenizer.json, on the fixtures' tokenizers: real pieces for the
// chips (Ġdog, ##ning, ▁the), special tokens marked, named special ids, and bad files refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHfTokenizer } from './hf';

const dir = join(import.meta.dirname, '..', 'hf', 'fixtures');
const load = (name: string) =>
  createHfTokenizer(
    readFileSync(join(dir, name, 'tokenizer.json'), 'utf8'),
    readFileSync(join(dir, name, 'tokenizer_config.json'), 'utf8'),
    readFileSync(join(dir, name, 'special_tokens_map.json'), 'utf8'),
  );

describe('tokenizers from tokenizer.json', () => {
  it('byte-level BPE (GPT-2): Ġ pieces, <|endoftext|> special', () => {
    const t = load('gpt2-f32');
    expect(t.kind).toBe('BPE');
    const e = t.encode('The dog saw<|endoftext|>');
    expect(e.pieces).toEqual(['The', 'Ġdog', 'Ġsaw', '<|endoftext|>']);
    expect(e.special).toEqual([false, false, false, true]);
    expect(t.special.eos_token).toBe(288);
  });

  it('WordPiece (BERT): lower-cased, ## continuations, [CLS] … [SEP] added and marked special', () => {
    const t = load('bert-f32');
    expect(t.kind).toBe('WordPiece');
    const e = t.encode('The dog is RUNNING [MASK]');
    expect(e.pieces).toEqual(['[CLS]', 'the', 'dog', 'is', 'run', '##ning', '[MASK]', '[SEP]']);
    expect(e.special).toEqual([true, false, false, false, false, false, true, true]);
    expect(t.special.mask_token).toBe(4);
    expect(t.encode('the', { addSpecialTokens: false }).pieces).toEqual(['the']);
  });

  it('Unigram (Marian): ▁ pieces and </s> at the end', () => {
    const t = load('marian-f32');
    expect(t.kind).toBe('Unigram');
    const e = t.encode('the dog saw a cat.');
    expect(e.pieces).toEqual(['▁the', '▁dog', '▁saw', '▁a', '▁cat', '.', '</s>']);
    expect(e.special.at(-1)).toBe(true);
    expect(t.decode(e.ids, { skipSpecial: true })).toBe('the dog saw a cat.');
    expect(t.special.pad_token).toBe(47);
  });

  it('refuses what cannot make a tokenizer, in one sentence', () => {
    expect(() => createHfTokenizer('{')).toThrow(/^tokenizer\.json is not valid JSON$/);
    expect(() => createHfTokenizer('{"version":"1.0"}')).toThrow(
      /tokenizer\.json has no "model" with a vocabulary/,
    );
    expect(() => createHfTokenizer('{"model":{"type":"WordLevel","vocab":{"a":0}}}')).toThrow(
      /tokenizer\.json uses a WordLevel model, which is not supported yet/,
    );
  });
});
