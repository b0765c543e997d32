// Trace keys: parseTraceKey is the exact inverse of traceKey, and refuses anything traceKey cannot make.
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';
import { forward } from './forward';
import { initModel } from './init';
import { parseTraceKey, traceKey, tracePath } from './trace';

describe('parseTraceKey', () => {
  const config = parseConfig({ arch: 'encoder-decoder', vocabSize: 6, dModel: 4, nHeads: 2, dFF: 8, nLayers: 2, nDecoderLayers: 2, maxLen: 8, positional: 'none', norm: 'pre', activation: 'relu' });
  const { trace } = forward(initModel(config, { seed: 1 }), { src: [1, 2, 3], tgt: [4, 5] });

  it('gives back the path of every key of a full run', () => {
    expect(trace.size).toBeGreaterThan(60);
    for (const key of trace.keys()) {
      const path = parseTraceKey(key);
      expect(path, key).not.toBeNull();
      expect(traceKey(path!)).toBe(key);
    }
    expect(parseTraceKey('decoder.layers.1.crossAttention.weights')).toEqual(tracePath.attention('decoder', 1, 'crossAttention', 'weights'));
  });

  for (const bad of ['', 'decoder.0.cross', 'encoder.layers.01.output', 'encoder.layers.-1.output', 'decoder.layers.0.crossAttention', 'encoder.layers.0.selfAttention.weights.x', '__proto__', 'toString', 'encoder.__proto__', 'logits.x', 'middle.tokens', 'encoder.layers.1e2.output'])
    it(`refuses ${JSON.stringify(bad)}`, () => expect(parseTraceKey(bad)).toBeNull());
});
