// The reverse task's metrics: exact match of greedy outputs, and how anti-diagonal the
// cross-attention is (share of output letters whose top source position is the mirrored one).
import { argmax } from '../model/sample';
import { greedyDecodeBatch } from '../model/train/evaluate';
import { headMeanRow } from '../model/train/attentionStats';
import { makeBatch } from '../model/train/batch';
import type { TrainConfig } from '../model/train/config';
import { attentionKey, forwardBatch } from '../model/train/forward';
import type { Params } from '../model/train/params';
import { encodeWord, reverseExample } from './reverse';
import { BOS, EOS } from './vocab';

export interface ReverseMetrics {
  n: number;
  exactMatch: number; // share of words reversed exactly
  antiDiagonal: number; // share of output letters whose strongest source position is the mirror
}

/** Evaluates `words` (held-out) on the model; cross-attention of decoder layer `layer`. */
export function reverseMetrics(p: Params, c: TrainConfig, words: string[], layer = 0): ReverseMetrics {
  const outs = greedyDecodeBatch(p, c, words.map(encodeWord), BOS, EOS, 14);
  let exact = 0;
  words.forEach((w, i) => {
    const want = encodeWord([...w].reverse().join(''));
    if (outs[i].length === want.length && outs[i].every((t, j) => t === want[j])) exact++;
  });
  // teacher-forced pass on the true reversal: row t predicts letter t of the output
  const batch = makeBatch(words.map(reverseExample), c.padId ?? 0);
  const { attention } = forwardBatch(null, p, c, batch);
  const weights = attention.get(attentionKey('decoder', layer, 'crossAttention'))!; // [B, nHeads, T, S]
  let hits = 0;
  let total = 0;
  words.forEach((w, b) => {
    const n = w.length;
    for (let t = 0; t < n; t++) {
      const row = headMeanRow(weights, batch.B, c.nHeads, batch.T, batch.S!, b, t); // [S]
      if (argmax(row, 0, n) === n - 1 - t) hits++;
      total++;
    }
  });
  return { n: words.length, exactMatch: exact / words.length, antiDiagonal: hits / total };
}
