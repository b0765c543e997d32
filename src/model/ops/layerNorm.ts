// Layer normalisation (Ba et al. 2016), as PyTorch's nn.LayerNorm: per row, subtract the mean,
// divide by sqrt(biased variance + eps), then scale by gamma and shift by beta.
import type { Tensor } from '../tensor';

/** LayerNorm of each row of x [S, d] with gamma, beta [d]. */
export function layerNorm(x: Tensor, gamma: Tensor, beta: Tensor, eps: number): Tensor {
  const d = x.shape[x.shape.length - 1];
  const rows = x.data.length / d;
  const out = new Float32Array(x.data.length); // [S, d]
  for (let r = 0; r < rows; r++) {
    const o = r * d;
    let mean = 0;
    for (let c = 0; c < d; c++) mean += x.data[o + c];
    mean /= d;
    let variance = 0;
    for (let c = 0; c < d; c++) {
      const t = x.data[o + c] - mean;
      variance += t * t;
    }
    variance /= d; // biased, as PyTorch
    const inv = 1 / Math.sqrt(variance + eps);
    for (let c = 0; c < d; c++) out[o + c] = (x.data[o + c] - mean) * inv * gamma.data[c] + beta.data[c];
  }
  return { data: out, shape: [...x.shape] };
}
