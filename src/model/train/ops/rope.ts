// Rotary position embedding (RoPE, Su et al. 2021) on queries or keys: inside each head, the pair
// (2i, 2i+1) at position pos turns by the angle pos·10000^(−2i/dHead). A rotation's inverse is
// the rotation by −angle, which is exactly its backward pass.
import { gradOf, variable, type Tape, type Var } from '../tape';

/** Rotates x [B·S, d] (heads side by side, d = nHeads·dHead); pos = row mod S. */
export function rope(tape: Tape | null, x: Var, S: number, nHeads: number): Var {
  const N = x.shape[0];
  const d = x.shape[1];
  const dHead = d / nHeads;
  const half = dHead / 2;
  const cos = new Float32Array(S * half); // [S, dHead/2]
  const sin = new Float32Array(S * half); // [S, dHead/2]
  for (let pos = 0; pos < S; pos++) {
    for (let i = 0; i < half; i++) {
      const angle = pos * Math.pow(10000, (-2 * i) / dHead);
      cos[pos * half + i] = Math.cos(angle);
      sin[pos * half + i] = Math.sin(angle);
    }
  }
  const rotate = (src: Float32Array, dst: Float32Array, sign: number): void => {
    for (let r = 0; r < N; r++) {
      const pos = r % S;
      for (let h = 0; h < nHeads; h++) {
        for (let i = 0; i < half; i++) {
          const o = r * d + h * dHead + 2 * i;
          const c = cos[pos * half + i];
          const s = sign * sin[pos * half + i];
          const a = src[o];
          const b = src[o + 1];
          dst[o] += a * c - b * s;
          dst[o + 1] += a * s + b * c;
        }
      }
    }
  };
  const out = new Float32Array(N * d); // [B·S, d]
  rotate(x.data, out, 1);
  const y = variable(out, x.shape);
  tape?.record(() => {
    if (y.grad) rotate(y.grad, gradOf(x), -1); // dx = Rᵀ·dy = R(−angle)·dy
  });
  return y;
}
