// Generation: greedy steps equal argmax of a fresh forward pass on the sequence so far; sampling is
// reproducible per seed; stops at <eos>, at maxNewTokens or when the context window is full.
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from './config';
import { forward } from './forward';
import { generate, greedyDecode } from './generate';
import { initModel } from './init';

const config: ModelConfig = {
  arch: 'decoder-only',
  vocabSize: 12,
  dModel: 16,
  nHeads: 2,
  dFF: 32,
  nLayers: 2,
  maxLen: 8,
  positional: 'learned',
  norm: 'pre',
  activation: 'gelu',
  layerNormEps: 1e-5,
  scaleEmbedding: false,
  padId: 0,
};
const vocab = ['<pad>', '<bos>', '<eos>', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const model = initModel(config, { seed: 9, std: 0.5, vocab });

describe('generate', () => {
  it('greedy: each token is the argmax of the last position of a fresh run', () => {
    const steps = [...generate(model, { tokens: [1, 3] }, { maxNewTokens: 4, eosId: null })];
    expect(steps).toHaveLength(4);
    let seq = [1, 3];
    steps.forEach((s, i) => {
      const fresh = forward(model, { tokens: seq });
      expect(s.token).toBe(fresh.argmax.data[seq.length - 1]);
      expect(s.result.logits).toEqual(fresh.logits);
      seq = [...seq, s.token];
      expect(s.tokens).toEqual(seq);
      expect(s.step).toBe(i);
    });
    expect(steps[3].stop).toBe('maxNewTokens');
    expect(steps.slice(0, 3).every((s) => s.stop === undefined)).toBe(true);
  });

  it('stops at <eos> (the vocabulary’s by default)', () => {
    const first = [...generate(model, { tokens: [1] }, { maxNewTokens: 1 })][0].token;
    const steps = [...generate(model, { tokens: [1] }, { maxNewTokens: 5, eosId: first })];
    expect(steps).toHaveLength(1);
    expect(steps[0].stop).toBe('eos');
  });

  it('stops when the context window (maxLen) is full', () => {
    const steps = [...generate(model, { tokens: [1, 3, 4, 5, 6] }, { maxNewTokens: 10, eosId: null })];
    expect(steps).toHaveLength(3);
    expect(steps[2].tokens).toHaveLength(8);
    expect(steps[2].stop).toBe('maxLen');
  });

  it('sampling is reproducible per seed and follows top-k', () => {
    const run = (seed: number) =>
      [
        ...generate(
          model,
          { tokens: [1] },
          { maxNewTokens: 6, strategy: 'sample', temperature: 1.5, seed, eosId: null },
        ),
      ].map((s) => s.token);
    expect(run(5)).toEqual(run(5));
    const seeds = [1, 2, 3, 4, 5, 6].map(run).map((t) => t.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const greedy = [...generate(model, { tokens: [1] }, { maxNewTokens: 6, eosId: null })].map(
      (s) => s.token,
    );
    const top1 = [
      ...generate(
        model,
        { tokens: [1] },
        { maxNewTokens: 6, strategy: 'sample', topK: 1, seed: 3, eosId: null },
      ),
    ].map((s) => s.token);
    expect(top1).toEqual(greedy);
  });

  it('works for encoder-decoder models (appending to the target) and refuses encoder-only ones', () => {
    const ed = initModel({ ...config, arch: 'encoder-decoder', nDecoderLayers: 1 }, { seed: 4, std: 0.5 });
    const steps = [...generate(ed, { src: [3, 4, 5], tgt: [1] }, { maxNewTokens: 3 })];
    expect(steps[2].tokens).toHaveLength(4);
    expect(steps[2].result.trace.has('decoder.layers.0.crossAttention.weights')).toBe(true);
    const enc = initModel({ ...config, arch: 'encoder-only' }, { seed: 4 });
    expect(() => [...generate(enc, { tokens: [1] }, { maxNewTokens: 1 })]).toThrow(/encoder-only/);
  });

  it('the batched greedyDecode gives what generate gives, sequence by sequence, without the eos', () => {
    const nextLogits = (seqs: number[][]) =>
      seqs.map((tokens) => {
        const { logits } = forward(model, { tokens }); // [T, V]
        return logits.data.subarray((tokens.length - 1) * 12, tokens.length * 12); // [V]
      });
    const starts = [[1], [1, 3, 4], [1, 5, 6, 7, 8, 9]];
    const eosId = [...generate(model, { tokens: [1, 3, 4] }, { maxNewTokens: 3, eosId: null })][2].token;
    const outs = greedyDecode(starts, nextLogits, { maxNewTokens: 4, maxLen: 8, eosId });
    starts.forEach((start, b) => {
      const steps = [...generate(model, { tokens: start }, { maxNewTokens: 4, eosId })];
      const tokens = steps.map((st) => st.token);
      expect(outs[b]).toEqual(steps.at(-1)?.stop === 'eos' ? tokens.slice(0, -1) : tokens);
    });
    const stops = starts.map((start) => [...generate(model, { tokens: start }, { maxNewTokens: 4, eosId })].at(-1)?.stop);
    expect(stops).toContain('eos'); // left out of the output
    expect(stops[2]).toBe('maxLen'); // 6 + 2 = maxLen 8
  });

  it('decode hands every sequence to the model each step, finished ones unchanged', () => {
    const seen: number[][][] = [];
    const next = (seqs: number[][]) => {
      seen.push(seqs.map((q) => [...q]));
      return seqs.map((q) => (q.length === 2 ? [0, 0, 1] : [1, 0, 0])); // eos = 2 on the second token
    };
    const outs = greedyDecode([[0], [0, 1]], next, { maxNewTokens: 3, maxLen: 10, eosId: 2 });
    expect(outs).toEqual([[0], []]);
    expect(seen).toEqual([[[0], [0, 1]], [[0, 0], [0, 1, 2]]]); // both stopped at eos: no third step
  });
});
