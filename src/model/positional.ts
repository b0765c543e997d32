// Positional encodings. Sinusoidal: Attention Is All You Need §3.5, sin on even and cos on odd
// dimensions (interleaved, not concatenated halves). RoPE: Su et al., RoFormer (2021) §3.2:
// rotate each pair (2i, 2i+1) of a query or key by pos·θ_i, θ_i = 10000^(−2i/dHead).
import type { Tensor } from './tensor';

/** The frequency of pair i for a width `dim`: 1 / 10000^(2i/dim). */
function frequency(i: number, dim: number): number {
  return Math.pow(10000, (-2 * i) / dim);
}

/**
 * The full sinusoidal table for positions 0..S−1. Interleaved (the paper): P[pos, 2i] = sin(pos·ω_i),
 * P[pos, 2i+1] = cos(pos·ω_i). Halves (Hugging Face Marian): the same numbers as [sin | cos],
 * P[pos, i] = sin(pos·ω_i), P[pos, dModel/2 + i] = cos(pos·ω_i).
 */
export function sinusoidalTable(S: number, dModel: number, layout: 'interleaved' | 'halves' = 'interleaved'): Tensor {
  const out = new Float32Array(S * dModel); // [S, dModel]
  const half = Math.ceil(dModel / 2);
  for (let pos = 0; pos < S; pos++) {
    for (let i = 0; 2 * i < dModel; i++) {
      const angle = pos * frequency(i, dModel);
      const sinCol = layout === 'halves' ? i : 2 * i;
      const cosCol = layout === 'halves' ? half + i : 2 * i + 1;
      out[pos * dModel + sinCol] = Math.sin(angle);
      if (2 * i + 1 < dModel) out[pos * dModel + cosCol] = Math.cos(angle);
    }
  }
  return { data: out, shape: [S, dModel] };
}

/** The first S rows of a learned position table [maxLen, dModel] (positions start at 0). */
export function learnedTable(posEmbed: Tensor, S: number): Tensor {
  const d = posEmbed.shape[1];
  return { data: posEmbed.data.slice(0, S * d), shape: [S, d] }; // [S, dModel]
}

/** RoPE angles: angle[pos, i] = pos · 10000^(−2i/dHead) for pairs i < dHead/2. */
export function ropeAngles(S: number, dHead: number): Tensor {
  const half = dHead / 2;
  const out = new Float32Array(S * half); // [S, dHead/2]
  for (let pos = 0; pos < S; pos++)
    for (let i = 0; i < half; i++) out[pos * half + i] = pos * frequency(i, dHead);
  return { data: out, shape: [S, half] };
}

/**
 * Rotates, in place, the rows of an [S, dHead] block at `offset` (row s is at position s):
 * (a, b) → (a·cos − b·sin, a·sin + b·cos) for each pair (2i, 2i+1).
 */
export function applyRopeInPlace(x: Float32Array, offset: number, S: number, dHead: number): void {
  for (let pos = 0; pos < S; pos++) {
    const row = offset + pos * dHead;
    for (let i = 0; 2 * i + 1 < dHead; i++) {
      const angle = pos * frequency(i, dHead);
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      const a = x[row + 2 * i];
      const b = x[row + 2 * i + 1];
      x[row + 2 * i] = a * cos - b * sin;
      x[row + 2 * i + 1] = a * sin + b * cos;
    }
  }
}

/** RoPE of a whole [S, dHead] tensor (row s at position s); returns a rotated copy. */
export function applyRope(x: Tensor): Tensor {
  const [S, dHead] = x.shape;
  const out = x.data.slice(); // [S, dHead]
  applyRopeInPlace(out, 0, S, dHead);
  return { data: out, shape: [S, dHead] };
}

/** One vector of width dHead rotated as at position `pos` (for lessons that draw a single rotation). */
export function rotateAt(vector: readonly number[] | Float32Array, pos: number): Float32Array {
  const dHead = vector.length;
  const out = Float32Array.from(vector); // [dHead]
  for (let i = 0; 2 * i + 1 < dHead; i++) {
    const angle = pos * frequency(i, dHead);
    const a = out[2 * i];
    const b = out[2 * i + 1];
    out[2 * i] = a * Math.cos(angle) - b * Math.sin(angle);
    out[2 * i + 1] = a * Math.sin(angle) + b * Math.cos(angle);
  }
  return out;
}
