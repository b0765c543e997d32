// The trainable tensors of a model: the model's one parameterSpec (../params.ts), with a
// seeded initialisation: Xavier-uniform matrices (as nn.MultiheadAttention), zero biases,
// LayerNorm gains 1, small normal embeddings.
import type { TrainConfig } from './config';
import { paramNames, parameterSpec } from '../params';
import { randNormal, seededRandom } from './rng';
import { variable, type Var } from './tape';

/** Name → Var, in a fixed order (insertion order), so the optimiser and the file agree. */
export type Params = Map<string, Var>;

/** All tensors the config needs (`parameterSpec`), initialised from `seed`. */
export function initParams(config: TrainConfig, seed: number): Params {
  const rand = seededRandom(seed);
  const p: Params = new Map();
  for (const { name, shape, role } of parameterSpec(config)) {
    const [rows, cols = 1] = shape;
    const data = new Float32Array(rows * cols); // [...shape]
    if (role === 'matrix') {
      const limit = Math.sqrt(6 / (rows + cols)); // Xavier-uniform
      for (let i = 0; i < data.length; i++) data[i] = (rand() * 2 - 1) * limit;
    } else if (role === 'embedding') {
      // with √d scaling the embedding rows start at unit size, like the positional signal
      const std = name === paramNames.posEmbed ? 0.1 : config.scaleEmbedding ? 1 / Math.sqrt(cols) : 1;
      for (let i = 0; i < data.length; i++) data[i] = randNormal(rand) * std;
    } else if (role === 'normWeight') data.fill(1);
    p.set(name, variable(data, shape));
  }
  return p;
}

/** The Var called `name`; a missing name is a bug in the caller, so it throws. */
export function get(p: Params, name: string): Var {
  const v = p.get(name);
  if (!v) throw new Error(`missing parameter ${name}`);
  return v;
}
