// LayerNorm over the last axis with the biased variance (as PyTorch):
// y = (x − mean) / sqrt(var + eps) · gamma + beta.
import { gradOf, variable, type Tape, type Var } from '../tape';

/** Normalises each row of x [N, d]; gamma, beta [d]. */
export function layerNorm(tape: Tape | null, x: Var, gamma: Var, beta: Var, eps: number): Var {
  const N = x.shape[0];
  const d = x.shape[1];
  const out = new Float32Array(N * d); // [N, d]
  const xHat = new Float32Array(N * d); // [N, d] normalised, kept for the backward pass
  const invStd = new Float32Array(N); // [N]
  for (let i = 0; i < N; i++) {
    const o = i * d;
    let mean = 0;
    for (let j = 0; j < d; j++) mean += x.data[o + j];
    mean /= d;
    let v = 0;
    for (let j = 0; j < d; j++) v += (x.data[o + j] - mean) ** 2;
    const s = 1 / Math.sqrt(v / d + eps);
    invStd[i] = s;
    for (let j = 0; j < d; j++) {
      const h = (x.data[o + j] - mean) * s;
      xHat[o + j] = h;
      out[o + j] = h * gamma.data[j] + beta.data[j];
    }
  }
  const y = variable(out, x.shape);
  tape?.record(() => {
    if (!y.grad) return;
    const dy = y.grad;
    const gx = gradOf(x);
    const gg = gradOf(gamma);
    const gb = gradOf(beta);
    for (let i = 0; i < N; i++) {
      const o = i * d;
      // dxHat = dy·gamma; dx = invStd · (dxHat − mean(dxHat) − xHat·mean(dxHat·xHat))
      let m1 = 0;
      let m2 = 0;
      for (let j = 0; j < d; j++) {
        const dh = dy[o + j] * gamma.data[j];
        m1 += dh;
        m2 += dh * xHat[o + j];
        gg[j] += dy[o + j] * xHat[o + j];
        gb[j] += dy[o + j];
      }
      m1 /= d;
      m2 /= d;
      for (let j = 0; j < d; j++) {
        const dh = dy[o + j] * gamma.data[j];
        gx[o + j] += invStd[i] * (dh - m1 - xHat[o + j] * m2);
      }
    }
  });
  return y;
}
