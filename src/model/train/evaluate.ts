// Evaluation helpers on the trainer's batched forward pass (no tape): greedy decoding for
// encoder-decoder models and argmax accuracy. The app's forward computes the same numbers
// (checked by equivalence.test.ts); batching just makes thousands of held-out items fast.
import type { TrainConfig } from './config';
import { makeBatch } from './batch';
import { encodeBatch, forwardBatch } from './forward';
import type { Params } from './params';

/** Index of the largest of `n` values from `offset` (ties: lowest index, like the app). */
export function argmaxRow(data: Float32Array, offset: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (data[offset + j] > data[offset + best]) best = j;
  return best;
}

/**
 * Greedy decoding for an encoder-decoder model: starts each output with `bos` and appends the
 * argmax token until `eos` or `maxOut` tokens. Returns the outputs without bos/eos.
 */
export function greedyDecode(
  p: Params, c: TrainConfig, srcs: number[][], bos: number, eos: number, maxOut: number, chunk = 256,
): number[][] {
  const results: number[][] = [];
  for (let start = 0; start < srcs.length; start += chunk) {
    const part = srcs.slice(start, start + chunk);
    const outs: number[][] = part.map(() => []);
    const done = part.map(() => false);
    // the source does not change while decoding: encode it once
    const memory = encodeBatch(null, p, c, makeBatch(part.map((src) => ({ src, tokens: [bos], targets: [] })), c.padId ?? 0)); // [B·S, d]
    for (let t = 0; t < maxOut && done.some((x) => !x); t++) {
      const examples = part.map((src, b) => ({ src, tokens: [bos, ...outs[b]], targets: [] }));
      const batch = makeBatch(examples, c.padId ?? 0); // all decoder inputs have length t+1
      const { logits } = forwardBatch(null, p, c, batch, memory); // [B·(t+1), V]
      part.forEach((_, b) => {
        if (done[b]) return;
        const next = argmaxRow(logits.data, (b * batch.T + t) * c.vocabSize, c.vocabSize);
        if (next === eos) done[b] = true;
        else outs[b].push(next);
      });
    }
    results.push(...outs);
  }
  return results;
}
