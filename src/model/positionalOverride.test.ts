// forward()'s `positional` option: a run-time swap of the positional scheme (lesson 3), checked
// against the model's own scheme, against what each scheme may change, and against bad requests.
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { ModelInputError } from './errors';
import { forward } from './forward';
import { initModel } from './init';
import type { Tensor } from './tensor';
import { getTensor, tracePath } from './trace';

const config = (over: Partial<ModelConfig>): ModelConfig => ({
  arch: 'decoder-only',
  vocabSize: 11,
  dModel: 8,
  nHeads: 2,
  dFF: 12,
  nLayers: 2,
  maxLen: 10,
  positional: 'rope',
  norm: 'pre',
  activation: 'gelu',
  layerNormEps: 1e-5,
  scaleEmbedding: true,
  padId: null,
  ...over,
});
const rope = initModel(config({}), { seed: 5, std: 0.3 });
const learned = initModel(config({ positional: 'learned' }), { seed: 6, std: 0.3 });
const encoder = initModel(config({ arch: 'encoder-only', positional: 'sinusoidal', norm: 'post' }), {
  seed: 7,
  std: 0.3,
});
const tokens = [1, 4, 2, 9, 4, 7];

const attn = (r: ReturnType<typeof forward>, stack: 'encoder' | 'decoder', field: 'scores' | 'v' | 'q') =>
  getTensor<Tensor>(r.trace, tracePath.attention(stack, 0, 'selfAttention', field))!;

describe('forward options.positional', () => {
  it("overriding to the model's own scheme gives identical logits", () => {
    for (const model of [rope, learned, encoder]) {
      const own = forward(model, { tokens });
      const same = forward(model, { tokens }, { positional: model.config.positional });
      expect(Array.from(same.logits.data)).toEqual(Array.from(own.logits.data));
    }
  });

  it('rope → none changes the q·k scores of layer 0 but not its v, and leaves the model untouched', () => {
    const own = forward(rope, { tokens });
    const none = forward(rope, { tokens }, { positional: 'none' });
    expect(Array.from(attn(none, 'decoder', 'v').data)).toEqual(Array.from(attn(own, 'decoder', 'v').data));
    const a = attn(own, 'decoder', 'scores').data;
    const b = attn(none, 'decoder', 'scores').data;
    const maxDiff = Math.max(...Array.from(a, (x, i) => Math.abs(x - b[i])));
    expect(maxDiff).toBeGreaterThan(1e-3);
    expect(rope.config.positional).toBe('rope'); // for this run only
    expect(Array.from(forward(rope, { tokens }).logits.data)).toEqual(Array.from(own.logits.data));
  });

  it('sinusoidal on a rope model adds the table to the embeddings; none traces zeros', () => {
    const sin = forward(rope, { tokens }, { positional: 'sinusoidal' });
    const pos = getTensor<Tensor>(sin.trace, tracePath.stack('decoder', 'positional'))!;
    expect(pos.data[1 * 8 + 0]).toBeCloseTo(Math.sin(1), 6); // PE(1, 0) = sin(1)
    expect(pos.data[1 * 8 + 1]).toBeCloseTo(Math.cos(1), 6); // PE(1, 1) = cos(1)
    const none = forward(encoder, { tokens }, { positional: 'none' });
    const zero = getTensor<Tensor>(none.trace, tracePath.stack('encoder', 'positional'))!;
    expect(zero.shape).toEqual([tokens.length, 8]);
    expect(zero.data.every((x) => x === 0)).toBe(true);
  });

  it('none on an encoder-only model with a full mask is permutation-equivariant', () => {
    const perm = [3, 0, 5, 1, 4, 2]; // permuted[i] = tokens[perm[i]]
    const permuted = perm.map((p) => tokens[p]);
    const a = forward(encoder, { tokens }, { positional: 'none', mask: 'full' });
    const b = forward(encoder, { tokens: permuted }, { positional: 'none', mask: 'full' });
    const V = encoder.config.vocabSize;
    perm.forEach((p, i) => {
      for (let v = 0; v < V; v++) expect(b.logits.data[i * V + v]).toBeCloseTo(a.logits.data[p * V + v], 4);
    });
    // The same token at positions 1 and 4 gets the same attention row: positions cannot be told apart.
    const w = getTensor<Tensor>(a.trace, tracePath.attention('encoder', 0, 'selfAttention', 'weights'))!;
    const S = tokens.length;
    for (let k = 0; k < S; k++) expect(w.data[1 * S + k]).toBeCloseTo(w.data[4 * S + k], 6);
    // With its own sinusoidal positions the model is not equivariant.
    const c = forward(encoder, { tokens });
    const d = forward(encoder, { tokens: permuted });
    const diff = perm.map((p, i) => Math.abs(d.logits.data[i * V] - c.logits.data[p * V]));
    expect(Math.max(...diff)).toBeGreaterThan(1e-3);
  });

  it('refuses a scheme the model cannot run, with a clear message', () => {
    expect(() => forward(rope, { tokens }, { positional: 'learned' })).toThrow(ModelInputError);
    expect(() => forward(rope, { tokens }, { positional: 'learned' })).toThrow(/pos_embed\.weight/);
    const odd = initModel(config({ dModel: 9, nHeads: 3, positional: 'none' }), { seed: 8 });
    expect(() => forward(odd, { tokens }, { positional: 'sinusoidal' })).toThrow(/even dModel/);
    expect(() => forward(odd, { tokens }, { positional: 'rope' })).toThrow(/even dHead/);
    expect(() =>
      forward(rope, { tokens }, { positional: 'alibi' as unknown as ModelConfig['positional'] }),
    ).toThrow(/positional must be/);
    // learned → none lifts the maxLen limit of the learned table; learned → learned keeps it.
    const long = Array.from({ length: 12 }, (_, i) => 1 + (i % 9));
    expect(() => forward(learned, { tokens: long })).toThrow(/maxLen/);
    expect(forward(learned, { tokens: long }, { positional: 'none' }).logits.shape).toEqual([12, 11]);
  });
});
