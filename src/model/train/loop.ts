// One optimisation step and a reusable training loop: forward a batch with a tape, backward,
// clip, AdamW. DOM-free and Node-free, so the browser worker can drive it step by step too.
import type { TrainConfig } from './config';
import { makeBatch, type Example } from './batch';
import { forwardBatch } from './forward';
import { crossEntropy } from './ops/loss';
import { adamWStep, clipGradNorm, createAdamW, learningRate, type AdamWState } from './optim';
import { initParams, type Params } from './params';
import { seededRandom } from './rng';
import { Tape } from './tape';

/** How to train: schedule, batch and seed. */
export interface TrainOptions {
  steps: number; // total steps of the schedule
  batchSize: number;
  lr: number; // peak learning rate
  warmup: number; // warm-up steps
  clip: number; // max global gradient norm
  seed: number; // initialisation and batching
}

/** Everything a run carries from step to step. */
export interface TrainerState {
  config: TrainConfig;
  params: Params;
  optimizer: AdamWState;
  options: TrainOptions;
  rand: () => number; // batching stream, separate from the init stream
  step: number;
}

/** A fresh run: parameters from `seed`, batches from a stream derived from it. */
export function createTrainer(config: TrainConfig, options: TrainOptions): TrainerState {
  const params = initParams(config, options.seed);
  return { config, params, optimizer: createAdamW(params), options, rand: seededRandom(options.seed ^ 0x5bd1e995), step: 0 };
}

/** One step on `examples`; returns the batch loss (before the update) and the gradient norm. */
export function trainStep(state: TrainerState, examples: Example[]): { loss: number; gradNorm: number; lr: number } {
  const padId = state.config.padId ?? 0;
  const batch = makeBatch(examples, padId);
  const tape = new Tape();
  const { logits } = forwardBatch(tape, state.params, state.config, batch); // [B·T, V]
  const loss = crossEntropy(tape, logits, batch.targets!); // [1]
  tape.backward(loss);
  const gradNorm = clipGradNorm(state.params, state.options.clip);
  const o = state.options;
  const lr = learningRate(state.step, o.lr, o.warmup, o.steps);
  adamWStep(state.params, state.optimizer, lr);
  state.step++;
  return { loss: loss.data[0], gradNorm, lr };
}

/**
 * Draws `groups` batches at once and sorts their examples by length before splitting them, so each
 * batch holds sequences of similar length and little compute goes to padding (length bucketing).
 */
export function drawBucketedBatches(state: TrainerState, sample: (rand: () => number) => Example, groups: number): Example[][] {
  const pool: Example[] = [];
  for (let i = 0; i < groups * state.options.batchSize; i++) pool.push(sample(state.rand));
  const len = (e: Example) => (e.src?.length ?? 0) * 1000 + e.tokens.length;
  pool.sort((a, b) => len(a) - len(b)); // stable: ties keep their drawn order, so runs stay reproducible
  const out: Example[][] = [];
  for (let g = 0; g < groups; g++) out.push(pool.slice(g * state.options.batchSize, (g + 1) * state.options.batchSize));
  // shuffle the order of the batches, so training does not sweep from short to long
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(state.rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Draws a batch with the run's own seeded stream. `sample` must use only the `rand` it gets. */
export function drawBatch(state: TrainerState, sample: (rand: () => number) => Example): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < state.options.batchSize; i++) out.push(sample(state.rand));
  return out;
}
