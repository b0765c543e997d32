// Positional encodings: sinusoidal values at known points; RoPE keeps vector norms and makes
// q_m·k_n depend only on m − n (RoFormer §3.4.1).
import { describe, expect, it } from 'vitest';
import { applyRope, ropeAngles, rotateAt, sinusoidalTable } from './positional';
import { createRng } from './sample';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const rng = createRng(11);
const randomVector = (n: number) => Float32Array.from({ length: n }, () => rng() * 2 - 1);

describe('sinusoidal', () => {
  it('interleaves sin (even) and cos (odd) at known points', () => {
    const P = sinusoidalTable(50, 8);
    expect(P.shape).toEqual([50, 8]);
    expect([...P.data.subarray(0, 8)]).toEqual([0, 1, 0, 1, 0, 1, 0, 1]); // position 0
    const at = (pos: number, dim: number) => P.data[pos * 8 + dim];
    expect(at(1, 0)).toBeCloseTo(Math.sin(1), 6);
    expect(at(1, 1)).toBeCloseTo(Math.cos(1), 6);
    expect(at(1, 2)).toBeCloseTo(Math.sin(1 / 10000 ** (2 / 8)), 6); // ω₁ = 0.1
    expect(at(1, 2)).toBeCloseTo(Math.sin(0.1), 6);
    expect(at(10, 3)).toBeCloseTo(Math.cos(1), 6);
    expect(at(49, 6)).toBeCloseTo(Math.sin(49 / 10000 ** (6 / 8)), 6);
    expect(P.data.every((v) => v >= -1 && v <= 1)).toBe(true);
  });

  it('any length and width', () => {
    expect(sinusoidalTable(1, 2).data).toEqual(Float32Array.from([0, 1]));
    expect(sinusoidalTable(300, 64).data.length).toBe(300 * 64);
  });
});

describe('RoPE', () => {
  it('angles are pos · 10000^(−2i/dHead)', () => {
    const a = ropeAngles(4, 8);
    expect(a.shape).toEqual([4, 4]);
    expect(a.data[0]).toBe(0);
    expect(a.data[1 * 4 + 0]).toBeCloseTo(1, 6);
    expect(a.data[3 * 4 + 1]).toBeCloseTo(3 * 0.1, 6);
    expect(a.data[2 * 4 + 3]).toBeCloseTo(2 * 10000 ** (-6 / 8), 6);
  });

  it('position 0 is the identity; a hand-rotated pair', () => {
    const v = Float32Array.from([1, 2, 3, 4]);
    expect(rotateAt(v, 0)).toEqual(v);
    const r = rotateAt([1, 0, 0, 1], 1); // pair 0 by 1 rad, pair 1 by 0.01 rad
    expect(r[0]).toBeCloseTo(Math.cos(1), 6);
    expect(r[1]).toBeCloseTo(Math.sin(1), 6);
    expect(r[2]).toBeCloseTo(-Math.sin(0.01), 6);
    expect(r[3]).toBeCloseTo(Math.cos(0.01), 6);
  });

  it('keeps vector norms', () => {
    for (let t = 0; t < 20; t++) {
      const v = randomVector(16);
      const pos = Math.floor(rng() * 500);
      expect(Math.sqrt(dot(rotateAt(v, pos), rotateAt(v, pos)))).toBeCloseTo(Math.sqrt(dot(v, v)), 4);
    }
  });

  it('q_m · k_n depends only on m − n', () => {
    const q = randomVector(8);
    const k = randomVector(8);
    for (const [m, n] of [
      [5, 2],
      [3, 0],
      [12, 9],
      [40, 37],
    ]) {
      const base = dot(rotateAt(q, 3), rotateAt(k, 0)); // m − n = 3
      expect(dot(rotateAt(q, m), rotateAt(k, n))).toBeCloseTo(base, 4);
    }
    expect(
      Math.abs(dot(rotateAt(q, 4), rotateAt(k, 0)) - dot(rotateAt(q, 3), rotateAt(k, 0))),
    ).toBeGreaterThan(1e-4);
  });

  it('applyRope rotates row s of a matrix as position s', () => {
    const x = { data: Float32Array.from({ length: 12 }, (_, i) => i - 5), shape: [3, 4] };
    const y = applyRope(x);
    for (let s = 0; s < 3; s++) {
      const expected = rotateAt(x.data.subarray(s * 4, s * 4 + 4), s);
      for (let c = 0; c < 4; c++) expect(y.data[s * 4 + c]).toBeCloseTo(expected[c], 6);
    }
    expect(x.data[4]).toBe(-1); // input untouched
  });
});
