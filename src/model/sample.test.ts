// Sampling: a reproducible seeded generator, greedy at temperature 0, top-k never leaving the k
// most likely ids, and draws that follow softmax(logits / T).
import { describe, expect, it } from 'vitest';
import { argmax, createRng, samplingDistribution, sampleToken, topKIds } from './sample';

describe('createRng', () => {
  it('is reproducible, seed-dependent and uniform in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe('sampling', () => {
  const logits = Float32Array.from([1, 3, 2, 3, -1]);

  it('argmax and top-k break ties by the lowest id', () => {
    expect(argmax(logits)).toBe(1);
    expect(topKIds(logits, 3)).toEqual([1, 3, 2]);
  });

  it('temperature 0 and top-1 are greedy', () => {
    const rng = createRng(1);
    for (let i = 0; i < 50; i++) {
      expect(sampleToken(logits, { temperature: 0, rng })).toBe(1);
      expect(sampleToken(logits, { topK: 1, rng })).toBe(1);
    }
  });

  it('top-k draws only from the k most likely ids', () => {
    const rng = createRng(2);
    const seen = new Set(Array.from({ length: 500 }, () => sampleToken(logits, { topK: 2, rng })));
    expect([...seen].sort()).toEqual([1, 3]);
  });

  it('frequencies follow softmax(logits / T)', () => {
    const rng = createRng(3);
    const T = 2;
    const p = samplingDistribution(logits, T);
    expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    const counts = new Array(5).fill(0);
    const n = 40000;
    for (let i = 0; i < n; i++) counts[sampleToken(logits, { temperature: T, rng })]++;
    counts.forEach((c, i) => expect(Math.abs(c / n - p[i])).toBeLessThan(0.01));
  });

  it('top-k renormalises over the kept ids', () => {
    const p = samplingDistribution(Float32Array.from([0, Math.log(3), -5]), 1, 2);
    expect(p[0]).toBeCloseTo(0.25, 6); // log(3) is rounded to float32
    expect(p[1]).toBeCloseTo(0.75, 6);
    expect(p[2]).toBe(0);
  });
});

describe('topKIds', () => {
  it('equals a full sort (largest first, ties to the lower id) without sorting the vocabulary', () => {
    const rand = createRng(7);
    for (const V of [1, 5, 64, 1000]) {
      const logits = Float32Array.from({ length: V }, () => Math.round(rand() * 20) / 4); // many ties
      const sorted = Array.from({ length: V }, (_, i) => i).sort((a, b) => logits[b] - logits[a] || a - b);
      for (const k of [1, 3, 10, V, V + 5]) expect(topKIds(logits, k)).toEqual(sorted.slice(0, Math.max(1, Math.min(k, V))));
    }
  });
});
