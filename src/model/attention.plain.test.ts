// The textbook attention (attention.plain.ts) equals the fast path (attention.ts): field by field
// within 1e-6 on random inputs, for self- and cross-attention, with and without RoPE, under every
// mask kind; and, put in place of the fast path, a whole forward pass still matches PyTorch's
// golden traces.
import { describe, expect, it, vi } from 'vitest';
import type * as AttentionModule from './attention';
import { multiHeadAttention as mockedAttention } from './attention';
import { plainMultiHeadAttention } from './attention.plain';
import { compareTrace, goldenCases, readFixture, readFixtureModel, requestFromArgs } from './golden/fixtures';
import { assembleTrace, forward, loadModel, traceToJson } from './index';
import { attentionMask, patternMask, type MaskPattern } from './masks';
import type { AttentionWeights } from './model';
import { normal } from './init';
import { createRng } from './sample';
import type { BoolTensor, Tensor } from './tensor';

// Every forward() in this file runs the plain attention; the fast one is imported as it really is.
vi.mock('./attention', async (importOriginal) => ({
  ...(await importOriginal<typeof AttentionModule>()),
  multiHeadAttention: vi.fn((await import('./attention.plain')).plainMultiHeadAttention),
}));
const { multiHeadAttention } = await vi.importActual<typeof AttentionModule>('./attention');

const rng = createRng(17);
const random = (shape: number[], std = 0.5): Tensor => ({
  data: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => std * normal(rng)), // [...shape]
  shape,
});
const weightsOf = (d: number): AttentionWeights => ({
  inProj: { weight: random([3 * d, d]), bias: random([3 * d], 0.1) },
  outProj: { weight: random([d, d]), bias: random([d], 0.1) },
});

/** Largest |a − b| relative to max(1, |b|) over two arrays of one length. */
function maxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

const masks = (Sq: number, Sk: number): [string, BoolTensor][] => {
  const keys = Array.from({ length: Sk }, (_, j) => (j === Sk - 1 || j === 1 ? 0 : j + 3)); // two padding keys
  const pattern = (p: MaskPattern, prefix?: number) => attentionMask({ Sq, keyTokens: keys, padId: null, pattern: p, prefix });
  const list: [string, BoolTensor][] = [
    ['full', patternMask('full', Sq, Sk)],
    ['padding', attentionMask({ Sq, keyTokens: keys, padId: 0, pattern: 'full' })],
    ['every key blocked in one row', { data: Uint8Array.from({ length: Sq * Sk }, (_, c) => (c < Sk ? 1 : 0)), shape: [Sq, Sk] }],
  ];
  if (Sq === Sk)
    list.push(
      ['causal', pattern('causal')],
      ['prefix 2', pattern('prefix', 2)],
      ['causal + padding', attentionMask({ Sq, keyTokens: keys, padId: 0, pattern: 'causal' })],
    );
  return list;
};

describe('plainMultiHeadAttention = multiHeadAttention', () => {
  const fields = ['q', 'k', 'v', 'scores', 'weights', 'headOutputs', 'output'] as const;
  const cases = [
    { kind: 'self-attention', Sq: 5, Sk: 5, d: 8, nHeads: 2, rope: false },
    { kind: 'self-attention with RoPE', Sq: 6, Sk: 6, d: 12, nHeads: 3, rope: true },
    { kind: 'self-attention, one head', Sq: 4, Sk: 4, d: 6, nHeads: 1, rope: false },
    { kind: 'cross-attention', Sq: 3, Sk: 6, d: 8, nHeads: 4, rope: false },
  ];
  for (const c of cases)
    for (const [maskName, mask] of masks(c.Sq, c.Sk))
      it(`${c.kind}, ${maskName} mask`, () => {
        const x = random([c.Sq, c.d]);
        const memory = c.kind.startsWith('cross') ? random([c.Sk, c.d]) : x;
        const w = weightsOf(c.d);
        const plain = plainMultiHeadAttention(x, memory, w, mask, c.nHeads, c.rope);
        const fast = multiHeadAttention(x, memory, w, mask, c.nHeads, c.rope);
        for (const f of fields) {
          expect(plain[f].shape, f).toEqual(fast[f].shape);
          expect(maxError(plain[f].data, fast[f].data), f).toBeLessThan(1e-6);
        }
        expect(plain.mask).toBe(mask);
      });

  it('the comparison sees a difference (inputs doubled)', () => {
    const x = random([4, 8]);
    const w = weightsOf(8);
    const mask = patternMask('causal', 4, 4);
    const fast = multiHeadAttention(x, x, w, mask, 2, false);
    const scaled = { data: x.data.map((v) => v * 2), shape: x.shape };
    expect(maxError(plainMultiHeadAttention(scaled, scaled, w, mask, 2, false).scores.data, fast.scores.data)).toBeGreaterThan(1e-3);
  });
});

describe('a whole forward pass with the plain attention', () => {
  for (const name of goldenCases)
    it(`${name}: matches PyTorch's golden trace`, () => {
      vi.mocked(mockedAttention).mockClear();
      const fixture = readFixture(name);
      const model = loadModel(readFixtureModel(name));
      const { input, options } = requestFromArgs(fixture.args);
      const result = forward(model, input, options);
      expect(compareTrace(fixture.trace, traceToJson(assembleTrace(result.trace)))).toEqual([]);
      expect(vi.mocked(mockedAttention).mock.calls.length).toBeGreaterThanOrEqual(2); // the plain one ran
    });
});
