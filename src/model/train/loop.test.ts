// The training loop: loss falls on a tiny model, and a seed fixes the run bit for bit.
import { describe, expect, it } from 'vitest';
import { sampleReverse, reverseVocab } from '../../tasks/reverse';
import type { TrainConfig } from './config';
import { createTrainer, drawBatch, trainStep, type TrainOptions } from './loop';
import { learningRate } from './optim';

const tiny: TrainConfig = {
  arch: 'encoder-decoder', vocabSize: reverseVocab.length, dModel: 16, nHeads: 2, dFF: 32,
  nLayers: 1, nDecoderLayers: 1, maxLen: 16, positional: 'rope', norm: 'pre',
  activation: 'gelu', layerNormEps: 1e-5, scaleEmbedding: true, padId: 0,
};
const options: TrainOptions = { steps: 60, batchSize: 16, lr: 3e-3, warmup: 10, clip: 1, seed: 42 };

function run(config: TrainConfig, o: TrainOptions) {
  const state = createTrainer(config, o);
  const losses: number[] = [];
  for (let i = 0; i < o.steps; i++) losses.push(trainStep(state, drawBatch(state, sampleReverse)).loss);
  return { state, losses };
}

describe('training loop', () => {
  it('lowers the loss of a tiny model far below chance on a batch it sees again and again', () => {
    // one fixed batch: a working gradient must be able to memorise it; chance is ln 26 ≈ 3.26
    const state = createTrainer(tiny, { ...options, steps: 120, batchSize: 8 });
    const batch = drawBatch(state, sampleReverse);
    const losses: number[] = [];
    for (let i = 0; i < 120; i++) losses.push(trainStep(state, batch).loss);
    expect(losses[0]).toBeGreaterThan(3);
    expect(losses[losses.length - 1]).toBeLessThan(0.5);
  });

  it('gives bit-identical weights for one seed, different ones for another', () => {
    const short = { ...options, steps: 8 };
    const a = run({ ...tiny, positional: 'learned', norm: 'post', activation: 'relu' }, short).state.params;
    const b = run({ ...tiny, positional: 'learned', norm: 'post', activation: 'relu' }, short).state.params;
    const c = run({ ...tiny, positional: 'learned', norm: 'post', activation: 'relu' }, { ...short, seed: 43 }).state.params;
    let differs = false;
    for (const [name, v] of a) {
      expect(Array.from(b.get(name)!.data), name).toEqual(Array.from(v.data));
      if (c.get(name)!.data.some((x, i) => x !== v.data[i])) differs = true;
    }
    expect(differs).toBe(true);
  });

  it('warms up linearly, then decays', () => {
    expect(learningRate(0, 1, 10, 100)).toBeCloseTo(0.1);
    expect(learningRate(9, 1, 10, 100)).toBeCloseTo(1);
    expect(learningRate(55, 1, 10, 100)).toBeLessThan(1);
    expect(learningRate(100, 1, 10, 100)).toBeCloseTo(0.05);
  });
});
