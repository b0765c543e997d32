// Scoring a batch in one teacher-forced pass: loss, and exact match without a decoding loop.
// Greedy decoding writes the target exactly iff, fed the true prefix, the argmax at every scored
// position is the target token (by induction over the positions: each greedy step then sees the
// same prefix as teacher forcing). So one batched forward pass gives greedy exact match.
import type { TrainConfig } from './config';
import { makeBatch, type Example } from './batch';
import { argmax } from '../sample';
import { forwardBatch } from './forward';
import { crossEntropy } from './ops/loss';
import type { Params } from './params';

export interface BatchScore {
  loss: number; // mean cross-entropy over scored positions
  exactMatch: number; // share of examples whose every scored position is right
  tokenAccuracy: number; // share of scored positions that are right
}

/** Loss and (greedy-equivalent) exact match of `examples`, without gradients. */
export function scoreExamples(p: Params, c: TrainConfig, examples: Example[]): BatchScore {
  const batch = makeBatch(examples, c.padId ?? 0);
  const { logits } = forwardBatch(null, p, c, batch); // [B·T, V]
  const loss = crossEntropy(null, logits, batch.targets!).data[0];
  const V = c.vocabSize;
  let exact = 0;
  let right = 0;
  let scored = 0;
  for (let b = 0; b < batch.B; b++) {
    let ok = true;
    for (let t = 0; t < batch.T; t++) {
      const target = batch.targets![b * batch.T + t];
      if (target < 0) continue;
      scored++;
      if (argmax(logits.data, (b * batch.T + t) * V, V) === target) right++;
      else ok = false;
    }
    if (ok) exact++;
  }
  return { loss, exactMatch: exact / Math.max(1, batch.B), tokenAccuracy: right / Math.max(1, scored) };
}
