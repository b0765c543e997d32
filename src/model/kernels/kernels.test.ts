// The SIMD kernel against the TypeScript reference, on every layout and shape class the model and
// the trainer use; the weight cache; and the switch. (Each test sets the kernel it needs.)
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../sample';
import { gelu, geluScalar } from '../ops/activations';
import { gemm, gemmJs, gemmTransB, gemmTransBJs, linear } from '../ops/matmul';
import { linearBackwardInput, linearBackwardWeight } from '../train/kernels';
import { activeKernel, initKernels, simdKernel } from './index';
import { decodeBase64, kernelBytes } from './simd';

const rng = createRng(17);
const rand = (n: number) => Float32Array.from({ length: n }, () => rng() * 2 - 1);

/** Largest |x − y| relative to the size of the numbers (a K-term f32 sum vs a float64 one). */
function maxError(x: Float32Array, y: Float32Array): number {
  expect(x.length).toBe(y.length);
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return e;
}

/** Runs `fn` on the TypeScript kernels, then on the SIMD one; returns both results. */
async function bothKernels<T>(fn: () => T): Promise<[js: T, simd: T]> {
  await initKernels({ prefer: 'js' });
  const js = fn();
  expect(await initKernels({ prefer: 'wasm-simd' })).toBe('wasm-simd');
  return [js, fn()];
}

const initial = activeKernel();
afterAll(() => initKernels({ prefer: initial }));

// [M, N, K]: single cells, tile leftovers in every direction, K past the kernel's k block (256).
const shapes: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 2],
  [4, 8, 4],
  [5, 9, 3],
  [13, 6, 17],
  [8, 16, 64],
  [33, 40, 300],
  [64, 24, 513],
];

describe('the SIMD kernel computes what the TypeScript kernels compute', () => {
  it('runs in this engine (Node 20 has WebAssembly SIMD128)', async () => {
    expect(await initKernels({ prefer: 'wasm-simd' })).toBe('wasm-simd');
    expect(activeKernel()).toBe('wasm-simd');
    expect(await initKernels({ prefer: 'js' })).toBe('js');
    expect(activeKernel()).toBe('js');
    expect(simdKernel()).toBeNull();
  });

  it('the embedded module decodes to valid WebAssembly', () => {
    const bytes = kernelBytes();
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]); // \0asm
    expect(WebAssembly.validate(bytes)).toBe(true);
    const sample = new Uint8Array([0, 1, 2, 250, 251, 252, 253, 254, 255, 77]);
    for (let n = 0; n <= sample.length; n++)
      expect([...decodeBase64(Buffer.from(sample.subarray(0, n)).toString('base64'))]).toEqual([...sample.subarray(0, n)]);
  });

  for (const [M, N, K] of shapes) {
    it(`gemmTransB and gemm at M ${M}, N ${N}, K ${K}, with offsets, alpha and bias`, async () => {
      const a = rand(3 + M * K);
      const b = rand(5 + N * K);
      const bias = rand(N);
      const [js, simd] = await bothKernels(() => {
        const c = new Float32Array(2 + M * N).fill(7); // cells outside the block stay 7
        gemmTransB(M, N, K, a, 3, b, 5, c, 2, bias, 0.25, false);
        const d = new Float32Array(M * N);
        gemm(M, N, K, a, 3, b, 5, d, 0);
        return { c, d };
      });
      expect(maxError(simd.c, js.c)).toBeLessThan(1e-5);
      expect(maxError(simd.d, js.d)).toBeLessThan(1e-5);
      expect([simd.c[0], simd.c[1]]).toEqual([7, 7]);
      // and the reference itself is the sum it claims to be
      const direct = new Float32Array(M * N);
      gemmJs(M, N, K, a, 3, b, 5, direct, 0);
      expect(maxError(js.d, direct)).toBe(0);
    });
  }

  it('a wrong kernel would be caught: the comparison sees a one-ulp-scale change', async () => {
    const [M, N, K] = [8, 8, 8];
    const a = rand(M * K);
    const b = rand(N * K);
    const [js, simd] = await bothKernels(() => {
      const c = new Float32Array(M * N);
      gemmTransB(M, N, K, a, 0, b, 0, c, 0);
      return c;
    });
    simd[9] += 1e-4;
    expect(maxError(simd, js)).toBeGreaterThan(1e-5);
  });

  it("the trainer's backward products (dx += dy·W, dW += dyᵀ·x) on a row range of W", async () => {
    const [M, K, N, r0] = [37, 20, 12, 8]; // tokens, in, rows used, first row
    const dy = rand(M * N);
    const w = rand((r0 + N + 4) * K);
    const x = rand(M * K);
    const gx0 = rand(M * K);
    const gw0 = rand(w.length);
    const [js, simd] = await bothKernels(() => {
      const gx = gx0.slice();
      const gw = gw0.slice();
      linearBackwardInput(dy, w, gx, M, K, N, r0);
      linearBackwardWeight(dy, x, gw, M, K, N, r0);
      return { gx, gw };
    });
    expect(maxError(simd.gx, js.gx)).toBeLessThan(1e-5);
    expect(maxError(simd.gw, js.gw)).toBeLessThan(1e-5);
    expect(simd.gw.subarray(0, r0 * K)).toEqual(gw0.subarray(0, r0 * K)); // rows outside the range untouched
  });

  it('strided operands: one head of a [S, dModel] activation, read in place', async () => {
    await initKernels({ prefer: 'wasm-simd' });
    const [S, d, dHead, h] = [11, 24, 8, 1];
    const q = rand(S * d);
    const k = rand(S * d);
    const got = new Float32Array(S * S);
    simdKernel()!.gemm(S, S, dHead, { data: q, off: h * dHead, trans: false, ld: d }, { data: k, off: h * dHead, trans: true, ld: d }, got, 0, undefined, 1, false, false);
    const want = new Float32Array(S * S);
    for (let i = 0; i < S; i++)
      for (let j = 0; j < S; j++) {
        let s = 0;
        for (let c = 0; c < dHead; c++) s += q[i * d + h * dHead + c] * k[j * d + h * dHead + c];
        want[i * S + j] = s;
      }
    expect(maxError(got, want)).toBeLessThan(1e-5);
  });
});

describe('GELU in WebAssembly', () => {
  it('matches the TypeScript GELU to float32 rounding from −24 to 24, at 0, at extremes, and keeps the shape', async () => {
    const special = [0, -0, 1e-8, -1e-8, 0.5, -0.5, -3.09, 10, -10, 13, -13, 1e4, -1e4, 3e38, -3e38];
    const grid = Array.from({ length: 48001 }, (_, i) => (i - 24000) / 1000);
    const x = Float32Array.from([...special, ...grid]);
    expect(await initKernels({ prefer: 'wasm-simd' })).toBe('wasm-simd');
    const y = gelu({ data: x, shape: [x.length / 3, 3] });
    expect(y.shape).toEqual([x.length / 3, 3]);
    let worst = 0;
    x.forEach((v, i) => (worst = Math.max(worst, Math.abs(y.data[i] - geluScalar(v)) / (1 + Math.abs(geluScalar(v))))));
    expect(worst).toBeLessThan(5e-7);
    expect(Object.is(y.data[1], -0) || y.data[1] === 0).toBe(true);
    expect(y.data[11]).toBe(1e4);
    expect(Number.isNaN(gelu({ data: Float32Array.of(NaN, 1, 2), shape: [3] }).data[0])).toBe(true);
    // five elements: the kernel works on fours, the fifth comes from the padding path
    const five = gelu({ data: Float32Array.of(-2, -1, 0, 1, 2), shape: [5] }).data;
    five.forEach((v, i) => expect(Math.abs(v - geluScalar(i - 2))).toBeLessThan(1e-6));
  });
});

describe('weights are packed into WASM memory once per model load', () => {
  it('a second product with the same weights packs nothing; other weights do', async () => {
    await initKernels({ prefer: 'wasm-simd' });
    const simd = simdKernel()!;
    simd.clearCache();
    const x = { data: rand(6 * 32), shape: [6, 32] };
    const w = { data: rand(40 * 32), shape: [40, 32] };
    const y1 = linear(x, w);
    const bytes = simd.cachedBytes;
    expect(bytes).toBeGreaterThanOrEqual(40 * 32 * 4);
    const y2 = linear(x, w);
    expect(simd.cachedBytes).toBe(bytes);
    expect(y2.data).toEqual(y1.data);
    linear(x, { data: rand(40 * 32), shape: [40, 32] });
    expect(simd.cachedBytes).toBeGreaterThan(bytes);
    // a product whose B is not a weight (QKᵀ, the trainer) is not kept
    const before = simd.cachedBytes;
    gemmTransB(6, 40, 32, x.data, 0, rand(40 * 32), 0, new Float32Array(240), 0, undefined, 1, false);
    expect(simd.cachedBytes).toBe(before);
  });

  it('memory grows for a product bigger than what it has (and the cached weights survive)', async () => {
    await initKernels({ prefer: 'wasm-simd' });
    const simd = simdKernel()!;
    const x = { data: rand(4 * 16), shape: [4, 16] };
    const w = { data: rand(8 * 16), shape: [8, 16] };
    const small = linear(x, w).data;
    const [M, N, K] = [300, 700, 400]; // > 1 MB of scratch
    const a = rand(M * K);
    const b = rand(N * K);
    const c = new Float32Array(M * N);
    gemmTransB(M, N, K, a, 0, b, 0, c, 0, undefined, 1, false);
    const ref = new Float32Array(M * N);
    gemmTransBJs(M, N, K, a, 0, b, 0, ref, 0);
    expect(maxError(c, ref)).toBeLessThan(1e-5);
    const cached = simd.cachedBytes;
    expect(linear(x, w).data).toEqual(small);
    expect(simd.cachedBytes).toBe(cached);
  });
});
