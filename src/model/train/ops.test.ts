// Every op's backward pass against finite differences, on small random inputs.
import { describe, expect, it } from 'vitest';
import { gradCheck } from './gradcheck';
import { gelu, relu } from './ops/activation';
import { attention, buildMask } from './ops/attention';
import { addPositions, embedding, sinusoidal } from './ops/embedding';
import { layerNorm } from './ops/layerNorm';
import { crossEntropy } from './ops/loss';
import { add, linear } from './ops/linear';
import { rope } from './ops/rope';
import { randNormal, seededRandom } from './rng';
import { gradOf, variable, type Tape, type Var } from './tape';

const rand = seededRandom(7);
const randVar = (shape: number[], std = 1): Var => {
  const n = shape.reduce((a, b) => a * b, 1);
  const d = new Float32Array(n); // [shape]
  for (let i = 0; i < n; i++) d[i] = randNormal(rand) * std;
  return variable(d, shape);
};
// A fixed random projection turns any output into a scalar loss, so every output entry matters.
function project(tape: Tape | null, y: Var, r: Float32Array): Var {
  let s = 0;
  for (let i = 0; i < y.data.length; i++) s += y.data[i] * r[i];
  const out = variable(new Float32Array([s]), [1]); // [1]
  tape?.record(() => {
    const g = gradOf(y);
    for (let i = 0; i < r.length; i++) g[i] += out.grad![0] * r[i];
  });
  return out;
}
const weightsFor = (n: number) => randVar([n]).data;
const TOL = 2e-2;

describe('op gradients match finite differences', () => {
  it('linear (all rows and a row range) and add', () => {
    const x = randVar([5, 4]);
    const w = randVar([6, 4]);
    const b = randVar([6]);
    const r1 = weightsFor(5 * 6);
    expect(gradCheck([x, w, b], (t) => project(t, linear(t, x, w, b), r1))).toBeLessThan(TOL);
    const r2 = weightsFor(5 * 2);
    expect(gradCheck([x, w, b], (t) => project(t, linear(t, x, w, b, 2, 4), r2))).toBeLessThan(TOL);
    const y = randVar([5, 4]);
    const r3 = weightsFor(20);
    expect(gradCheck([x, y], (t) => project(t, add(t, x, y), r3))).toBeLessThan(TOL);
  });

  it('embedding with scale and repeated tokens, learned and fixed positions', () => {
    const table = randVar([7, 4]);
    const pos = randVar([6, 4]);
    const tokens = new Int32Array([1, 3, 3, 0, 6, 1]); // two sequences of 3
    const r = weightsFor(6 * 4);
    const loss = (t: Tape | null) => project(t, addPositions(t, embedding(t, table, tokens, 2), 3, pos), r);
    expect(gradCheck([table, pos], loss)).toBeLessThan(TOL);
    const fixed = (t: Tape | null) => project(t, addPositions(t, embedding(t, table, tokens, 1), 3, sinusoidal(3, 4)), r);
    expect(gradCheck([table], fixed)).toBeLessThan(TOL);
  });

  it('RoPE', () => {
    const x = randVar([8, 8]); // B=2, S=4, d=8, 2 heads of 4
    const r = weightsFor(64);
    expect(gradCheck([x], (t) => project(t, rope(t, x, 4, 2), r), 64)).toBeLessThan(TOL);
  });

  it('attention with causal and padding masks, including a fully blocked row', () => {
    const B = 2, Sq = 3, Sk = 4, d = 4;
    const q = randVar([B * Sq, d]);
    const k = randVar([B * Sk, d]);
    const v = randVar([B * Sk, d]);
    const keyTokens = new Int32Array([5, 6, 0, 0, 0, 7, 8, 9]); // pad = 0; second row's key 0 is pad
    const mask = buildMask(B, Sq, Sk, keyTokens, 0, true);
    expect(mask[(1 * Sq + 0) * Sk + 0]).toBe(1); // query 0 of batch 1 sees only key 0, a pad: all blocked
    const r = weightsFor(B * Sq * d);
    const loss = (t: Tape | null) => project(t, attention(t, q, k, v, B, Sq, Sk, 2, mask).out, r);
    expect(gradCheck([q, k, v], loss, 24)).toBeLessThan(TOL);
    const res = attention(null, q, k, v, B, Sq, Sk, 2, mask);
    for (let c = 0; c < d; c++) expect(res.out.data[(1 * Sq + 0) * d + c]).toBe(0);
  });

  it('LayerNorm, ReLU, GELU', () => {
    const x = randVar([4, 6]);
    const g = randVar([6]);
    const b = randVar([6]);
    const r = weightsFor(24);
    expect(gradCheck([x, g, b], (t) => project(t, layerNorm(t, x, g, b, 1e-5), r))).toBeLessThan(TOL);
    expect(gradCheck([x], (t) => project(t, gelu(t, x), r), 24, 1e-3)).toBeLessThan(TOL);
    expect(gradCheck([x], (t) => project(t, relu(t, x), r), 24, 1e-3)).toBeLessThan(TOL);
  });

  it('cross-entropy ignores padded positions', () => {
    const logits = randVar([4, 5]);
    const targets = new Int32Array([2, -1, 4, -1]);
    expect(gradCheck([logits], (t) => crossEntropy(t, logits, targets), 20)).toBeLessThan(TOL);
    const t0 = crossEntropy(null, logits, targets).data[0];
    logits.data[1 * 5 + 3] += 10; // changing an ignored row changes nothing
    expect(crossEntropy(null, logits, targets).data[0]).toBe(t0);
  });
});

describe('the gradient check itself', () => {
  it('catches a wrong backward pass', () => {
    // y = x², with a backward that forgets the factor 2
    const x = randVar([6]);
    const r = weightsFor(6);
    const square = (t: Tape | null) => {
      const y = variable(x.data.map((v) => v * v), [6]);
      t?.record(() => {
        const g = gradOf(x);
        for (let i = 0; i < 6; i++) g[i] += y.grad![i] * x.data[i];
      });
      return project(t, y, r);
    };
    expect(gradCheck([x], square)).toBeGreaterThan(0.1);
  });
});
