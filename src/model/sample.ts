// Choosing the next token from logits: greedy (argmax) or sampling from softmax(logits / T),
// optionally among the k most likely tokens only (top-k). Randomness comes from a seeded
// generator, so a run can be repeated exactly; src/model never calls Math.random.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** A seeded generator (mulberry32): small, fast, and the same sequence for the same seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Index of the largest of `n` values starting at `offset` (default: all of them), counted from
 * `offset`; ties go to the lowest index. The one argmax of the project: greedy choice, a row of a
 * [T, V] block, the strongest key of an attention row.
 */
export function argmax(values: ArrayLike<number>, offset = 0, n = values.length - offset): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (values[offset + i] > values[offset + best]) best = i;
  return best;
}

/**
 * Ids of the k largest logits, largest first (ties: lower id first). One pass that keeps the best k
 * in order, so a real vocabulary (50,000 or 10⁶ pieces) costs V steps, not a sort of V ids.
 */
export function topKIds(logits: ArrayLike<number>, k: number): number[] {
  const n = Math.max(1, Math.min(k, logits.length));
  const best: number[] = []; // ids, largest logit first
  for (let i = 0; i < logits.length; i++) {
    if (best.length === n && !(logits[i] > logits[best[n - 1]])) continue; // ties keep the lower id
    let at = best.length;
    while (at > 0 && logits[i] > logits[best[at - 1]]) at--;
    best.splice(at, 0, i);
    if (best.length > n) best.pop();
  }
  return best;
}

export interface SampleOptions {
  /** Divides the logits before the softmax: < 1 sharpens, > 1 flattens; 0 means greedy. Default 1. */
  temperature?: number;
  /** Keep only the k most likely tokens (default: all). */
  topK?: number;
  rng: Rng;
}

/**
 * The distribution sampling draws from: softmax(logits / temperature) over the top-k ids, 0 elsewhere.
 * Returns a full-length Float64Array of probabilities [V].
 */
export function samplingDistribution(
  logits: ArrayLike<number>,
  temperature = 1,
  topK?: number,
): Float64Array {
  const V = logits.length;
  const kept =
    topK !== undefined && topK < V ? topKIds(logits, topK) : Array.from({ length: V }, (_, i) => i);
  const probs = new Float64Array(V); // [V]
  let max = -Infinity;
  for (const i of kept) max = Math.max(max, logits[i] / temperature);
  let sum = 0;
  for (const i of kept) {
    probs[i] = Math.exp(logits[i] / temperature - max);
    sum += probs[i];
  }
  for (const i of kept) probs[i] /= sum;
  return probs;
}

/** Draws one token id from logits [V] with temperature and top-k; temperature 0 gives argmax. */
export function sampleToken(logits: ArrayLike<number>, options: SampleOptions): number {
  const { temperature = 1, topK, rng } = options;
  if (temperature === 0) return argmax(logits);
  if (!(temperature > 0)) throw new RangeError(`temperature must be ≥ 0 (got ${temperature})`);
  const probs = samplingDistribution(logits, temperature, topK);
  const u = rng();
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < probs.length; i++) {
    if (probs[i] === 0) continue;
    cumulative += probs[i];
    last = i;
    if (u < cumulative) return i;
  }
  return last; // u within rounding of 1
}
