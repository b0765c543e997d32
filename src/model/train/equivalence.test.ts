// What the app shows is what was trained: the trainer's batched forward pass and the app's
// loadModel/forward give the same logits on the same weights, for every architecture, positional
// encoding and norm placement — and padding a sequence inside a batch changes none of its rows.
import { describe, expect, it } from 'vitest';
import { forward, loadModel } from '../index';
import { makeBatch } from './batch';
import type { TrainConfig } from './config';
import { forwardBatch } from './forward';
import { initParams } from './params';
import { saveParams } from './serialize';

const base = { vocabSize: 13, dModel: 16, nHeads: 4, dFF: 24, maxLen: 12, layerNormEps: 1e-5, padId: 0 } as const;
const configs: TrainConfig[] = [
  { ...base, arch: 'encoder-decoder', nLayers: 1, nDecoderLayers: 2, positional: 'sinusoidal', norm: 'post', activation: 'relu', scaleEmbedding: true },
  { ...base, arch: 'encoder-decoder', nLayers: 2, nDecoderLayers: 1, positional: 'learned', norm: 'pre', activation: 'gelu', scaleEmbedding: true },
  { ...base, arch: 'decoder-only', nLayers: 2, positional: 'rope', norm: 'pre', activation: 'gelu', scaleEmbedding: false },
  { ...base, arch: 'encoder-only', nLayers: 2, positional: 'learned', norm: 'post', activation: 'relu', scaleEmbedding: true },
];

describe('trainer forward = app forward', () => {
  for (const config of configs) {
    it(`${config.arch}, ${config.positional}, ${config.norm}-norm`, () => {
      const params = initParams(config, 3);
      // perturb biases and norms away from 0/1 so every tensor matters in the comparison
      let k = 0;
      for (const v of params.values()) if (v.shape.length === 1) for (let i = 0; i < v.data.length; i++) v.data[i] += 0.1 * Math.sin(k++);
      const model = loadModel(saveParams(params, config, { vocab: Array.from({ length: config.vocabSize }, (_, i) => (i === 0 ? '<pad>' : `t${i}`)), tokenizer: 'char' }));
      const long = [3, 5, 7, 9, 11, 4];
      const short = [6, 8, 10];
      const srcs = [[4, 6, 8, 10, 12], [5, 7]];
      const enc = config.arch === 'encoder-decoder';
      const batch = makeBatch([long, short].map((t, b) => ({ tokens: t, targets: [], ...(enc ? { src: srcs[b] } : {}) })), 0);
      const { logits } = forwardBatch(null, params, config, batch); // [2·T, V]
      [long, short].forEach((tokens, b) => {
        const run = forward(model, enc ? { src: srcs[b], tgt: tokens } : { tokens }, { trace: 'none' });
        const V = config.vocabSize;
        for (let t = 0; t < tokens.length; t++) {
          for (let j = 0; j < V; j++) {
            const want = run.logits.data[t * V + j];
            const got = logits.data[(b * batch.T + t) * V + j];
            expect(Math.abs(got - want), `seq ${b} row ${t} col ${j}`).toBeLessThan(1e-4 + 1e-4 * Math.abs(want));
          }
        }
      });
    });
  }
});
