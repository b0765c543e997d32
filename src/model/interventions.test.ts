// Interventions (interventions.ts, patching.ts, lens.ts): the head syntax, every refusal, and the
// exact definitions of docs/interventions.md checked on a random model and the shipped grammar model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allHeads,
  forward,
  formatHeadRef,
  getTensor,
  headPatchFrom,
  initModel,
  loadModel,
  parseConfig,
  parseHeadRef,
  patchingSweep,
  residualPatchFrom,
  tracePath,
  type Interventions,
  type Model,
} from './index';

const encdec: Model = initModel(
  parseConfig({ arch: 'encoder-decoder', vocabSize: 9, dModel: 8, nHeads: 2, dFF: 16, nLayers: 2, nDecoderLayers: 1, maxLen: 16, positional: 'sinusoidal', norm: 'pre', activation: 'gelu' }),
  { seed: 3 },
);
const input = { src: [1, 2, 3, 4], tgt: [5, 6, 7] };
const grammar = loadModel(new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'public', 'models', 'grammar.safetensors'))));
const run = (iv?: Interventions) => forward(encdec, input, { interventions: iv, lens: true });
const at = (r: ReturnType<typeof run>, stack: 'encoder' | 'decoder', layer: number, kind: 'selfAttention' | 'crossAttention', field: 'weights' | 'headOutputs' | 'output') =>
  Array.from(getTensor(r.trace, tracePath.attention(stack, layer, kind, field))!.data);

describe('head names', () => {
  it('round-trip STACK.LAYER.HEAD and decoder.LAYER.cross.HEAD', () => {
    for (const text of ['encoder.0.1', 'decoder.12.3', 'decoder.0.cross.1']) expect(formatHeadRef(parseHeadRef(text))).toBe(text);
    expect(parseHeadRef('decoder.1.cross.0')).toEqual({ stack: 'decoder', layer: 1, head: 0, kind: 'cross' });
  });
  it('refuses anything else with one message', () => {
    for (const bad of ['', 'decoder', 'decoder.1', 'decoder.-1.0', 'decoder.1.0.0', 'x.1.0', 'decoder.1.self.0', '<img src=x>', 'decoder.99999.0'])
      expect(() => parseHeadRef(bad)).toThrow(/is not a head/);
  });
  it('lists every head, cross-attention included', () => {
    expect(allHeads(encdec.config).map(formatHeadRef)).toEqual([
      'encoder.0.0', 'encoder.0.1', 'encoder.1.0', 'encoder.1.1', 'decoder.0.0', 'decoder.0.1', 'decoder.0.cross.0', 'decoder.0.cross.1',
    ]);
  });
});

describe('refusals', () => {
  const bad: [Interventions, RegExp][] = [
    [{ ablate: [{ stack: 'encoder', layer: 2, head: 0, kind: 'self' }] }, /encoder layer 2 does not exist/],
    [{ ablate: [{ stack: 'encoder', layer: 0, head: 0, kind: 'cross' }] }, /only the decoder of an encoder-decoder model has cross-attention/],
    [{ ablate: [{ stack: 'decoder', layer: 0, head: 0, kind: 'self', mode: 'mean' }] }, /mean ablation needs a mean of 4 numbers/],
    [{ ablateSublayer: [{ stack: 'encoder', layer: 0, sublayer: 'cross' }] }, /only the decoder/],
    [{ patchHead: [{ stack: 'decoder', layer: 0, head: 1, kind: 'self', values: new Float32Array(8) }] }, /\[3, 4\] numbers: a run of the same length/],
    [{ patchResidual: [{ stack: 'decoder', layer: 0, position: 3, values: new Float32Array(8) }] }, /position must be 0–2/],
  ];
  for (const [iv, message] of bad) it(String(message), () => expect(() => run(iv)).toThrow(message));
});

/** Equal to float32 rounding (the gemm kernel may differ between calls: TypeScript or WebAssembly). */
const expectSame = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  expect(worst).toBeLessThan(1e-5);
};

describe('definitions', () => {
  const plain = run();
  it('no interventions change nothing', () => {
    expectSame(run({}).logits.data, plain.logits.data);
  });
  it('an ablated head keeps its weights as computed; only its output is zero, and W_O bias is still added', () => {
    const r = run({ ablate: [{ stack: 'decoder', layer: 0, head: 1, kind: 'cross' }] });
    expectSame(at(r, 'decoder', 0, 'crossAttention', 'weights'), at(plain, 'decoder', 0, 'crossAttention', 'weights'));
    const heads = at(r, 'decoder', 0, 'crossAttention', 'headOutputs'); // [2, 3, 4]
    expect(heads.slice(12).every((x) => x === 0)).toBe(true);
    expectSame(heads.slice(0, 12), at(plain, 'decoder', 0, 'crossAttention', 'headOutputs').slice(0, 12));
    expect(at(r, 'decoder', 0, 'crossAttention', 'output')).not.toEqual(at(plain, 'decoder', 0, 'crossAttention', 'output'));
    // Both heads zero: the sublayer's output is exactly b_O in every row.
    const both = run({ ablate: [0, 1].map((head) => ({ stack: 'decoder' as const, layer: 0, head, kind: 'cross' as const })) });
    const bias = Array.from(encdec.weights.decoder!.layers[0].crossAttn!.outProj.bias.data);
    expect(at(both, 'decoder', 0, 'crossAttention', 'output').slice(0, 8)).toEqual(bias);
  });
  it('a knocked-out sublayer outputs zeros (attention: bias too)', () => {
    const r = run({ ablateSublayer: [{ stack: 'encoder', layer: 1, sublayer: 'self' }] });
    expect(at(r, 'encoder', 1, 'selfAttention', 'output').every((x) => x === 0)).toBe(true);
    const f = run({ ablateSublayer: [{ stack: 'decoder', layer: 0, sublayer: 'ffn' }] });
    expect(Array.from(f.logits.data)).not.toEqual(Array.from(plain.logits.data));
  });
  it('patching a head or the residual stream from the same input changes nothing', () => {
    const full = forward(encdec, input).trace;
    const same = run({
      patchHead: [headPatchFrom(full, { stack: 'encoder', layer: 1, head: 0, kind: 'self' })],
      patchResidual: [residualPatchFrom(full, 'decoder', 0, 1)],
    });
    expectSame(same.logits.data, plain.logits.data);
  });
  it("the last layer's lens is the model's own logits", () => {
    expect(Array.from(getTensor(plain.trace, tracePath.lens('decoder', 0))!.data)).toEqual(Array.from(plain.logits.data));
    expect(getTensor(plain.trace, tracePath.lens('encoder', 0))).toBeUndefined();
  });
});

describe('patching sweep', () => {
  it('refuses inputs of different lengths', () => {
    expect(() => patchingSweep(encdec, { clean: input, corrupted: { src: [1, 2, 3], tgt: [5, 6, 7] }, position: 2 })).toThrow(/same length/);
  });
  it('on the grammar model, only the subject head (decoder.1.0) carries the subject number', () => {
    const ids = (words: string) => [1, ...words.split(' ').map((w) => grammar.vocab!.indexOf(w))];
    const clean = { tokens: ids('the dogs that the cat chases') };
    const corrupted = { tokens: ids('the dog that the cats chase') };
    const r = patchingSweep(grammar, { clean, corrupted, position: 6 });
    expect(grammar.vocab![r.right]).toBe('run');
    expect(grammar.vocab![r.wrong]).toBe('runs');
    const best = r.cells.reduce((a, b) => (b.restored > a.restored ? b : a));
    expect(formatHeadRef(best.head)).toBe('decoder.1.0');
    expect(best.restored).toBeGreaterThan(0.8);
    expect(r.cells.filter((c) => c !== best).every((c) => Math.abs(c.restored) < 0.2)).toBe(true);
  });
});
