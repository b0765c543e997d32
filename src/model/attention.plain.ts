// Multi-head attention written as the formulas (Attention Is All You Need §3.2.1–3.2.2), for
// reading: loops over heads and query rows, one line per term, plain number arrays. It computes
// what `multiHeadAttention` in attention.ts computes (tests prove them equal to 1e-6); the app runs
// attention.ts, which does the same arithmetic in a few large matrix products because that is
// many times faster. Start here, then read attention.ts.
//
//   Q = X·W_Qᵀ + b_Q,  K = M·W_Kᵀ + b_K,  V = M·W_Vᵀ + b_V      (M = X for self-attention)
//   head_h = softmax(Q_h·K_hᵀ / √dHead + mask) · V_h             (Q_h: columns h·dHead … (h+1)·dHead)
//   MultiHead(X, M) = Concat(head_1 … head_nHeads) · W_Oᵀ + b_O
import type { multiHeadAttention } from './attention';
import type { LinearWeights } from './model';
import { rotateAt } from './positional';
import type { Tensor } from './tensor';

type Vector = number[];
type Matrix = number[][]; // rows of equal length

/** The rows of a 2-D tensor as arrays. */
const rowsOf = (t: Tensor): Matrix => Array.from({ length: t.shape[0] }, (_, i) => Array.from(t.data.subarray(i * t.shape[1], (i + 1) * t.shape[1])));

/** a·b, the dot product of two vectors of one length. */
const dot = (a: Vector, b: Vector): number => a.reduce((sum, ai, c) => sum + ai * b[c], 0);

/** y = x·Wᵀ + b for every row x, using rows `from … from + n` of W [out, in] (PyTorch's layout). */
function linearRows(x: Matrix, w: LinearWeights, from: number, n: number): Matrix {
  const W = rowsOf(w.weight).slice(from, from + n); // [n, in]
  const b = Array.from(w.bias.data.subarray(from, from + n)); // [n]
  return x.map((row) => W.map((wRow, o) => dot(row, wRow) + b[o])); // [rows, n]
}

/** Columns `from … from + n` of every row. */
const columns = (m: Matrix, from: number, n: number): Matrix => m.map((row) => row.slice(from, from + n));

/** softmax over the unblocked entries (blocked ones get weight 0; all blocked → all 0). */
function softmax(scores: Vector, blocked: boolean[]): Vector {
  const open = scores.filter((_, j) => !blocked[j]);
  if (open.length === 0) return scores.map(() => 0); // nothing to attend to
  const max = Math.max(...open); // subtracted so exp never overflows; the result is unchanged
  const e = scores.map((s, j) => (blocked[j] ? 0 : Math.exp(s - max)));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((ej) => ej / sum);
}

/** Flattens per-head matrices [nHeads][rows][cols] into a Float32Array [nHeads, rows, cols]. */
const flat = (heads: Matrix[]): Float32Array => Float32Array.from(heads.flat(2));

/**
 * Queries from `x` [Sq, dModel] attend over keys and values from `memory` [Sk, dModel] (the same
 * tensor for self-attention); `mask` [Sq, Sk] is 1 where query i may not see key j; with `rope`,
 * q and k are rotated by position. Arguments and result are those of `multiHeadAttention`.
 */
export const plainMultiHeadAttention: typeof multiHeadAttention = (x, memory, w, mask, nHeads, rope) => {
  const [Sq, dModel] = x.shape;
  const Sk = memory.shape[0];
  const dHead = dModel / nHeads;
  const X = rowsOf(x); // [Sq, dModel]
  const M = rowsOf(memory); // [Sk, dModel]
  const blocked = Array.from({ length: Sq }, (_, i) => Array.from({ length: Sk }, (_, j) => mask.data[i * Sk + j] === 1)); // [Sq, Sk]

  // in_proj_weight [3·dModel, dModel] stacks W_Q, W_K, W_V (rows 0…d, d…2d, 2d…3d).
  const Q = linearRows(X, w.inProj, 0, dModel); // [Sq, dModel]  Q = X·W_Qᵀ + b_Q
  const K = linearRows(M, w.inProj, dModel, dModel); // [Sk, dModel]  K = M·W_Kᵀ + b_K
  const V = linearRows(M, w.inProj, 2 * dModel, dModel); // [Sk, dModel]  V = M·W_Vᵀ + b_V

  const q: Matrix[] = [], k: Matrix[] = [], v: Matrix[] = []; // [nHeads][S][dHead] each
  const scores: Matrix[] = [], weights: Matrix[] = [], heads: Matrix[] = []; // [nHeads][Sq][Sk], [nHeads][Sq][Sk], [nHeads][Sq][dHead]
  for (let h = 0; h < nHeads; h++) {
    let Qh = columns(Q, h * dHead, dHead); // [Sq, dHead]  head h's slice of Q
    let Kh = columns(K, h * dHead, dHead); // [Sk, dHead]
    const Vh = columns(V, h * dHead, dHead); // [Sk, dHead]
    if (rope) {
      Qh = Qh.map((row, pos) => Array.from(rotateAt(row, pos))); // [Sq, dHead]  rotate pair (2i, 2i+1) by pos·θ_i
      Kh = Kh.map((row, pos) => Array.from(rotateAt(row, pos))); // [Sk, dHead]
    }
    const Sh: Matrix = [], Wh: Matrix = [], Hh: Matrix = []; // [Sq, Sk], [Sq, Sk], [Sq, dHead]
    for (let i = 0; i < Sq; i++) {
      const s = Kh.map((kj) => dot(Qh[i], kj) / Math.sqrt(dHead)); // [Sk]  q_i·k_j / √dHead
      const a = softmax(s, blocked[i]); // [Sk]  softmax(… + mask): blocked keys get weight 0
      const out = Vh[0].map((_, c) => a.reduce((sum, aj, j) => sum + aj * Vh[j][c], 0)); // [dHead]  Σ_j a_j·v_j
      Sh.push(s);
      Wh.push(a);
      Hh.push(out);
    }
    q.push(Qh);
    k.push(Kh);
    v.push(Vh);
    scores.push(Sh);
    weights.push(Wh);
    heads.push(Hh);
  }

  const concat = X.map((_, i) => heads.flatMap((Hh) => Hh[i])); // [Sq, dModel]  Concat(head_1 … head_nHeads)
  const output = linearRows(concat, w.outProj, 0, dModel); // [Sq, dModel]  · W_Oᵀ + b_O

  return {
    q: { data: flat(q), shape: [nHeads, Sq, dHead] },
    k: { data: flat(k), shape: [nHeads, Sk, dHead] },
    v: { data: flat(v), shape: [nHeads, Sk, dHead] },
    scores: { data: flat(scores), shape: [nHeads, Sq, Sk] },
    mask,
    weights: { data: flat(weights), shape: [nHeads, Sq, Sk] },
    headOutputs: { data: flat(heads), shape: [nHeads, Sq, dHead] },
    output: { data: Float32Array.from(output.flat()), shape: [Sq, dModel] },
  };
};
