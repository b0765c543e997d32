// Token embeddings and positional encodings: the first step of the forward pass,
// x = embed[tokens]·(scaleEmbedding ? √dModel : 1) + P[pos].
import { sinusoidalTable } from '../../positional';
import { gradOf, variable, type Tape, type Var } from '../tape';

/** Rows of the table E [V, d] picked by `tokens` [N], times `scale`. */
export function embedding(tape: Tape | null, table: Var, tokens: Int32Array, scale: number): Var {
  const d = table.shape[1];
  const N = tokens.length;
  const out = new Float32Array(N * d); // [N, d]
  for (let i = 0; i < N; i++) {
    const row = tokens[i] * d;
    for (let j = 0; j < d; j++) out[i * d + j] = table.data[row + j] * scale;
  }
  const y = variable(out, [N, d]);
  tape?.record(() => {
    if (!y.grad) return;
    const g = gradOf(table);
    // scatter-add: a token used twice receives both gradients
    for (let i = 0; i < N; i++) {
      const row = tokens[i] * d;
      for (let j = 0; j < d; j++) g[row + j] += y.grad[i * d + j] * scale;
    }
  });
  return y;
}

/** Sinusoidal table P [S, d] (the forward pass's own): P[pos, 2i] = sin(pos/10000^(2i/d)), P[pos, 2i+1] = cos(…). */
export function sinusoidal(S: number, d: number): Float32Array {
  return sinusoidalTable(S, d).data; // [S, d]
}

/**
 * x [B·S, d] + P[pos] with pos = row mod S (each of the B sequences starts at position 0).
 * `positions` is a fixed table (sinusoidal, no gradient) or the learned `pos_embed.weight` Var.
 */
export function addPositions(tape: Tape | null, x: Var, S: number, positions: Float32Array | Var): Var {
  const d = x.shape[1];
  const N = x.shape[0];
  const table = positions instanceof Float32Array ? positions : positions.data; // [≥S, d]
  const out = new Float32Array(N * d); // [B·S, d]
  for (let i = 0; i < N; i++) {
    const p = (i % S) * d;
    for (let j = 0; j < d; j++) out[i * d + j] = x.data[i * d + j] + table[p + j];
  }
  const y = variable(out, x.shape);
  tape?.record(() => {
    if (!y.grad) return;
    const gx = gradOf(x);
    for (let i = 0; i < out.length; i++) gx[i] += y.grad[i];
    if (!(positions instanceof Float32Array)) {
      const gp = gradOf(positions);
      for (let i = 0; i < N; i++) {
        const p = (i % S) * d;
        for (let j = 0; j < d; j++) gp[p + j] += y.grad[i * d + j];
      }
    }
  });
  return y;
}
