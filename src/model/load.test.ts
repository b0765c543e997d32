// Loading models: config defaults and rules (each refusal names the field), missing and misshaped
// tensors named with expected and found shapes, and save → load giving the same model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type ModelConfig } from './config';
import { ModelFileError } from './errors';
import { forward } from './forward';
import { initModel } from './init';
import { loadModel, parameterCount, saveModel } from './load';
import { readSafetensors, writeSafetensors } from './safetensors';

const base = {
  arch: 'encoder-decoder',
  vocabSize: 11,
  dModel: 8,
  nHeads: 2,
  dFF: 16,
  nLayers: 1,
  nDecoderLayers: 2,
  maxLen: 16,
  positional: 'sinusoidal',
  norm: 'post',
  activation: 'relu',
};
const fixture = join(import.meta.dirname, 'golden', 'decoder_learned_pre_gelu_causal.safetensors');
const fixtureFile = () => readSafetensors(new Uint8Array(readFileSync(fixture)));

/** The fixture file with its tensors or metadata edited. */
function edited(edit: (f: ReturnType<typeof fixtureFile>) => void): Uint8Array {
  const f = fixtureFile();
  edit(f);
  return writeSafetensors(f.tensors, f.metadata);
}

describe('config', () => {
  it('applies the defaults', () => {
    const c = parseConfig(base);
    expect(c.layerNormEps).toBe(1e-5);
    expect(c.scaleEmbedding).toBe(false);
    expect(c.padId).toBeNull();
  });

  const bad: [Record<string, unknown>, RegExp][] = [
    [{ arch: 'rnn' }, /"arch" must be one of/],
    [{ vocabSize: 0 }, /"vocabSize" must be a positive integer/],
    [{ dModel: 8.5 }, /"dModel" must be a positive integer/],
    [{ dFF: '16' }, /"dFF" must be a positive integer/],
    [{ nHeads: 3 }, /"nHeads" must divide "dModel" \(dModel 8, nHeads 3\)/],
    [{ nDecoderLayers: undefined }, /"nDecoderLayers" must be a positive integer/],
    [{ positional: 'alibi' }, /"positional" must be one of/],
    [{ norm: 'sandwich' }, /"norm" must be one of/],
    [{ activation: 'swish' }, /"activation" must be one of/],
    [{ dModel: 7, nHeads: 1, positional: 'sinusoidal' }, /"dModel" must be even for sinusoidal/],
    [{ dModel: 6, nHeads: 2, positional: 'rope' }, /even dHead for RoPE/],
    [{ layerNormEps: -1 }, /"layerNormEps" must be a positive number/],
    [{ scaleEmbedding: 'yes' }, /"scaleEmbedding" must be true or false/],
    [{ padId: 11 }, /"padId" must be null or an integer in \[0, vocabSize\)/],
    [{ maxLen: null }, /"maxLen" must be a positive integer/],
  ];
  for (const [change, message] of bad)
    it(`refuses ${JSON.stringify(change)}`, () => {
      expect(() => parseConfig({ ...base, ...change })).toThrow(ModelFileError);
      expect(() => parseConfig({ ...base, ...change })).toThrow(message);
    });
  it('refuses a config that is not an object', () =>
    expect(() => parseConfig([1])).toThrow(/invalid config: must be a JSON object/));
});

describe('loadModel', () => {
  it('loads a golden model with its vocabulary', () => {
    const model = loadModel(new Uint8Array(readFileSync(fixture)));
    expect(model.config.arch).toBe('decoder-only');
    expect(model.vocab?.[4]).toBe('t4');
    expect(model.weights.decoder?.layers).toHaveLength(2);
    expect(model.weights.decoder?.norm).toBeDefined();
    // embed 11·8, pos 16·8, per layer (24·8+24 + 8·8+8 + 16·8+16 + 8·16+8 + 4·8), final norm 16, lm_head 11·8+11
    expect(parameterCount(model)).toBe(88 + 128 + 2 * (216 + 72 + 144 + 136 + 32) + 16 + 99);
  });

  it('names a missing tensor and its expected shape', () =>
    expect(() =>
      loadModel(edited((f) => f.tensors.delete('decoder.layers.0.self_attn.in_proj_weight'))),
    ).toThrow(/missing tensor decoder\.layers\.0\.self_attn\.in_proj_weight \(expected shape \[24, 8\]\)/));

  it('names a misshaped tensor with expected and found shapes', () =>
    expect(() =>
      loadModel(
        edited((f) => f.tensors.set('lm_head.weight', { data: new Float32Array(80), shape: [10, 8] })),
      ),
    ).toThrow(/tensor lm_head\.weight has shape \[10, 8\], expected \[11, 8\]/));

  it('refuses missing, non-JSON and invalid configs, and a bad vocabulary or tokenizer', () => {
    expect(() => loadModel(edited((f) => delete f.metadata.config))).toThrow(
      /__metadata__\.config is missing/,
    );
    expect(() => loadModel(edited((f) => (f.metadata.config = '{arch:')))).toThrow(
      /__metadata__\.config is not valid JSON/,
    );
    expect(() =>
      loadModel(edited((f) => (f.metadata.config = f.metadata.config.replace('"nHeads": 2', '"nHeads": 3')))),
    ).toThrow(/invalid config: "nHeads" must divide "dModel"/);
    expect(() => loadModel(edited((f) => (f.metadata.vocab = '["a"]')))).toThrow(
      /vocab has 1 entries, but config\.vocabSize is 11/,
    );
    expect(() => loadModel(edited((f) => (f.metadata.tokenizer = 'bpe')))).toThrow(
      /tokenizer must be "char" or "word"/,
    );
  });

  it('ignores extra tensors; a missing lm_head.bias is zero; a half final norm is no final norm', () => {
    const model = loadModel(
      edited((f) => {
        f.tensors.set('something.else', { data: new Float32Array(2), shape: [2] });
        f.tensors.delete('lm_head.bias');
        f.tensors.delete('decoder.norm.bias');
      }),
    );
    expect(model.weights.lmHead.bias.data.every((v) => v === 0)).toBe(true);
    expect(model.weights.decoder?.norm).toBeUndefined();
  });

  it('save → load gives the same model and the same run', () => {
    const config: ModelConfig = { ...parseConfig({ ...base, positional: 'learned', padId: 0 }) };
    const model = initModel(config, {
      seed: 5,
      std: 0.3,
      vocab: Array.from({ length: 11 }, (_, i) => `w${i}`),
      tokenizer: 'word',
    });
    const again = loadModel(saveModel(model));
    expect(again.config).toEqual(model.config);
    expect(again.vocab).toEqual(model.vocab);
    expect(again.tokenizer).toBe('word');
    const input = { src: [1, 2, 3, 0], tgt: [4, 5] };
    expect(forward(again, input).logits).toEqual(forward(model, input).logits);
  });
});
