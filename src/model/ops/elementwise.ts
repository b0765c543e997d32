// Element-wise helpers for the residual stream (Attention Is All You Need §3.1: x + Sublayer(x)).
import type { Tensor } from '../tensor';

/** a + b, same shapes; a new tensor (the inputs may already be traced, so they are never mutated). */
export function add(a: Tensor, b: Tensor): Tensor {
  const out = new Float32Array(a.data.length); // same shape as a
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] + b.data[i];
  return { data: out, shape: [...a.shape] };
}

/** A copy of a tensor with its own buffer. */
export function clone<T extends { data: Float32Array | Uint8Array | Int32Array; shape: readonly number[] }>(
  t: T,
): T {
  return { ...t, data: t.data.slice(), shape: [...t.shape] };
}
