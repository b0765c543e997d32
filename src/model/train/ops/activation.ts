// Element-wise activations of the feed-forward block: ReLU and exact GELU x·Φ(x) (erf form,
// as in PyTorch's default), with their derivatives; erf is the forward pass's own.
import { erf } from '../../ops/activations';
import { gradOf, variable, type Tape, type Var } from '../tape';

/** max(0, x) element-wise. */
export function relu(tape: Tape | null, x: Var): Var {
  const out = new Float32Array(x.data.length); // same shape as x
  for (let i = 0; i < out.length; i++) out[i] = x.data[i] > 0 ? x.data[i] : 0;
  const y = variable(out, x.shape);
  tape?.record(() => {
    if (!y.grad) return;
    const gx = gradOf(x);
    for (let i = 0; i < out.length; i++) if (x.data[i] > 0) gx[i] += y.grad[i];
  });
  return y;
}

/** GELU(x) = x·Φ(x), Φ the standard normal CDF; dGELU/dx = Φ(x) + x·φ(x). */
export function gelu(tape: Tape | null, x: Var): Var {
  const out = new Float32Array(x.data.length); // same shape as x
  for (let i = 0; i < out.length; i++) {
    const v = x.data[i];
    out[i] = 0.5 * v * (1 + erf(v / Math.SQRT2));
  }
  const y = variable(out, x.shape);
  tape?.record(() => {
    if (!y.grad) return;
    const gx = gradOf(x);
    const invSqrt2Pi = 1 / Math.sqrt(2 * Math.PI);
    for (let i = 0; i < out.length; i++) {
      const v = x.data[i];
      const cdf = 0.5 * (1 + erf(v / Math.SQRT2));
      const pdf = invSqrt2Pi * Math.exp(-0.5 * v * v);
      gx[i] += y.grad[i] * (cdf + v * pdf);
    }
  });
  return y;
}
