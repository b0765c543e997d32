// The trainable tensors of a model, named as PyTorch's state_dict (spec/model.md), with a
// seeded initialisation: Xavier-uniform matrices (as nn.MultiheadAttention), zero biases,
// LayerNorm gains 1, small normal embeddings.
import type { TrainConfig } from './config';
import { hasFinalNorm } from './config';
import { randNormal, seededRandom } from './rng';
import { variable, type Var } from './tape';

/** Name → Var, in a fixed order (insertion order), so the optimiser and the file agree. */
export type Params = Map<string, Var>;

/** All tensors the config needs, initialised from `seed`. */
export function initParams(config: TrainConfig, seed: number): Params {
  const rand = seededRandom(seed);
  const d = config.dModel;
  const p: Params = new Map();
  const xavier = (name: string, rows: number, cols: number) => {
    const limit = Math.sqrt(6 / (rows + cols));
    const data = new Float32Array(rows * cols); // [rows, cols]
    for (let i = 0; i < data.length; i++) data[i] = (rand() * 2 - 1) * limit;
    p.set(name, variable(data, [rows, cols]));
  };
  const normal = (name: string, rows: number, cols: number, std: number) => {
    const data = new Float32Array(rows * cols); // [rows, cols]
    for (let i = 0; i < data.length; i++) data[i] = randNormal(rand) * std;
    p.set(name, variable(data, [rows, cols]));
  };
  const filled = (name: string, n: number, value: number) => {
    p.set(name, variable(new Float32Array(n).fill(value), [n])); // [n]
  };
  const norm = (name: string) => {
    filled(`${name}.weight`, d, 1);
    filled(`${name}.bias`, d, 0);
  };
  const attn = (name: string) => {
    xavier(`${name}.in_proj_weight`, 3 * d, d);
    filled(`${name}.in_proj_bias`, 3 * d, 0);
    xavier(`${name}.out_proj.weight`, d, d);
    filled(`${name}.out_proj.bias`, d, 0);
  };
  const layer = (name: string, cross: boolean) => {
    attn(`${name}.self_attn`);
    if (cross) attn(`${name}.multihead_attn`);
    xavier(`${name}.linear1.weight`, config.dFF, d);
    filled(`${name}.linear1.bias`, config.dFF, 0);
    xavier(`${name}.linear2.weight`, d, config.dFF);
    filled(`${name}.linear2.bias`, d, 0);
    norm(`${name}.norm1`);
    norm(`${name}.norm2`);
    if (cross) norm(`${name}.norm3`);
  };

  // with √d scaling the embedding rows start at unit size, like the positional signal
  normal('embed.weight', config.vocabSize, d, config.scaleEmbedding ? 1 / Math.sqrt(d) : 1);
  if (config.positional === 'learned') normal('pos_embed.weight', config.maxLen, d, 0.1);
  const final = hasFinalNorm(config);
  if (config.arch !== 'decoder-only') {
    for (let i = 0; i < config.nLayers; i++) layer(`encoder.layers.${i}`, false);
    if (final) norm('encoder.norm');
  }
  if (config.arch !== 'encoder-only') {
    const n = config.arch === 'decoder-only' ? config.nLayers : (config.nDecoderLayers ?? 1);
    for (let i = 0; i < n; i++) layer(`decoder.layers.${i}`, config.arch === 'encoder-decoder');
    if (final) norm('decoder.norm');
  }
  xavier('lm_head.weight', config.vocabSize, d);
  filled('lm_head.bias', config.vocabSize, 0);
  return p;
}

/** The Var called `name`; a missing name is a bug in the caller, so it throws. */
export function get(p: Params, name: string): Var {
  const v = p.get(name);
  if (!v) throw new Error(`missing parameter ${name}`);
  return v;
}
