// Tests for the panels' pure parts: the pipeline's stage matrices equal the trace, the architecture
// layouts, the output bars' top-k, the cost formulas and the JSON export.
import { describe, expect, it } from 'vitest';
import { pipelineStages, PIPELINE_STAGES } from './AttentionPipeline';
import { architectureBlocks } from './architecture';
import { topTokens } from './OutputBars';
import { costAt } from './CostPlot';
import { dataToJson } from './export';
import { buildFixtures } from './fixtures/runs';
import { bytesOf } from './fixtures';
import * as files from './fixtures/modelFiles';
import { softmax } from '../model';

const fx = buildFixtures({
  decoder: bytesOf(files.decoder),
  encdec: bytesOf(files.encdec),
  rope: bytesOf(files.rope),
  encoder: bytesOf(files.encoder),
});

describe('pipelineStages', () => {
  const a = fx.decoder.layers[0];
  const [nHeads, S, dHead] = a.q.shape;
  for (let head = 0; head < nHeads; head++)
    it(`head ${head}: Q×Kᵀ / √dHead = scores, masked cells −∞, softmax = weights, concat = head outputs`, () => {
      const stages = pipelineStages(a, head);
      expect(stages.map((s) => s.id)).toEqual([...PIPELINE_STAGES]);
      const [qk, scale, mask, sm, wv, concat, project] = stages;
      const n = S * S;
      for (let i = 0; i < n; i++) {
        expect(qk.matrix.values[i] / Math.sqrt(dHead)).toBeCloseTo(a.scores.data[head * n + i], 5);
        expect(scale.matrix.values[i]).toBe(a.scores.data[head * n + i]);
        expect(mask.matrix.values[i]).toBe(a.mask.data[i] ? -Infinity : a.scores.data[head * n + i]);
        expect(sm.matrix.values[i]).toBe(a.weights.data[head * n + i]);
      }
      expect([wv.matrix.rows, wv.matrix.cols]).toEqual([S, dHead]);
      expect([concat.matrix.rows, concat.matrix.cols]).toEqual([S, nHeads * dHead]);
      for (let i = 0; i < S; i++)
        for (let d = 0; d < dHead; d++)
          expect(concat.matrix.values[i * nHeads * dHead + head * dHead + d]).toBe(
            wv.matrix.values[i * dHead + d],
          );
      expect(project.matrix.values).toBe(a.output.data);
      expect(mask.blocked).toBe(a.mask.data);
    });
});

describe('architectureBlocks', () => {
  it('encoder-decoder post-norm: decoder has self-, cross-attention and feed-forward, each followed by Add & Norm', () => {
    const blocks = architectureBlocks('encoder-decoder', 'post');
    const dec = blocks.filter((b) => b.column === 1 && b.id?.startsWith('decoder.'));
    expect(dec.map((b) => b.id)).toEqual([
      'decoder.selfAttention',
      'decoder.norm1',
      'decoder.crossAttention',
      'decoder.norm2',
      'decoder.ffn',
      'decoder.norm3',
    ]);
    expect(blocks.filter((b) => b.column === 0).map((b) => b.id)).toEqual([
      'embedding',
      'positional',
      'encoder.selfAttention',
      'encoder.norm1',
      'encoder.ffn',
      'encoder.norm2',
    ]);
    expect(blocks.at(-1)?.id).toBe('softmax');
  });
  it('decoder-only pre-norm: LayerNorm before each sublayer, residual after, a final LayerNorm', () => {
    const blocks = architectureBlocks('decoder-only', 'pre', 'learned');
    expect(blocks.map((b) => b.id ?? 'residual')).toEqual([
      'embedding',
      'positional',
      'decoder.norm1',
      'decoder.selfAttention',
      'residual',
      'decoder.norm2',
      'decoder.ffn',
      'residual',
      'finalNorm',
      'deembedding',
      'softmax',
    ]);
    expect(new Set(blocks.map((b) => b.column))).toEqual(new Set([0]));
  });
  it('RoPE adds nothing to the input; rows are consecutive within a column', () => {
    const blocks = architectureBlocks('encoder-only', 'post', 'rope');
    expect(blocks.some((b) => b.id === 'positional')).toBe(false);
    expect(blocks.find((b) => b.id === 'encoder.selfAttention')?.label).toContain('RoPE');
    blocks.forEach((b, i) => expect(b.row).toBe(i));
  });
});

describe('topTokens', () => {
  const logits = fx.decoder.run.logits;
  const V = logits.shape[1];
  it('matches the model softmax at temperature 1 and keeps the argmax first', () => {
    const top = topTokens(logits, 0, 1, V);
    const probs = softmax({ data: logits.data.subarray(0, V), shape: [1, V] }).data;
    for (const t of top) expect(t.prob).toBeCloseTo(probs[t.id], 6);
    expect(top[0].id).toBe(fx.decoder.run.argmax.data[0]);
    for (let i = 1; i < top.length; i++) expect(top[i - 1].prob).toBeGreaterThanOrEqual(top[i].prob);
  });
  it('top-k renormalises over the k kept tokens; temperature keeps the argmax', () => {
    const top = topTokens(logits, 3, 0.5, 3);
    expect(top).toHaveLength(3);
    expect(top.reduce((s, t) => s + t.renormalised, 0)).toBeCloseTo(1, 6);
    expect(topTokens(logits, 3, 2.5, 1)[0].id).toBe(fx.decoder.run.argmax.data[3]);
    const hot = topTokens(logits, 3, 3, V);
    const cold = topTokens(logits, 3, 0.2, V);
    expect(cold[0].prob).toBeGreaterThan(hot[0].prob);
  });
});

describe('costAt', () => {
  it('attention work is quadratic, the rest and the RNN linear; steps 1 vs S', () => {
    const a = costAt(100, 64);
    const b = costAt(200, 64);
    expect(b.transformerAttention / a.transformerAttention).toBe(4);
    expect(b.transformerLinear / a.transformerLinear).toBe(2);
    expect(b.rnnWork / a.rnnWork).toBe(2);
    expect([b.transformerSteps, b.rnnSteps]).toEqual([1, 200]);
  });
  it('at the shipped models’ size (dModel 64, S ≈ 10) the S·d² terms dominate; S² wins only past 6·dModel', () => {
    const small = costAt(10, 64);
    expect(small.transformerLinear / small.transformerAttention).toBeGreaterThan(30);
    const at = costAt(6 * 64, 64);
    expect(at.transformerAttention).toBe(at.transformerLinear);
    const long = costAt(4096, 64);
    expect(long.transformerAttention).toBeGreaterThan(long.transformerLinear);
  });
});

describe('dataToJson', () => {
  it('writes tensors as shape + nested values, typed arrays as arrays', () => {
    const json = JSON.parse(
      dataToJson({ t: { data: new Float32Array([1, 2, 3, 4]), shape: [2, 2] }, m: new Uint8Array([0, 1]) }),
    );
    expect(json).toEqual({
      t: {
        shape: [2, 2],
        values: [
          [1, 2],
          [3, 4],
        ],
      },
      m: [0, 1],
    });
  });
});

describe('residualsOf', () => {
  it('post-norm: each sublayer skips to its Add & LayerNorm; pre-norm: from before the LayerNorm to ⊕', async () => {
    const { residualsOf } = await import('./architecture');
    const post = architectureBlocks('encoder-only', 'post');
    expect(residualsOf(post)).toEqual([
      { column: 0, fromRow: 2, toRow: 3 },
      { column: 0, fromRow: 4, toRow: 5 },
    ]);
    const pre = architectureBlocks('decoder-only', 'pre', 'learned');
    expect(residualsOf(pre)).toEqual([
      { column: 0, fromRow: 2, toRow: 4 },
      { column: 0, fromRow: 5, toRow: 7 },
    ]);
    expect(residualsOf(architectureBlocks('encoder-decoder', 'post'))).toHaveLength(5);
  });
});
