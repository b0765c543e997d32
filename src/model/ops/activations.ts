// The feed-forward activations: ReLU (Attention Is All You Need §3.3) and exact GELU
// (Hendrycks & Gimpel 2016), x·Φ(x) with Φ written through erf — not the tanh approximation.
import { simdKernel } from '../kernels';
import type { Tensor } from '../tensor';

/**
 * The error function, accurate to float32 everywhere. Near 0, its Maclaurin series
 * erf(x) = 2/√π · Σ (−1)ⁿ x²ⁿ⁺¹ / (n! (2n+1)) keeps the relative error small; elsewhere
 * 1 − erfc(x) with the Chebyshev-fitted erfc of Numerical Recipes (§6.2, fractional error < 1.2e-7).
 */
export function erf(x: number): number {
  const z = Math.abs(x);
  if (z < 0.5) {
    // Terms fall by at least x² / 1 each; 10 of them reach double precision for |x| < 0.5.
    let term = x; // (−1)ⁿ x²ⁿ⁺¹ / n!
    let sum = x;
    for (let n = 1; n < 10; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc : erfc - 1;
}

/** Exact GELU of one number: x·Φ(x) = x/2·(1 + erf(x/√2)). */
export function geluScalar(x: number): number {
  return 0.5 * x * (1 + erf(x * Math.SQRT1_2));
}

/** Element-wise max(0, x). */
export function relu(x: Tensor): Tensor {
  const out = new Float32Array(x.data.length); // same shape as x
  for (let i = 0; i < out.length; i++) out[i] = x.data[i] > 0 ? x.data[i] : 0;
  return { data: out, shape: [...x.shape] };
}

/**
 * Element-wise exact GELU. On the SIMD kernel (initKernels()) it runs in WebAssembly, four at a
 * time, with its own erf of the same accuracy (gemm.wat); the trainer keeps this `erf`.
 */
export function gelu(x: Tensor): Tensor {
  const simd = simdKernel();
  if (simd) return { data: simd.gelu(x.data), shape: [...x.shape] };
  const out = new Float32Array(x.data.length); // same shape as x
  for (let i = 0; i < out.length; i++) out[i] = geluScalar(x.data[i]);
  return { data: out, shape: [...x.shape] };
}
