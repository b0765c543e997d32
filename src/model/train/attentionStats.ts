// Reading attention weights out of a batched forward pass, for the tasks' attention metrics.

/** Weights [B, nHeads, Sq, Sk] of batch item b, query i, averaged over the heads → [Sk]. */
export function headMeanRow(weights: Float32Array, B: number, nHeads: number, Sq: number, Sk: number, b: number, i: number): Float32Array {
  void B;
  const row = new Float32Array(Sk); // [Sk]
  for (let h = 0; h < nHeads; h++) {
    const o = ((b * nHeads + h) * Sq + i) * Sk;
    for (let j = 0; j < Sk; j++) row[j] += weights[o + j] / nHeads;
  }
  return row;
}

/** One head's row: weights of batch item b, head h, query i → [Sk] (a view, not a copy). */
export function headRow(weights: Float32Array, nHeads: number, Sq: number, Sk: number, b: number, h: number, i: number): Float32Array {
  const o = ((b * nHeads + h) * Sq + i) * Sk;
  return weights.subarray(o, o + Sk); // [Sk]
}
