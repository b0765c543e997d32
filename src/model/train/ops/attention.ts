// Multi-head scaled dot-product attention for a batch, fused into one op with a hand-written
// backward (softmax's Jacobian applied row by row), so no [B, H, Sq, Sk] chain of small ops is taped.
// The loops below are the reference; with the WebAssembly SIMD kernel (initKernels()) the same
// products run per sequence and head on it instead (attentionSimd.ts).
import { simdKernel } from '../../kernels';
import { gradOf, variable, type Tape, type Var } from '../tape';
import { attentionSimd } from './attentionSimd';

/** What `attention` returns: the concatenated head outputs and the weights it used. */
export interface AttentionResult {
  out: Var; // [B·Sq, d] heads side by side, before out_proj
  weights: Float32Array; // [B, nHeads, Sq, Sk] softmax over unblocked keys; 0 where blocked
}

/**
 * q [B·Sq, d], k and v [B·Sk, d]; `blocked` [B, Sq, Sk] (1 = the query may not see the key).
 * scores = q_h·k_hᵀ/√dHead, weights = softmax over unblocked keys (a row with every key blocked
 * gets all-zero weights, as the spec says), head_h = weights·v_h.
 */
export function attention(
  tape: Tape | null, q: Var, k: Var, v: Var,
  B: number, Sq: number, Sk: number, nHeads: number, blocked: Uint8Array,
): AttentionResult {
  const simd = simdKernel();
  if (simd) return attentionSimd(simd, tape, q, k, v, B, Sq, Sk, nHeads, blocked);
  const d = q.shape[1];
  const dHead = d / nHeads;
  const scale = 1 / Math.sqrt(dHead);
  const weights = new Float32Array(B * nHeads * Sq * Sk); // [B, H, Sq, Sk]
  const out = new Float32Array(B * Sq * d); // [B·Sq, d]
  const row = new Float32Array(Sk); // [Sk] scratch: one row of scores
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < nHeads; h++) {
      for (let i = 0; i < Sq; i++) {
        const qo = (b * Sq + i) * d + h * dHead;
        const mo = (b * Sq + i) * Sk;
        let max = -Infinity;
        for (let j = 0; j < Sk; j++) {
          if (blocked[mo + j]) continue;
          const ko = (b * Sk + j) * d + h * dHead;
          let s = 0;
          for (let c = 0; c < dHead; c++) s += q.data[qo + c] * k.data[ko + c];
          row[j] = s * scale;
          if (row[j] > max) max = row[j];
        }
        if (max === -Infinity) continue; // every key blocked: weights stay 0, output 0
        let sum = 0;
        for (let j = 0; j < Sk; j++) {
          if (blocked[mo + j]) continue;
          row[j] = Math.exp(row[j] - max);
          sum += row[j];
        }
        const wo = ((b * nHeads + h) * Sq + i) * Sk;
        for (let j = 0; j < Sk; j++) {
          if (blocked[mo + j]) continue;
          const w = row[j] / sum;
          weights[wo + j] = w;
          const vo = (b * Sk + j) * d + h * dHead;
          for (let c = 0; c < dHead; c++) out[qo + c] += w * v.data[vo + c];
        }
      }
    }
  }
  const y = variable(out, [B * Sq, d]);
  tape?.record(() => {
    if (!y.grad) return;
    const dy = y.grad; // [B·Sq, d]
    const gq = gradOf(q);
    const gk = gradOf(k);
    const gv = gradOf(v);
    const dW = new Float32Array(Sk); // [Sk] dLoss/dweights for one query row
    for (let b = 0; b < B; b++) {
      for (let h = 0; h < nHeads; h++) {
        for (let i = 0; i < Sq; i++) {
          const qo = (b * Sq + i) * d + h * dHead;
          const wo = ((b * nHeads + h) * Sq + i) * Sk;
          // dweights_j = dy_i·v_j, and dv_j += w_ij·dy_i
          let dot = 0;
          for (let j = 0; j < Sk; j++) {
            const w = weights[wo + j];
            if (w === 0) { dW[j] = 0; continue; }
            const vo = (b * Sk + j) * d + h * dHead;
            let s = 0;
            for (let c = 0; c < dHead; c++) {
              s += dy[qo + c] * v.data[vo + c];
              gv[vo + c] += w * dy[qo + c];
            }
            dW[j] = s;
            dot += w * s;
          }
          // softmax backward: dscores_j = w_j·(dW_j − Σ_k w_k·dW_k); then through q·kᵀ·scale
          for (let j = 0; j < Sk; j++) {
            const w = weights[wo + j];
            if (w === 0) continue;
            const ds = w * (dW[j] - dot) * scale;
            const ko = (b * Sk + j) * d + h * dHead;
            for (let c = 0; c < dHead; c++) {
              gq[qo + c] += ds * k.data[ko + c];
              gk[ko + c] += ds * q.data[qo + c];
            }
          }
        }
      }
    }
  });
  return { out: y, weights };
}

/**
 * The blocked-cell mask [B, Sq, Sk] for a padded batch: key j is blocked when its token is
 * `padId`, and (causal) when j > i. Sources of padding: `keyTokens` [B·Sk].
 */
export function buildMask(
  B: number, Sq: number, Sk: number, keyTokens: Int32Array, padId: number | null, causal: boolean,
): Uint8Array {
  const m = new Uint8Array(B * Sq * Sk); // [B, Sq, Sk]
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < Sq; i++) {
      for (let j = 0; j < Sk; j++) {
        const pad = padId !== null && keyTokens[b * Sk + j] === padId;
        if (pad || (causal && j > i)) m[(b * Sq + i) * Sk + j] = 1;
      }
    }
  }
  return m;
}
