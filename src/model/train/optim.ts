// AdamW (Loshchilov & Hutter 2019: Adam with weight decay decoupled from the gradient), a
// warm-up + cosine-decay learning-rate schedule, and clipping by the global gradient norm.
import type { Params } from './params';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number; // applied to matrices only; biases and LayerNorm gains are not shrunk
}

export const defaultAdamW: AdamWOptions = { beta1: 0.9, beta2: 0.98, eps: 1e-9, weightDecay: 0.01 };

/** Optimiser state: first and second moment per parameter, and the step count. */
export interface AdamWState {
  m: Map<string, Float32Array>;
  v: Map<string, Float32Array>;
  step: number;
}

export function createAdamW(p: Params): AdamWState {
  const m = new Map<string, Float32Array>();
  const v = new Map<string, Float32Array>();
  for (const [name, t] of p) {
    m.set(name, new Float32Array(t.data.length));
    v.set(name, new Float32Array(t.data.length));
  }
  return { m, v, step: 0 };
}

/** One AdamW update with learning rate `lr`; reads each Var's grad, then zeroes it. */
export function adamWStep(p: Params, state: AdamWState, lr: number, o: AdamWOptions = defaultAdamW): void {
  state.step++;
  const bc1 = 1 - Math.pow(o.beta1, state.step); // bias corrections: moments start at 0
  const bc2 = 1 - Math.pow(o.beta2, state.step);
  for (const [name, t] of p) {
    const g = t.grad;
    if (!g) continue;
    const m = state.m.get(name)!;
    const v = state.v.get(name)!;
    const decay = t.shape.length === 2 ? o.weightDecay : 0;
    const w = t.data;
    for (let i = 0; i < w.length; i++) {
      m[i] = o.beta1 * m[i] + (1 - o.beta1) * g[i];
      v[i] = o.beta2 * v[i] + (1 - o.beta2) * g[i] * g[i];
      const update = m[i] / bc1 / (Math.sqrt(v[i] / bc2) + o.eps);
      w[i] -= lr * (update + decay * w[i]);
    }
    g.fill(0);
  }
}

/** Scales all gradients so their joint L2 norm is at most `maxNorm`; returns the norm before. */
export function clipGradNorm(p: Params, maxNorm: number): number {
  let sq = 0;
  for (const t of p.values()) if (t.grad) for (const g of t.grad) sq += g * g;
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const s = maxNorm / norm;
    for (const t of p.values()) if (t.grad) for (let i = 0; i < t.grad.length; i++) t.grad[i] *= s;
  }
  return norm;
}

/** Linear warm-up to `peak` over `warmup` steps, then cosine decay to `peak·floor` at `total`.
 *  Warm-up keeps Adam's first, noisy steps small; decay lets the weights settle at the end. */
export function learningRate(step: number, peak: number, warmup: number, total: number, floor = 0.05): number {
  if (step < warmup) return (peak * (step + 1)) / warmup;
  const t = Math.min(1, (step - warmup) / Math.max(1, total - warmup));
  return peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * t)));
}
