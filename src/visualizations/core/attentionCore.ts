// The numbers behind one query of one head, read from the trace: q_i against every k_j (the dot
// product), ÷ √dHead (= the traced score), the mask, the softmax weight (traced), and each v_j scaled
// by its weight; their sum is the head's output row, which the trace also holds (headOutputs).
// Pure: no DOM, so it is unit-tested against real runs.
import type { BoolTensor, Tensor } from '../../model/tensor';

/** The traced arrays of one attention sublayer the core needs. */
export interface CoreTensors {
  q: Tensor; // [nHeads, Sq, dHead]
  k: Tensor; // [nHeads, Sk, dHead]
  v: Tensor; // [nHeads, Sk, dHead]
  scores: Tensor; // [nHeads, Sq, Sk], before the mask
  mask: BoolTensor; // [Sq, Sk], 1 = blocked
  weights: Tensor; // [nHeads, Sq, Sk]
  headOutputs: Tensor; // [nHeads, Sq, dHead]
}

/** One key j as seen by query i. */
export interface CoreKey {
  key: number;
  /** q_i · k_j, recomputed from the traced rows. */
  dot: number;
  /** dot / √dHead. */
  scaled: number;
  /** The model's own score (traced), equal to `scaled` up to float rounding. */
  tracedScore: number;
  blocked: boolean;
  /** The model's softmax weight (traced); 0 when blocked. */
  weight: number;
  /** weight · v_j. */
  contribution: Float32Array; // [dHead]
}

export interface CoreQuery {
  head: number;
  query: number;
  dHead: number;
  qRow: Float32Array; // [dHead]
  keys: CoreKey[];
  /** Σ_j weight_ij · v_j, recomputed. */
  sum: Float32Array; // [dHead]
  /** The traced head output row i. */
  traced: Float32Array; // [dHead]
  /** max_c |sum_c − traced_c|. */
  maxDiff: number;
  /** Σ_j weight_ij (1 up to rounding). */
  weightSum: number;
}

/** Row `row` of head `head` of a [nHeads, rows, cols] tensor (a view, no copy). */
export function headRow(t: Tensor, head: number, row: number): Float32Array {
  const [, rows, cols] = t.shape;
  const start = (head * rows + row) * cols;
  return t.data.subarray(start, start + cols); // [cols]
}

/** The computation for query `query` of head `head`. */
export function coreQuery(a: CoreTensors, head: number, query: number): CoreQuery {
  const [nHeads, Sq, dHead] = a.q.shape;
  const Sk = a.k.shape[1];
  if (head < 0 || head >= nHeads) throw new Error(`head ${head} out of range (nHeads = ${nHeads})`);
  if (query < 0 || query >= Sq) throw new Error(`query ${query} out of range (S = ${Sq})`);
  const qRow = headRow(a.q, head, query); // [dHead]
  const sum = new Float32Array(dHead); // [dHead]
  const keys: CoreKey[] = [];
  const maskOk = a.mask.data.length === Sq * Sk;
  let weightSum = 0;
  for (let j = 0; j < Sk; j++) {
    const kRow = headRow(a.k, head, j); // [dHead]
    const vRow = headRow(a.v, head, j); // [dHead]
    let dot = 0;
    for (let c = 0; c < dHead; c++) dot += qRow[c] * kRow[c];
    const weight = a.weights.data[(head * Sq + query) * Sk + j];
    const contribution = new Float32Array(dHead); // [dHead]
    for (let c = 0; c < dHead; c++) {
      contribution[c] = weight * vRow[c];
      sum[c] += contribution[c];
    }
    weightSum += weight;
    keys.push({
      key: j,
      dot,
      scaled: dot / Math.sqrt(dHead),
      tracedScore: a.scores.data[(head * Sq + query) * Sk + j],
      blocked: maskOk && a.mask.data[query * Sk + j] === 1,
      weight,
      contribution,
    });
  }
  const traced = headRow(a.headOutputs, head, query); // [dHead]
  let maxDiff = 0;
  for (let c = 0; c < dHead; c++) maxDiff = Math.max(maxDiff, Math.abs(sum[c] - traced[c]));
  return { head, query, dHead, qRow, keys, sum, traced, maxDiff, weightSum };
}

/** Labels that tell repeated tokens apart: "the", "cat", "the" → "the₁", "cat", "the₂". */
export function distinctLabels(labels: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const l of labels) total.set(l, (total.get(l) ?? 0) + 1);
  const seen = new Map<string, number>();
  const sub = (n: number) => String(n).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]);
  return labels.map((l) => {
    if ((total.get(l) ?? 0) < 2) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l}${sub(n)}`;
  });
}
