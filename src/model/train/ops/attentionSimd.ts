// The trainer's fused attention (attention.ts) with its six products per sequence and head on the
// WebAssembly SIMD kernel: each head's columns of q, k, v [B·S, d] are read in place (row stride d),
// and the softmax and its backward stay in TypeScript, row by row, as in the reference loops.
import type { SimdKernel } from '../../kernels/simd';
import { gradOf, variable, type Tape, type Var } from '../tape';
import type { AttentionResult } from './attention';

export function attentionSimd(
  simd: SimdKernel, tape: Tape | null, q: Var, k: Var, v: Var,
  B: number, Sq: number, Sk: number, nHeads: number, blocked: Uint8Array,
): AttentionResult {
  const d = q.shape[1];
  const dHead = d / nHeads;
  const scale = 1 / Math.sqrt(dHead);
  const weights = new Float32Array(B * nHeads * Sq * Sk); // [B, H, Sq, Sk]
  const out = new Float32Array(B * Sq * d); // [B·Sq, d]
  const scores = new Float32Array(Sq * Sk); // [Sq, Sk] one head's scaled scores
  // One head of one sequence: rows of q from qo, of k and v from ko, `ld` d.
  const rows = (x: Var, off: number, trans = false) => ({ data: x.data, off, trans, ld: d });
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < nHeads; h++) {
      const qo = b * Sq * d + h * dHead;
      const ko = b * Sk * d + h * dHead;
      const wo = (b * nHeads + h) * Sq * Sk;
      simd.gemm(Sq, Sk, dHead, rows(q, qo), rows(k, ko, true), scores, 0, undefined, scale, false, false); // q·kᵀ/√dHead
      softmaxRows(scores, blocked, b * Sq * Sk, weights, wo, Sq, Sk);
      simd.gemm(Sq, dHead, Sk, { data: weights, off: wo, trans: false }, rows(v, ko), out, qo, undefined, 1, false, false, d); // weights·v
    }
  }
  const y = variable(out, [B * Sq, d]);
  tape?.record(() => {
    if (!y.grad) return;
    const dy = y.grad; // [B·Sq, d]
    const [gq, gk, gv] = [q, k, v].map(gradOf); // [B·Sq, d], [B·Sk, d], [B·Sk, d]
    const ds = new Float32Array(Sq * Sk); // [Sq, Sk] dLoss/dweights, then dLoss/dscores·scale
    const dyRows = (off: number) => ({ data: dy, off, trans: false, ld: d });
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < nHeads; h++) {
        const qo = b * Sq * d + h * dHead;
        const ko = b * Sk * d + h * dHead;
        const wo = (b * nHeads + h) * Sq * Sk;
        const w = { data: weights, off: wo, trans: true, ld: Sk }; // weightsᵀ [Sk, Sq]
        simd.gemm(Sq, Sk, dHead, dyRows(qo), rows(v, ko, true), ds, 0, undefined, 1, false, false); // dweights = dy·vᵀ
        simd.gemm(Sk, dHead, Sq, w, dyRows(qo), gv, ko, undefined, 1, false, true, d); // dv += weightsᵀ·dy
        // softmax backward: dscores_j = w_j·(dw_j − Σ_k w_k·dw_k), then through q·kᵀ·scale
        for (let i = 0; i < Sq; i++) {
          let dot = 0;
          for (let j = 0; j < Sk; j++) dot += weights[wo + i * Sk + j] * ds[i * Sk + j];
          for (let j = 0; j < Sk; j++) {
            const wij = weights[wo + i * Sk + j];
            ds[i * Sk + j] = wij === 0 ? 0 : wij * (ds[i * Sk + j] - dot) * scale;
          }
        }
        const dsT = { data: ds, off: 0, trans: true, ld: Sk }; // dscoresᵀ [Sk, Sq]
        simd.gemm(Sq, dHead, Sk, { data: ds, off: 0, trans: false }, rows(k, ko), gq, qo, undefined, 1, false, true, d); // dq += ds·k
        simd.gemm(Sk, dHead, Sq, dsT, rows(q, qo), gk, ko, undefined, 1, false, true, d); // dk += dsᵀ·q
      }
    }
  });
  return { out: y, weights };
}

/** Softmax of each row of `scores` [Sq, Sk] over its unblocked keys into `weights` at `wo`; a row with every key blocked stays 0. */
function softmaxRows(scores: Float32Array, blocked: Uint8Array, mo: number, weights: Float32Array, wo: number, Sq: number, Sk: number): void {
  for (let i = 0; i < Sq; i++) {
    const r = i * Sk;
    let max = -Infinity;
    for (let j = 0; j < Sk; j++) if (!blocked[mo + r + j] && scores[r + j] > max) max = scores[r + j];
    if (max === -Infinity) continue;
    let sum = 0;
    for (let j = 0; j < Sk; j++) {
      if (blocked[mo + r + j]) continue;
      const e = Math.exp(scores[r + j] - max);
      scores[r + j] = e;
      sum += e;
    }
    for (let j = 0; j < Sk; j++) if (!blocked[mo + r + j]) weights[wo + r + j] = scores[r + j] / sum;
  }
}
