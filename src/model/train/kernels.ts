// The three matmuls of a linear layer, all on the model's tiled A·Bᵀ kernel (src/model/ops/matmul):
// forward y = x·Wᵀ, and backward dx = dy·W and dW = dyᵀ·x. The backward products are rewritten as
// A·Bᵀ by transposing the small operands first: an O(N·d) copy buys the fast O(N·d²) kernel
// (about 3× faster than plain loops here). With the WebAssembly SIMD kernel (initKernels()), the
// kernel reads each operand in whichever layout it has, so no transposed copy is made.
import { simdKernel } from '../kernels';
import { gemmTransB } from '../ops/matmul';

/** Bᵀ of a row-major [rows, cols] block starting at `off` → new [cols, rows] array. */
export function transpose(b: Float32Array, rows: number, cols: number, off = 0): Float32Array {
  const t = new Float32Array(rows * cols); // [cols, rows]
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = b[off + i * cols + j];
  return t;
}

/** out[M, N] = A[M, K]·W[r0:r0+N, K]ᵀ + bias — the forward of a linear layer (rows r0… of W). */
export function linearForward(
  a: Float32Array, w: Float32Array, bias: Float32Array | undefined, out: Float32Array,
  M: number, K: number, N: number, r0: number,
): void {
  gemmTransB(M, N, K, a, 0, w, r0 * K, out, 0, bias, 1, false); // W changes every step: not cached
}

/** gx[M, K] += dy[M, N]·W[r0:r0+N, K] — the gradient reaching the layer's input. */
export function linearBackwardInput(
  dy: Float32Array, w: Float32Array, gx: Float32Array, M: number, K: number, N: number, r0: number,
): void {
  const simd = simdKernel();
  if (simd) {
    // gx[M, K] += dy[M, N]·W_rows[N, K]
    simd.gemm(M, K, N, { data: dy, off: 0, trans: false }, { data: w, off: r0 * K, trans: false }, gx, 0, undefined, 1, false, true);
    return;
  }
  const wt = transpose(w, N, K, r0 * K); // [K, N]
  const tmp = new Float32Array(M * K); // [M, K]
  gemmTransB(M, K, N, dy, 0, wt, 0, tmp, 0);
  for (let i = 0; i < tmp.length; i++) gx[i] += tmp[i]; // += : x may feed several layers (q, k, v)
}

/** gw[r0:r0+N, K] += dy[M, N]ᵀ·x[M, K] — the gradient of the weight, summed over the M tokens. */
export function linearBackwardWeight(
  dy: Float32Array, x: Float32Array, gw: Float32Array, M: number, K: number, N: number, r0: number,
): void {
  const simd = simdKernel();
  if (simd) {
    // gw[r0:r0+N, K] += dyᵀ[N, M]·x[M, K]
    simd.gemm(N, K, M, { data: dy, off: 0, trans: true }, { data: x, off: 0, trans: false }, gw, r0 * K, undefined, 1, false, true);
    return;
  }
  const dyt = transpose(dy, M, N); // [N, M]
  const xt = transpose(x, M, K); // [K, M]
  const tmp = new Float32Array(N * K); // [N, K]
  gemmTransB(N, K, M, dyt, 0, xt, 0, tmp, 0);
  for (let i = 0; i < tmp.length; i++) gw[r0 * K + i] += tmp[i];
}
