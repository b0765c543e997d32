// Greedy decoding on the trainer's batched forward pass (no tape), for the task metrics and the
// training probe. The loop itself is the model's one decoder (`greedyDecode` in ../generate.ts);
// the app's forward computes the same numbers (equivalence.test.ts), batching just makes thousands
// of held-out items fast.
import { greedyDecode } from '../generate';
import type { TrainConfig } from './config';
import { makeBatch } from './batch';
import { encodeBatch, forwardBatch } from './forward';
import type { Params } from './params';

/** Each sequence's next-token logits [V] from one batched run: the row of its last position. */
function lastRows(logits: Float32Array, seqs: number[][], T: number, V: number): Float32Array[] {
  return seqs.map((s, b) => logits.subarray((b * T + s.length - 1) * V, (b * T + s.length) * V)); // [V] each
}

/**
 * Greedy decoding for an encoder-decoder model: starts each output with `bos` and appends the
 * argmax token until `eos` or `maxOut` tokens. Returns the outputs without bos/eos.
 */
export function greedyDecodeBatch(
  p: Params, c: TrainConfig, srcs: number[][], bos: number, eos: number, maxOut: number, chunk = 256,
): number[][] {
  const padId = c.padId ?? 0;
  const limits = { maxNewTokens: maxOut, maxLen: c.maxLen, eosId: eos };
  const results: number[][] = [];
  for (let start = 0; start < srcs.length; start += chunk) {
    const part = srcs.slice(start, start + chunk);
    // the source does not change while decoding: encode it once
    const memory = encodeBatch(null, p, c, makeBatch(part.map((src) => ({ src, tokens: [bos], targets: [] })), padId)); // [B·S, d]
    const next = (seqs: number[][]) => {
      const batch = makeBatch(part.map((src, b) => ({ src, tokens: seqs[b], targets: [] })), padId);
      return lastRows(forwardBatch(null, p, c, batch, memory).logits.data, seqs, batch.T, c.vocabSize); // [B·T, V] → [V] each
    };
    results.push(...greedyDecode(part.map(() => [bos]), next, limits));
  }
  return results;
}

/** Greedy continuation of one decoder-only prompt, without the closing eos. */
export function greedyContinue(p: Params, c: TrainConfig, prompt: number[], eos: number, maxOut: number): number[] {
  const next = (seqs: number[][]) => {
    const batch = makeBatch(seqs.map((tokens) => ({ tokens, targets: [] })), c.padId ?? 0);
    return lastRows(forwardBatch(null, p, c, batch).logits.data, seqs, batch.T, c.vocabSize); // [B·T, V] → [V] each
  };
  return greedyDecode([prompt], next, { maxNewTokens: maxOut, maxLen: c.maxLen, eosId: eos })[0];
}
