// Random weights for a config: a model to test or benchmark. Linear and embedding weights
// ~ N(0, std²) from a seeded generator, biases 0, LayerNorm gain 1 and shift 0 (the trainer
// starts from its own initialisation, train/params.ts, over the same parameterSpec).
import type { ModelConfig } from './config';
import { modelFromTensors } from './load';
import type { Model } from './model';
import { parameterSpec } from './params';
import { createRng, type Rng } from './sample';
import type { Tensor } from './tensor';

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1], so log(u) is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A model with random weights for `config` (and an optional vocabulary), laid out as `parameterSpec`. */
export function initModel(
  config: ModelConfig,
  options: { seed?: number; std?: number; vocab?: string[]; tokenizer?: 'char' | 'word' } = {},
): Model {
  const rng = createRng(options.seed ?? 0);
  const std = options.std ?? 0.02;
  const tensors = new Map<string, Tensor>();
  for (const { name, shape, role } of parameterSpec(config)) {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1)); // [...shape]
    if (role === 'embedding' || role === 'matrix') for (let i = 0; i < data.length; i++) data[i] = std * normal(rng);
    else if (role === 'normWeight') data.fill(1);
    tensors.set(name, { data, shape });
  }
  return modelFromTensors(config, tensors, { vocab: options.vocab, tokenizer: options.tokenizer });
}
