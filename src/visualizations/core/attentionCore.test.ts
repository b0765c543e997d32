// The core's numbers equal the trace of real runs: Σ_j weights_ij · v_j = the head output row (1e-5),
// q·k/√dHead = the traced score, weights sum to 1, blocked keys get weight 0.
import { describe, expect, it } from 'vitest';
import { coreQuery, distinctLabels } from './attentionCore';
import { buildFixtures } from '../fixtures/runs';
import { bytesOf } from '../fixtures';
import * as files from '../fixtures/modelFiles';

const fx = buildFixtures({
  decoder: bytesOf(files.decoder),
  encdec: bytesOf(files.encdec),
  rope: bytesOf(files.rope),
  encoder: bytesOf(files.encoder),
});

const cases = [
  ['decoder layer 0 (causal)', fx.decoder.layers[0]],
  ['decoder layer 1', fx.decoder.layers[fx.decoder.layers.length - 1]],
  ['encoder-decoder cross-attention', fx.encdec.cross],
  ['RoPE prefix mask', fx.rope.layer0],
] as const;

describe('coreQuery', () => {
  for (const [name, a] of cases)
    it(`${name}: every head and query sums its weighted values into the traced head output`, () => {
      const [nHeads, Sq] = a.q.shape;
      for (let h = 0; h < nHeads; h++)
        for (let i = 0; i < Sq; i++) {
          const c = coreQuery(a, h, i);
          expect(c.maxDiff).toBeLessThan(1e-5);
          expect(c.weightSum).toBeCloseTo(1, 5);
          for (const k of c.keys) {
            expect(k.scaled).toBeCloseTo(k.tracedScore, 4);
            if (k.blocked) expect(k.weight).toBe(0);
          }
        }
    });

  it('fails when the weights do not match the values (the check can fail)', () => {
    const a = fx.decoder.layers[0];
    const weights = { data: a.weights.data.slice(), shape: a.weights.shape };
    const S = a.q.shape[1];
    weights.data[(S - 1) * S] += 0.5; // head 0, last query, key 0
    expect(coreQuery({ ...a, weights }, 0, S - 1).maxDiff).toBeGreaterThan(1e-3);
  });

  it('rejects a head or query out of range', () => {
    expect(() => coreQuery(fx.decoder.layers[0], 99, 0)).toThrow(/head 99/);
    expect(() => coreQuery(fx.decoder.layers[0], 0, 999)).toThrow(/query 999/);
  });
});

describe('distinctLabels', () => {
  it('numbers repeated tokens and leaves unique ones alone', () => {
    expect(distinctLabels(['the', 'cat', 'the', '.', 'the'])).toEqual(['the₁', 'cat', 'the₂', '.', 'the₃']);
    expect(distinctLabels(['a', 'b'])).toEqual(['a', 'b']);
  });
});
