// Linear layers and residual adds. Weights are stored [out, in] as in PyTorch, so the forward
// is y = x·Wᵀ + b, and the same Var can be saved under its state_dict name unchanged.
import { linearBackwardInput, linearBackwardWeight, linearForward } from '../kernels';
import { gradOf, variable, type Tape, type Var } from '../tape';

/**
 * y = x·W[r0:r1]ᵀ + b[r0:r1] for rows r0..r1 of W (all rows by default).
 * The row range lets PyTorch's packed `in_proj_weight` [3d, d] give Q, K and V separately.
 */
export function linear(tape: Tape | null, x: Var, w: Var, b: Var | null, r0 = 0, r1 = w.shape[0]): Var {
  const N = x.shape[0]; // tokens
  const dIn = x.shape[1];
  const dOut = r1 - r0;
  if (w.shape[1] !== dIn) throw new Error(`linear: x has ${dIn} features, W expects ${w.shape[1]}`);
  const out = new Float32Array(N * dOut); // [N, dOut]
  linearForward(x.data, w.data, b?.data.subarray(r0, r1), out, N, dIn, dOut, r0);
  const y = variable(out, [N, dOut]); // [N, dOut]
  tape?.record(() => {
    if (!y.grad) return;
    const dy = y.grad; // [N, dOut]
    linearBackwardInput(dy, w.data, gradOf(x), N, dIn, dOut, r0); // dx += dy·W    [N, dIn]
    linearBackwardWeight(dy, x.data, gradOf(w), N, dIn, dOut, r0); // dW += dyᵀ·x  [dOut, dIn]
    if (b) {
      const db = gradOf(b); // [3d] or [dOut]
      for (let i = 0; i < N; i++) for (let j = 0; j < dOut; j++) db[r0 + j] += dy[i * dOut + j];
    }
  });
  return y;
}

/** y = a + b (same shape): the residual connection. Its gradient passes to both unchanged. */
export function add(tape: Tape | null, a: Var, b: Var): Var {
  const out = new Float32Array(a.data.length); // [N, d]
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] + b.data[i];
  const y = variable(out, a.shape);
  tape?.record(() => {
    if (!y.grad) return;
    const ga = gradOf(a);
    const gb = gradOf(b);
    for (let i = 0; i < out.length; i++) {
      ga[i] += y.grad[i];
      gb[i] += y.grad[i];
    }
  });
  return y;
}
