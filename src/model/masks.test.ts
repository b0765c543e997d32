// Masks: causal blocks exactly j > i, prefix as specified, padding blocks keys only; and a query
// row with every key blocked attends to nothing (zero weights, output = out_proj bias), never NaN.
import { describe, expect, it } from 'vitest';
import { multiHeadAttention } from './attention';
import { initModel } from './init';
import { attentionMask, combineMasks, paddingMask, patternMask } from './masks';
import type { BoolTensor } from './tensor';

const cells = (m: BoolTensor) => {
  const [Sq, Sk] = m.shape;
  return Array.from({ length: Sq }, (_, i) => Array.from({ length: Sk }, (_, j) => m.data[i * Sk + j]));
};

describe('masks', () => {
  it('causal blocks exactly the cells j > i', () => {
    for (let S = 1; S <= 7; S++) {
      const m = patternMask('causal', S, S);
      for (let i = 0; i < S; i++) for (let j = 0; j < S; j++) expect(m.data[i * S + j]).toBe(j > i ? 1 : 0);
    }
  });

  it('full blocks nothing', () => expect(patternMask('full', 4, 5).data.every((v) => v === 0)).toBe(true));

  it('prefix P: the first P positions see each other, later ones are causal', () => {
    expect(cells(patternMask('prefix', 5, 5, 3))).toEqual([
      [0, 0, 0, 1, 1],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 1, 1],
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
    ]);
    for (let S = 1; S <= 6; S++) {
      expect(patternMask('prefix', S, S, 0)).toEqual(patternMask('causal', S, S));
      expect(patternMask('prefix', S, S, S)).toEqual(patternMask('full', S, S));
      expect(patternMask('prefix', S, S, S + 3)).toEqual(patternMask('full', S, S));
    }
  });

  it('padding blocks keys (columns) only, for every query row', () => {
    expect(cells(paddingMask(2, [5, 0, 7, 0], 0))).toEqual([
      [0, 1, 0, 1],
      [0, 1, 0, 1],
    ]);
    expect(paddingMask(2, [5, 0], null).data.every((v) => v === 0)).toBe(true);
  });

  it('combined mask = padding OR pattern', () => {
    const m = attentionMask({ Sq: 3, keyTokens: [0, 4, 4], padId: 0, pattern: 'causal' });
    expect(cells(m)).toEqual([
      [1, 1, 1],
      [1, 0, 1],
      [1, 0, 0],
    ]);
    expect(m).toEqual(combineMasks(paddingMask(3, [0, 4, 4], 0), patternMask('causal', 3, 3)));
  });

  it('a fully blocked row gets zero weights and head outputs; its output is the out_proj bias', () => {
    const model = initModel(
      {
        arch: 'decoder-only',
        vocabSize: 5,
        dModel: 8,
        nHeads: 2,
        dFF: 8,
        nLayers: 1,
        maxLen: 8,
        positional: 'none',
        norm: 'post',
        activation: 'relu',
        layerNormEps: 1e-5,
        scaleEmbedding: false,
        padId: 0,
      },
      { seed: 3, std: 0.5 },
    );
    const w = model.weights.decoder!.layers[0].selfAttn;
    w.outProj.bias.data.set([1, 2, 3, 4, 5, 6, 7, 8]);
    const x = { data: Float32Array.from({ length: 24 }, (_, i) => Math.sin(i)), shape: [3, 8] };
    const mask = attentionMask({ Sq: 3, keyTokens: [0, 2, 3], padId: 0, pattern: 'causal' }); // row 0 sees only the pad
    const a = multiHeadAttention(x, x, w, mask, 2, false);
    for (let h = 0; h < 2; h++) {
      expect([...a.weights.data.subarray(h * 9, h * 9 + 3)]).toEqual([0, 0, 0]);
      expect([...a.headOutputs.data.subarray(h * 12, h * 12 + 4)]).toEqual([0, 0, 0, 0]);
    }
    expect([...a.output.data.subarray(0, 8)]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a.output.data.every(Number.isFinite)).toBe(true);
    expect(a.weights.data[9 * 0 + 3 + 1]).toBeCloseTo(1, 6); // row 1 sees only key 1
  });
});
