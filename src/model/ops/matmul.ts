// Matrix products on flat row-major Float32Arrays. The fast path is A·Bᵀ with B in PyTorch's
// Linear layout [out, in]: every output is a dot product of two contiguous rows. A register tile
// of 3 rows of A × 4 rows of B keeps 12 float64 accumulators (plus 4 operands: all 16 x64 float
// registers) and reuses each load 3–4 times. The outer loop walks B, so each 4-row strip of the
// weights is read from memory once and stays in cache while every row of A passes by.
//
// `gemmTransB` and `gemm` run on the kernel `initKernels()` chose (src/model/kernels): the
// WebAssembly SIMD kernel where the engine has it, else the TypeScript kernels `gemmTransBJs` and
// `gemmJs` below — the readable reference, which tests compare the SIMD path against.
import { simdKernel } from '../kernels';
import type { Tensor } from '../tensor';

/**
 * C[M, N] = alpha · A[M, K]·B[N, K]ᵀ (+ bias[N]), each operand a contiguous block starting at
 * its offset (so one head of a [nHeads, S, dHead] array can be used in place).
 *
 * `constB`: B is a model weight that stays unchanged while the model is loaded, so the SIMD path
 * packs it into WASM memory once and reuses it. By default that holds when a bias is given (a
 * Linear layer of the model); QKᵀ passes no bias, and the trainer, whose weights change every
 * step, passes false.
 */
export function gemmTransB(
  M: number,
  N: number,
  K: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
  bias?: Float32Array,
  alpha = 1,
  constB = bias !== undefined,
): void {
  const simd = simdKernel();
  if (simd && K > 0) {
    const A = { data: a, off: aOff, trans: false };
    const B = { data: b, off: bOff, trans: true }; // stored [N, K]
    simd.gemm(M, N, K, A, B, c, cOff, bias, alpha, constB, false);
  } else gemmTransBJs(M, N, K, a, aOff, b, bOff, c, cOff, bias, alpha);
}

/** C[M, N] = A[M, K]·B[K, N] (B not transposed), blocks at offsets; weights·V. */
export function gemm(
  M: number,
  N: number,
  K: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
): void {
  const simd = simdKernel();
  if (simd && K > 0) {
    const A = { data: a, off: aOff, trans: false };
    const B = { data: b, off: bOff, trans: false }; // stored [K, N]
    simd.gemm(M, N, K, A, B, c, cOff, undefined, 1, false, false);
  } else gemmJs(M, N, K, a, aOff, b, bOff, c, cOff);
}

/** The TypeScript kernel of `gemmTransB` (float64 accumulators; the reference and the fallback). */
export function gemmTransBJs(
  M: number,
  N: number,
  K: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
  bias?: Float32Array,
  alpha = 1,
): void {
  let j = 0;
  for (; j + 4 <= N; j += 4) {
    const b0 = bOff + j * K;
    const b1 = b0 + K;
    const b2 = b1 + K;
    const b3 = b2 + K;
    const bj0 = bias ? bias[j] : 0;
    const bj1 = bias ? bias[j + 1] : 0;
    const bj2 = bias ? bias[j + 2] : 0;
    const bj3 = bias ? bias[j + 3] : 0;
    let i = 0;
    for (; i + 3 <= M; i += 3) {
      const a0 = aOff + i * K;
      const a1 = a0 + K;
      const a2 = a1 + K;
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0;
      let c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      let c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = a[a0 + k];
        const x1 = a[a1 + k];
        const x2 = a[a2 + k];
        let w = b[b0 + k];
        c00 += x0 * w;
        c10 += x1 * w;
        c20 += x2 * w;
        w = b[b1 + k];
        c01 += x0 * w;
        c11 += x1 * w;
        c21 += x2 * w;
        w = b[b2 + k];
        c02 += x0 * w;
        c12 += x1 * w;
        c22 += x2 * w;
        w = b[b3 + k];
        c03 += x0 * w;
        c13 += x1 * w;
        c23 += x2 * w;
      }
      let o = cOff + i * N + j;
      c[o] = alpha * c00 + bj0;
      c[o + 1] = alpha * c01 + bj1;
      c[o + 2] = alpha * c02 + bj2;
      c[o + 3] = alpha * c03 + bj3;
      o += N;
      c[o] = alpha * c10 + bj0;
      c[o + 1] = alpha * c11 + bj1;
      c[o + 2] = alpha * c12 + bj2;
      c[o + 3] = alpha * c13 + bj3;
      o += N;
      c[o] = alpha * c20 + bj0;
      c[o + 1] = alpha * c21 + bj1;
      c[o + 2] = alpha * c22 + bj2;
      c[o + 3] = alpha * c23 + bj3;
    }
    // Leftover rows of A: 1 row × 4 columns.
    for (; i < M; i++) {
      const ai = aOff + i * K;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let k = 0; k < K; k++) {
        const x = a[ai + k];
        s0 += x * b[b0 + k];
        s1 += x * b[b1 + k];
        s2 += x * b[b2 + k];
        s3 += x * b[b3 + k];
      }
      const o = cOff + i * N + j;
      c[o] = alpha * s0 + bj0;
      c[o + 1] = alpha * s1 + bj1;
      c[o + 2] = alpha * s2 + bj2;
      c[o + 3] = alpha * s3 + bj3;
    }
  }
  // Leftover columns (rows of B): one dot product each.
  for (; j < N; j++) {
    const bj = bOff + j * K;
    const bb = bias ? bias[j] : 0;
    for (let i = 0; i < M; i++) {
      const ai = aOff + i * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += a[ai + k] * b[bj + k];
      c[cOff + i * N + j] = alpha * s + bb;
    }
  }
}

/**
 * The TypeScript kernel of `gemm`. Loop order i-k-j so the inner loop runs along contiguous rows
 * of B and C; used for weights·V, where the sizes are small.
 */
export function gemmJs(
  M: number,
  N: number,
  K: number,
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  c: Float32Array,
  cOff: number,
): void {
  const row = new Float64Array(N); // one output row, accumulated in float64
  for (let i = 0; i < M; i++) {
    row.fill(0);
    for (let k = 0; k < K; k++) {
      const x = a[aOff + i * K + k];
      if (x === 0) continue; // blocked weights are exactly 0
      const bk = bOff + k * N;
      for (let j = 0; j < N; j++) row[j] += x * b[bk + j];
    }
    for (let j = 0; j < N; j++) c[cOff + i * N + j] = row[j];
  }
}

/**
 * y = x·Wᵀ + b: x [M, in], W [out, in] (PyTorch Linear layout), b [out] → [M, out]. W is a model
 * weight (unchanged while the model is loaded): the SIMD path packs it once.
 */
export function linear(x: Tensor, weight: Tensor, bias?: Tensor): Tensor {
  return productTransB(x, weight, bias, true);
}

/** A·Bᵀ: A [M, K], B [N, K] → [M, N]. */
export function matmulTransB(a: Tensor, b: Tensor): Tensor {
  return productTransB(a, b, undefined, false);
}

function productTransB(x: Tensor, weight: Tensor, bias: Tensor | undefined, constB: boolean): Tensor {
  const [M, K] = x.shape;
  const [N, K2] = weight.shape;
  if (K !== K2) throw new Error(`linear: x is [${x.shape}] but weight is [${weight.shape}]`);
  const out = new Float32Array(M * N); // [M, out]
  gemmTransB(M, N, K, x.data, 0, weight.data, 0, out, 0, bias?.data, 1, constB);
  return { data: out, shape: [M, N] };
}

/** A·B: A [M, K], B [K, N] → [M, N]. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [M, K] = a.shape;
  const [K2, N] = b.shape;
  if (K !== K2) throw new Error(`matmul: a is [${a.shape}] but b is [${b.shape}]`);
  const out = new Float32Array(M * N); // [M, N]
  gemm(M, N, K, a.data, 0, b.data, 0, out, 0);
  return { data: out, shape: [M, N] };
}
