// Hand-checkable cases and properties of the numeric kernels.
import { describe, expect, it } from 'vitest';
import { createRng } from '../sample';
import type { Tensor } from '../tensor';
import { erf, gelu, geluScalar, relu } from './activations';
import { embedTokens } from './embedding';
import { layerNorm } from './layerNorm';
import { gemmTransB, linear, matmul } from './matmul';
import { softmax } from './softmax';

const rng = createRng(7);
const rand = (shape: number[]): Tensor => {
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1)); // shape
  for (let i = 0; i < data.length; i++) data[i] = rng() * 2 - 1;
  return { data, shape };
};

/** Reference: C[i][j] = Σ_k A[i][k]·B[k][j] with B given as [N, K] when transB. */
function naive(a: Tensor, b: Tensor, transB: boolean): number[] {
  const [M, K] = a.shape;
  const N = transB ? b.shape[0] : b.shape[1];
  const out: number[] = [];
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += a.data[i * K + k] * (transB ? b.data[j * K + k] : b.data[k * N + j]);
      out.push(s);
    }
  return out;
}

describe('matmul', () => {
  it('linear equals the naive triple loop, including tile leftovers and the bias', () => {
    for (const [M, N, K] of [
      [1, 1, 1],
      [4, 4, 3],
      [7, 9, 5],
      [13, 6, 17],
      [8, 12, 64],
    ]) {
      const x = rand([M, K]);
      const w = rand([N, K]);
      const b = rand([N]);
      const y = linear(x, w, b);
      expect(y.shape).toEqual([M, N]);
      const ref = naive(x, w, true);
      ref.forEach((v, idx) => expect(y.data[idx]).toBeCloseTo(v + b.data[idx % N], 5));
    }
  });

  it('gemmTransB works on blocks at offsets and scales by alpha', () => {
    const a = rand([2, 5, 3]); // two blocks [5, 3]
    const b = rand([2, 6, 3]); // two blocks [6, 3]
    const c = new Float32Array(2 * 5 * 6);
    gemmTransB(5, 6, 3, a.data, 15, b.data, 18, c, 30, undefined, 0.5);
    const ref = naive(
      { data: a.data.subarray(15), shape: [5, 3] },
      { data: b.data.subarray(18), shape: [6, 3] },
      true,
    );
    ref.forEach((v, idx) => expect(c[30 + idx]).toBeCloseTo(0.5 * v, 5));
    expect(c.subarray(0, 30).every((v) => v === 0)).toBe(true);
  });

  it('matmul (B not transposed) equals the naive loop; a known 2×2 case', () => {
    const a = rand([5, 7]);
    const b = rand([7, 3]);
    naive(a, b, false).forEach((v, idx) => expect(matmul(a, b).data[idx]).toBeCloseTo(v, 5));
    const m = matmul(
      { data: Float32Array.from([1, 2, 3, 4]), shape: [2, 2] },
      { data: Float32Array.from([5, 6, 7, 8]), shape: [2, 2] },
    );
    expect([...m.data]).toEqual([19, 22, 43, 50]);
  });
});

describe('softmax', () => {
  it('rows sum to 1 over unblocked cells and are 0 on blocked cells', () => {
    const x = rand([3, 6, 6]); // [nHeads, S, S]
    const mask = { data: new Uint8Array(36), shape: [6, 6] };
    for (let i = 0; i < 36; i++) mask.data[i] = rng() < 0.4 ? 1 : 0;
    for (let i = 0; i < 6; i++) mask.data[i * 6 + i] = 0; // keep one key per row
    const y = softmax(x, mask);
    for (let r = 0; r < 18; r++) {
      let sum = 0;
      for (let c = 0; c < 6; c++) {
        const v = y.data[r * 6 + c];
        if (mask.data[(r % 6) * 6 + c]) expect(v).toBe(0);
        else expect(v).toBeGreaterThan(0);
        sum += v;
      }
      expect(sum).toBeCloseTo(1, 6);
    }
  });

  it('a fully blocked row gives zero weights, never NaN', () => {
    const y = softmax(
      { data: Float32Array.from([1, 2, 3, 4]), shape: [2, 2] },
      { data: Uint8Array.from([1, 1, 0, 1]), shape: [2, 2] },
    );
    expect([...y.data]).toEqual([0, 0, 1, 0]);
  });

  it('known values, temperature, and no overflow on large logits', () => {
    const y = softmax({ data: Float32Array.from([0, Math.log(3)]), shape: [1, 2] });
    expect(y.data[0]).toBeCloseTo(0.25, 6);
    const t = softmax({ data: Float32Array.from([0, Math.log(3)]), shape: [1, 2] }, undefined, 0.5); // 1 : 9
    expect(t.data[0]).toBeCloseTo(0.1, 6);
    const big = softmax({ data: Float32Array.from([1000, 1000]), shape: [2] });
    expect([...big.data]).toEqual([0.5, 0.5]);
  });
});

describe('layerNorm, activations, embedding', () => {
  it('layerNorm: a hand case and zero mean / unit (biased) variance', () => {
    const ones = { data: new Float32Array(3).fill(1), shape: [3] };
    const zeros = { data: new Float32Array(3), shape: [3] };
    const y = layerNorm({ data: Float32Array.from([1, 2, 3]), shape: [1, 3] }, ones, zeros, 0);
    const s = Math.sqrt(2 / 3); // biased std of 1, 2, 3
    [-1 / s, 0, 1 / s].forEach((v, i) => expect(y.data[i]).toBeCloseTo(v, 5));
    const g = { data: Float32Array.from([2, 2, 2]), shape: [3] };
    const b = { data: Float32Array.from([1, 1, 1]), shape: [3] };
    const z = layerNorm({ data: Float32Array.from([1, 2, 3]), shape: [1, 3] }, g, b, 0);
    expect(z.data[1]).toBeCloseTo(1, 6);
    expect(z.data[2]).toBeCloseTo(1 + 2 / s, 5);
  });

  it('erf matches known values to float32 accuracy; GELU is exact (erf form)', () => {
    const known: [number, number][] = [
      [0, 0],
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [-1.5, -0.9661051464753108],
      [3.5, 0.9999992569016276],
    ];
    for (const [x, v] of known) expect(Math.abs(erf(x) - v)).toBeLessThan(2e-7);
    // Relative accuracy near 0 (where 1 − erfc would lose it) and continuity at the switch.
    expect(Math.abs(erf(1e-4) / 1.1283791633342487e-4 - 1)).toBeLessThan(1e-7);
    expect(Math.abs(erf(-0.01) / -0.011283415555849618 - 1)).toBeLessThan(1e-7);
    expect(Math.abs(erf(0.4999999) - erf(0.5000001))).toBeLessThan(3e-7);
    expect(erf(-2)).toBeCloseTo(-erf(2), 12);
    expect(geluScalar(1)).toBeCloseTo(0.8413447460685429, 6);
    expect(geluScalar(-1)).toBeCloseTo(-0.15865525393145707, 6);
    // The tanh approximation differs at x = 1 by ~1.6e-4; make sure we are not it.
    const tanhGelu = 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (1 + 0.044715)));
    expect(Math.abs(geluScalar(1) - tanhGelu)).toBeGreaterThan(1e-4);
    expect([...gelu({ data: Float32Array.from([0, 3]), shape: [2] }).data][1]).toBeCloseTo(2.99595, 5);
    expect([...relu({ data: Float32Array.from([-2, 0, 3]), shape: [3] }).data]).toEqual([0, 0, 3]);
  });

  it('embedTokens looks up rows and scales them', () => {
    const table = { data: Float32Array.from([0, 0, 1, 2, 3, 4]), shape: [3, 2] };
    const e = embedTokens(table, [2, 1, 2], 2);
    expect(e.shape).toEqual([3, 2]);
    expect([...e.data]).toEqual([6, 8, 2, 4, 6, 8]);
  });
});
