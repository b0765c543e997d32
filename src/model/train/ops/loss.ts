// Cross-entropy of logits against target ids, averaged over the positions that have a target
// (target −1 = ignore: padding and positions the task does not score).
import { gradOf, variable, type Tape, type Var } from '../tape';

/** Mean −log softmax(logits)[target] over rows with target ≥ 0; logits [N, V], targets [N]. */
export function crossEntropy(tape: Tape | null, logits: Var, targets: Int32Array): Var {
  const N = logits.shape[0];
  const V = logits.shape[1];
  const probs = new Float32Array(N * V); // [N, V] softmax, reused by the backward pass
  let total = 0;
  let count = 0;
  for (let i = 0; i < N; i++) {
    if (targets[i] < 0) continue;
    const o = i * V;
    let max = -Infinity;
    for (let j = 0; j < V; j++) max = Math.max(max, logits.data[o + j]);
    let sum = 0;
    for (let j = 0; j < V; j++) {
      const e = Math.exp(logits.data[o + j] - max); // subtract the max: no overflow
      probs[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < V; j++) probs[o + j] /= sum;
    total += -Math.log(Math.max(probs[o + targets[i]], 1e-30));
    count++;
  }
  const loss = variable(new Float32Array([count ? total / count : 0]), [1]); // [1]
  tape?.record(() => {
    if (!loss.grad || count === 0) return;
    const g = gradOf(logits);
    const scale = loss.grad[0] / count;
    // d(−log p_t)/dlogit_j = p_j − [j = t]
    for (let i = 0; i < N; i++) {
      if (targets[i] < 0) continue;
      const o = i * V;
      for (let j = 0; j < V; j++) g[o + j] += scale * probs[o + j];
      g[o + targets[i]] -= scale;
    }
  });
  return loss;
}
