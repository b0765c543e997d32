// Finite-difference gradient checking, used by the tests: nudge one input number by ±h, watch
// the loss, and compare (L(x+h) − L(x−h)) / 2h with the gradient the backward pass computed.
import { Tape, type Var } from './tape';

/** Largest |analytic − numeric| / max(1, |numeric|) over `samples` entries of each input. */
export function gradCheck(inputs: Var[], loss: (tape: Tape | null) => Var, samples = 12, h = 1e-2): number {
  for (const v of inputs) v.grad = null;
  const tape = new Tape();
  tape.backward(loss(tape));
  let worst = 0;
  for (const v of inputs) {
    const analytic = v.grad ?? new Float32Array(v.data.length);
    const n = v.data.length;
    for (let s = 0; s < Math.min(samples, n); s++) {
      const i = Math.floor(((s + 0.5) * n) / Math.min(samples, n)); // spread over the tensor
      const old = v.data[i];
      v.data[i] = old + h;
      const up = loss(null).data[0];
      v.data[i] = old - h;
      const down = loss(null).data[0];
      v.data[i] = old;
      const numeric = (up - down) / (2 * h);
      worst = Math.max(worst, Math.abs(analytic[i] - numeric) / Math.max(1, Math.abs(numeric)));
    }
  }
  return worst;
}
