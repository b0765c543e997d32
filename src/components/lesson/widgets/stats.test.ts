// The arithmetic behind the lesson 8–14 widgets, on hand-checkable tensors.
import { describe, expect, it } from 'vitest';
import { rowStats, fmt } from './stats';
import { crossRow } from './CrossAlignment';
import { ranked } from './Predictions';
import { softLookup } from './SoftLookup';
import type { Tensor } from '../../../model/tensor';

const t = (data: number[], shape: number[]): Tensor => ({ data: Float32Array.from(data), shape });

describe('rowStats', () => {
  it('gives the mean and the biased standard deviation of each row, as LayerNorm', () => {
    const [a, b] = rowStats(t([1, 3, 1, 3, 5, 5, 5, 5], [2, 4]));
    expect(a.mean).toBeCloseTo(2);
    expect(a.std).toBeCloseTo(1); // deviations ±1, divided by d (not d − 1)
    expect(b).toEqual({ mean: 5, std: 0 });
  });
  it('formats without a negative zero', () => {
    expect(fmt(-0.0001)).toBe('0.00');
    expect(fmt(-1.5)).toBe('−1.50');
  });
});

describe('crossRow', () => {
  // weights [nHeads=2, Sq=1, Sk=3]
  const w = t([1, 0, 0, 0, 0.5, 0.5], [2, 1, 3]);
  it('reads one head', () => expect(Array.from(crossRow(w, 0, 1))).toEqual([0, 0.5, 0.5]));
  it('averages the heads, so the row still sums to 1', () => {
    const r = crossRow(w, 0, 'mean');
    expect(Array.from(r)).toEqual([0.5, 0.25, 0.25]);
    expect(r.reduce((s, x) => s + x, 0)).toBeCloseTo(1);
  });
});

describe('ranked', () => {
  it('orders one position’s probabilities, ties by the lower id', () => {
    const probs = t([0.1, 0.9, 0, 0.25, 0.25, 0.5], [2, 3]);
    expect(ranked(probs, 1).map((r) => r.id)).toEqual([2, 0, 1]);
  });
});

describe('softLookup', () => {
  // one head, one query, two keys; values [2, dHead=2]
  const weights = t([0.75, 0.25], [1, 1, 2]);
  const v = t([1, 0, 0, 1], [1, 2, 2]);
  const out = t([0.75, 0.25], [1, 1, 2]);
  it('blends the values by the weights and matches the head output', () => {
    const r = softLookup(weights, v, out, 0, 0);
    expect(r.best).toBe(0);
    expect(Array.from(r.blend)).toEqual([0.75, 0.25]);
    expect(r.maxDiff).toBe(0);
    expect(r.effectiveKeys).toBeCloseTo(1 / (0.75 ** 2 + 0.25 ** 2));
    expect(r.cosineToBest).toBeCloseTo(0.75 / Math.sqrt(0.75 ** 2 + 0.25 ** 2));
  });
  it('is an exact lookup when one weight is 1', () => {
    const r = softLookup(t([0, 1], [1, 1, 2]), v, t([0, 1], [1, 1, 2]), 0, 0);
    expect(r.best).toBe(1);
    expect(r.effectiveKeys).toBe(1);
    expect(r.cosineToBest).toBeCloseTo(1);
  });
});
