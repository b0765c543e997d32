// forward(): what each TraceLevel keeps, the order onTrace streams arrays in, that streamed
// arrays are the listener's own, and every bad request refused with a clear message.
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { ModelInputError } from './errors';
import { forward, type ForwardInput } from './forward';
import { initModel } from './init';
import type { AnyTensor } from './tensor';
import { assembleTrace, keeps, traceEvents, traceKey, type TraceEvent, type TraceLevel } from './trace';

const config = (over: Partial<ModelConfig>): ModelConfig => ({
  arch: 'encoder-decoder',
  vocabSize: 13,
  dModel: 8,
  nHeads: 2,
  dFF: 12,
  nLayers: 2,
  nDecoderLayers: 2,
  maxLen: 10,
  positional: 'learned',
  norm: 'pre',
  activation: 'gelu',
  layerNormEps: 1e-5,
  scaleEmbedding: true,
  padId: 0,
  ...over,
});
const encdec = initModel(config({}), { seed: 1, std: 0.3 });
const decoder = initModel(config({ arch: 'decoder-only', positional: 'rope' }), { seed: 2, std: 0.3 });
const encoder = initModel(config({ arch: 'encoder-only', positional: 'sinusoidal', norm: 'post' }), {
  seed: 3,
  std: 0.3,
});
const encdecInput: ForwardInput = { src: [3, 4, 5, 0], tgt: [1, 7, 8] };

describe('trace levels and streaming', () => {
  it('full keeps every array, in the order the pass computes them, and assembles into a Trace', () => {
    const events: TraceEvent[] = [];
    const result = forward(encdec, encdecInput, { onTrace: (e) => events.push(e) });
    const trace = assembleTrace(result.trace);
    expect(trace.encoder?.layers).toHaveLength(2);
    expect(trace.decoder?.layers[1].crossAttention?.weights.shape).toEqual([2, 3, 4]);
    expect(trace.decoder?.layers[0].selfAttention.headOutputs.shape).toEqual([2, 3, 4]);
    const expected = [...traceEvents(trace)].map((e) => traceKey(e.path));
    expect(events.map((e) => traceKey(e.path))).toEqual(expected);
    expect([...result.trace.keys()]).toEqual(expected);
  });

  for (const level of ['attention', 'none'] as TraceLevel[]) {
    it(`${level} keeps exactly what keeps() allows`, () => {
      const full = forward(encdec, encdecInput, { trace: 'full' });
      const events: string[] = [];
      const limited = forward(encdec, encdecInput, {
        trace: level,
        onTrace: (e) => events.push(traceKey(e.path)),
      });
      const allowed = [...traceEvents(assembleTrace(full.trace))]
        .filter((e) => keeps(level, e.path))
        .map((e) => traceKey(e.path));
      expect([...limited.trace.keys()]).toEqual(allowed);
      expect(events).toEqual(allowed);
      for (const key of allowed) expect(limited.trace.get(key)).toEqual(full.trace.get(key));
      expect(limited.logits).toEqual(full.logits);
    });
  }

  for (const [name, model, input] of [
    ['decoder-only', decoder, { tokens: [1, 2, 3, 4] }],
    ['encoder-decoder', encdec, encdecInput],
  ] as const) {
    it(`${name}: what a listener receives is its own (it may mutate or transfer it)`, () => {
      const clean = forward(model, input);
      const seen: AnyTensor[] = [];
      const dirty = forward(model, input, {
        onTrace: (e) => {
          seen.push(e.value);
          e.value.data.fill(0); // as if transferred away
        },
      });
      expect(dirty.logits).toEqual(clean.logits);
      expect(dirty.probs).toEqual(clean.probs);
      expect(new Set(seen.map((t) => t.data.buffer)).size).toBe(seen.length); // no shared buffers
      expect(seen.some((t) => t.data === dirty.logits.data)).toBe(false);
    });
  }
});

describe('forward semantics', () => {
  it('logits are before the temperature; probs use it; argmax is on the logits', () => {
    const a = forward(encoder, { tokens: [5, 6, 7] });
    const b = forward(encoder, { tokens: [5, 6, 7] }, { temperature: 0.5 });
    expect(b.logits).toEqual(a.logits);
    expect(b.probs).not.toEqual(a.probs);
    expect(b.argmax).toEqual(a.argmax);
    const row = [...a.logits.data.subarray(0, 13)];
    expect(a.argmax.data[0]).toBe(row.indexOf(Math.max(...row)));
  });

  it('the decoder mask is a run-time choice: causal by default, full on request', () => {
    const run = (mask?: 'full' | 'causal') => forward(decoder, { tokens: [1, 2, 3] }, mask ? { mask } : {});
    const mask = run().trace.get('decoder.layers.0.selfAttention.mask')!;
    expect([...mask.data]).toEqual([0, 1, 1, 0, 0, 1, 0, 0, 0]);
    expect(run('causal').logits).toEqual(run().logits);
    expect(run('full').logits).not.toEqual(run().logits);
    // Causality: the first position's output does not depend on later tokens.
    const other = forward(decoder, { tokens: [1, 9, 9] });
    expect(other.logits.data.subarray(0, 13)).toEqual(run().logits.data.subarray(0, 13));
  });

  it('rope and none trace an all-zero positional; padded query rows still compute', () => {
    const r = forward(decoder, { tokens: [0, 4] });
    expect(r.trace.get('decoder.positional')!.data.every((v) => v === 0)).toBe(true);
    expect(r.logits.data.every(Number.isFinite)).toBe(true); // row 0 sees only a pad key: zero weights
    const w = r.trace.get('decoder.layers.0.selfAttention.weights')!;
    expect([...w.data.subarray(0, 2)]).toEqual([0, 0]);
  });

  const bad: [string, () => unknown, RegExp][] = [
    ['empty sequence', () => forward(decoder, { tokens: [] }), /input: empty sequence/],
    [
      'id outside the vocabulary',
      () => forward(decoder, { tokens: [1, 13] }),
      /token id 13 is outside the vocabulary \[0, 13\)/,
    ],
    ['non-integer id', () => forward(decoder, { tokens: [1.5] }), /token id 1.5/],
    [
      'too long for learned positions',
      () => forward(encdec, { src: Array(11).fill(1), tgt: [1] }),
      /source: 11 tokens exceed maxLen 10/,
    ],
    ['src/tgt for decoder-only', () => forward(decoder, { src: [1], tgt: [2] }), /takes one sequence/],
    ['tokens for encoder-decoder', () => forward(encdec, { tokens: [1] }), /needs a source and a target/],
    [
      'prefix without length',
      () => forward(decoder, { tokens: [1] }, { mask: 'prefix' }),
      /needs a prefix length/,
    ],
    [
      'bad temperature',
      () => forward(decoder, { tokens: [1] }, { temperature: 0 }),
      /temperature must be a number > 0/,
    ],
  ];
  for (const [name, run, message] of bad)
    it(`refuses ${name}`, () => {
      expect(run).toThrow(ModelInputError);
      expect(run).toThrow(message);
    });

  it('sinusoidal and rope models run past maxLen; learned ones do not', () => {
    expect(forward(decoder, { tokens: Array(12).fill(2) }).logits.shape).toEqual([12, 13]);
  });
});
