// Turns lists of token-id sequences into one padded batch (row-major [B, S]), the layout
// forwardBatch expects. Padding uses padId, which attention blocks and the loss ignores.
import type { Batch } from './forward';

/** One training example: decoder (or encoder-only) input, the ids to predict, and a source. */
export interface Example {
  tokens: number[]; // input of the last stack
  targets: number[]; // same length as tokens; −1 = not scored
  src?: number[]; // encoder input for encoder-decoder models
}

/** Pads every sequence to the longest in the batch. */
export function makeBatch(examples: Example[], padId: number): Batch {
  const B = examples.length;
  const T = Math.max(...examples.map((e) => e.tokens.length));
  const tokens = new Int32Array(B * T).fill(padId); // [B·T]
  const targets = new Int32Array(B * T).fill(-1); // [B·T]
  examples.forEach((e, b) => {
    tokens.set(e.tokens, b * T);
    targets.set(e.targets, b * T);
  });
  const batch: Batch = { B, tokens, T, targets };
  if (examples[0]?.src) {
    const S = Math.max(...examples.map((e) => e.src!.length));
    const src = new Int32Array(B * S).fill(padId); // [B·S]
    examples.forEach((e, b) => src.set(e.src!, b * S));
    batch.src = src;
    batch.S = S;
  }
  return batch;
}
