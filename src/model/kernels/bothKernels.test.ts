// The golden traces (PyTorch, 1e-4) through both kernels in one run, whichever ATLAS_KERNELS the
// rest of the suite uses; and training on the SIMD kernel, bit-identical run to run.
import { afterAll, describe, expect, it } from 'vitest';
import { compareTrace, goldenCases, readFixture, readFixtureModel, requestFromArgs } from '../golden/fixtures';
import { assembleTrace, forward, loadModel, traceToJson } from '../index';
import { createTrainer, drawBatch, trainStep } from '../train/loop';
import { activeKernel, initKernels, type KernelName } from './index';

const initial = activeKernel();
afterAll(() => initKernels({ prefer: initial }));

for (const kernel of ['wasm-simd', 'js'] as KernelName[]) {
  describe(`golden traces through forward() on the ${kernel} kernel`, () => {
    for (const name of goldenCases) {
      it(name, async () => {
        expect(await initKernels({ prefer: kernel })).toBe(kernel);
        const fixture = readFixture(name);
        const model = loadModel(readFixtureModel(name));
        const { input, options } = requestFromArgs(fixture.args);
        const actual = traceToJson(assembleTrace(forward(model, input, options).trace));
        expect(compareTrace(fixture.trace, actual)).toEqual([]);
      });
    }
  });
}

describe('training on the SIMD kernel', () => {
  const config = {
    arch: 'decoder-only' as const, vocabSize: 12, dModel: 16, nHeads: 2, dFF: 32, nLayers: 2, maxLen: 10,
    positional: 'learned' as const, norm: 'pre' as const, activation: 'gelu' as const, layerNormEps: 1e-5,
    scaleEmbedding: false, padId: 0,
  };
  const sample = (rand: () => number) => {
    const n = 3 + Math.floor(rand() * 5);
    const tokens = Array.from({ length: n }, () => 1 + Math.floor(rand() * 11));
    return { tokens, targets: [...tokens.slice(1), -1] };
  };
  const run = () => {
    const t = createTrainer(config, { steps: 20, batchSize: 8, lr: 3e-3, warmup: 2, clip: 1, seed: 5 });
    const losses: number[] = [];
    for (let i = 0; i < 8; i++) losses.push(trainStep(t, drawBatch(t, sample)).loss);
    return { losses, params: [...t.params.values()].map((p) => p.data.slice()) };
  };

  it('same seed, same kernel: bit-identical weights and losses', async () => {
    expect(await initKernels({ prefer: 'wasm-simd' })).toBe('wasm-simd');
    const a = run();
    const b = run();
    expect(b.losses).toEqual(a.losses);
    a.params.forEach((p, i) => expect(b.params[i]).toEqual(p));
    expect(a.losses.at(-1)!).toBeLessThan(a.losses[0]); // it does learn
  });

  it('and it trains the same model as the TypeScript kernel, to float32 rounding', async () => {
    await initKernels({ prefer: 'wasm-simd' });
    const simd = run();
    await initKernels({ prefer: 'js' });
    const js = run();
    simd.losses.forEach((l, i) => expect(Math.abs(l - js.losses[i])).toBeLessThan(1e-4));
  });
});
