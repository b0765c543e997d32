// Random weights for a config: a model to test, benchmark or start training from. Linear and
// embedding weights ~ N(0, std²) from a seeded generator, biases 0, LayerNorm gain 1 and shift 0.
import type { ModelConfig } from './config';
import { modelFromTensors } from './load';
import type { Model } from './model';
import { createRng, type Rng } from './sample';
import type { Tensor } from './tensor';

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1], so log(u) is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A model with random weights for `config` (and an optional vocabulary). */
export function initModel(
  config: ModelConfig,
  options: { seed?: number; std?: number; vocab?: string[]; tokenizer?: 'char' | 'word' } = {},
): Model {
  const rng = createRng(options.seed ?? 0);
  const std = options.std ?? 0.02;
  const { dModel: d, dFF, vocabSize: V, maxLen } = config;
  const tensors = new Map<string, Tensor>();
  const random = (name: string, shape: number[]) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)); // [...shape]
    for (let i = 0; i < data.length; i++) data[i] = std * normal(rng);
    tensors.set(name, { data, shape });
  };
  const constant = (name: string, shape: number[], value: number) =>
    tensors.set(name, { data: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value), shape }); // [...shape]
  const linear = (p: string, out: number, inp: number) => {
    random(`${p}.weight`, [out, inp]);
    constant(`${p}.bias`, [out], 0);
  };
  const norm = (p: string) => {
    constant(`${p}.weight`, [d], 1);
    constant(`${p}.bias`, [d], 0);
  };
  const attention = (p: string) => {
    random(`${p}.in_proj_weight`, [3 * d, d]);
    constant(`${p}.in_proj_bias`, [3 * d], 0);
    linear(`${p}.out_proj`, d, d);
  };
  const stack = (prefix: string, n: number, cross: boolean) => {
    for (let i = 0; i < n; i++) {
      const p = `${prefix}.layers.${i}`;
      attention(`${p}.self_attn`);
      if (cross) attention(`${p}.multihead_attn`);
      linear(`${p}.linear1`, dFF, d);
      linear(`${p}.linear2`, d, dFF);
      norm(`${p}.norm1`);
      norm(`${p}.norm2`);
      if (cross) norm(`${p}.norm3`);
    }
    norm(`${prefix}.norm`);
  };
  random('embed.weight', [V, d]);
  if (config.positional === 'learned') random('pos_embed.weight', [maxLen, d]);
  if (config.arch !== 'decoder-only') stack('encoder', config.nLayers, false);
  if (config.arch === 'decoder-only') stack('decoder', config.nLayers, false);
  if (config.arch === 'encoder-decoder') stack('decoder', config.nDecoderLayers ?? 1, true);
  linear('lm_head', V, d);
  return modelFromTensors(config, tensors, { vocab: options.vocab, tokenizer: options.tokenizer });
}
