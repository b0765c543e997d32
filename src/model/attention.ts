// Multi-head attention (Attention Is All You Need §3.2.2) as PyTorch's nn.MultiheadAttention:
// Q, K, V from one stacked in-projection, per-head scaled dot products (§3.2.1), masked softmax,
// weights·V, heads concatenated and projected by W_O. RoPE (RoFormer §3.2) rotates q and k.
// New to attention? attention.plain.ts computes the same, written as the formulas: read it first.
import type { AttentionWeights } from './model';
import { gemm, gemmTransB } from './ops/matmul';
import { softmaxRowsInto } from './ops/softmax';
import { applyRopeInPlace } from './positional';
import type { BoolTensor, Tensor } from './tensor';

/** Everything one attention sublayer computed (field names as in the trace). */
export interface AttentionResult {
  q: Tensor; // [nHeads, Sq, dHead], after RoPE, unscaled
  k: Tensor; // [nHeads, Sk, dHead], after RoPE
  v: Tensor; // [nHeads, Sk, dHead]
  scores: Tensor; // [nHeads, Sq, Sk], Q·Kᵀ/√dHead before masking
  mask: BoolTensor; // [Sq, Sk], 1 = blocked
  weights: Tensor; // [nHeads, Sq, Sk], softmax over unblocked keys
  headOutputs: Tensor; // [nHeads, Sq, dHead], weights·V per head
  output: Tensor; // [Sq, dModel], concat(heads)·W_Oᵀ + b_O
}

/** Copies columns [col, col + nHeads·dHead) of a [S, stride] matrix into head-major [nHeads, S, dHead]. */
function splitHeads(
  src: Float32Array,
  S: number,
  stride: number,
  col: number,
  nHeads: number,
  dHead: number,
): Float32Array {
  const out = new Float32Array(nHeads * S * dHead); // [nHeads, S, dHead]
  for (let h = 0; h < nHeads; h++)
    for (let s = 0; s < S; s++)
      for (let c = 0; c < dHead; c++) out[(h * S + s) * dHead + c] = src[s * stride + col + h * dHead + c];
  return out;
}

/**
 * Attention of queries from `x` [Sq, dModel] over keys and values from `memory` [Sk, dModel]
 * (self-attention when memory is x itself). `mask` [Sq, Sk] marks blocked cells; `rope` rotates
 * q and k by position (self-attention only).
 */
export function multiHeadAttention(
  x: Tensor,
  memory: Tensor,
  w: AttentionWeights,
  mask: BoolTensor,
  nHeads: number,
  rope: boolean,
): AttentionResult {
  const [Sq, d] = x.shape;
  const Sk = memory.shape[0];
  const dHead = d / nHeads;
  const W = w.inProj.weight.data; // [3d, d]: rows 0..d are W_Q, d..2d W_K, 2d..3d W_V
  const B = w.inProj.bias.data; // [3d]

  let q: Float32Array, k: Float32Array, v: Float32Array;
  if (x === memory) {
    // Self-attention: one product with the stacked weights gives [Q|K|V].
    const qkv = new Float32Array(Sq * 3 * d); // [S, 3d]
    gemmTransB(Sq, 3 * d, d, x.data, 0, W, 0, qkv, 0, B);
    q = splitHeads(qkv, Sq, 3 * d, 0, nHeads, dHead); // [nHeads, S, dHead]
    k = splitHeads(qkv, Sq, 3 * d, d, nHeads, dHead); // [nHeads, S, dHead]
    v = splitHeads(qkv, Sq, 3 * d, 2 * d, nHeads, dHead); // [nHeads, S, dHead]
  } else {
    // Cross-attention: queries from the decoder stream, keys and values from the encoder output.
    const qProj = new Float32Array(Sq * d); // [Sq, d]
    gemmTransB(Sq, d, d, x.data, 0, W.subarray(0, d * d), 0, qProj, 0, B.subarray(0, d));
    const kvProj = new Float32Array(Sk * 2 * d); // [Sk, 2d]
    gemmTransB(Sk, 2 * d, d, memory.data, 0, W.subarray(d * d), 0, kvProj, 0, B.subarray(d));
    q = splitHeads(qProj, Sq, d, 0, nHeads, dHead); // [nHeads, Sq, dHead]
    k = splitHeads(kvProj, Sk, 2 * d, 0, nHeads, dHead); // [nHeads, Sk, dHead]
    v = splitHeads(kvProj, Sk, 2 * d, d, nHeads, dHead); // [nHeads, Sk, dHead]
  }

  if (rope) {
    for (let h = 0; h < nHeads; h++) {
      applyRopeInPlace(q, h * Sq * dHead, Sq, dHead);
      applyRopeInPlace(k, h * Sk * dHead, Sk, dHead);
    }
  }

  const scores = new Float32Array(nHeads * Sq * Sk); // [nHeads, Sq, Sk]
  const scale = 1 / Math.sqrt(dHead);
  for (let h = 0; h < nHeads; h++)
    gemmTransB(Sq, Sk, dHead, q, h * Sq * dHead, k, h * Sk * dHead, scores, h * Sq * Sk, undefined, scale);

  const weights = new Float32Array(nHeads * Sq * Sk); // [nHeads, Sq, Sk]
  softmaxRowsInto(scores, 0, weights, 0, nHeads * Sq, Sk, mask.data, Sq); // one mask for every head

  const headOutputs = new Float32Array(nHeads * Sq * dHead); // [nHeads, Sq, dHead]
  for (let h = 0; h < nHeads; h++)
    gemm(Sq, dHead, Sk, weights, h * Sq * Sk, v, h * Sk * dHead, headOutputs, h * Sq * dHead);

  const concat = new Float32Array(Sq * d); // [Sq, d]: head h fills columns h·dHead … (h+1)·dHead
  for (let h = 0; h < nHeads; h++)
    for (let s = 0; s < Sq; s++)
      for (let c = 0; c < dHead; c++) concat[s * d + h * dHead + c] = headOutputs[(h * Sq + s) * dHead + c];
  const output = new Float32Array(Sq * d); // [Sq, d]
  gemmTransB(Sq, d, d, concat, 0, w.outProj.weight.data, 0, output, 0, w.outProj.bias.data);

  return {
    q: { data: q, shape: [nHeads, Sq, dHead] },
    k: { data: k, shape: [nHeads, Sk, dHead] },
    v: { data: v, shape: [nHeads, Sk, dHead] },
    scores: { data: scores, shape: [nHeads, Sq, Sk] },
    mask,
    weights: { data: weights, shape: [nHeads, Sq, Sk] },
    headOutputs: { data: headOutputs, shape: [nHeads, Sq, dHead] },
    output: { data: output, shape: [Sq, d] },
  };
}
