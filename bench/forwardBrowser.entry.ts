// Bundled by bench/forwardBrowser.ts and run in Chromium: the GPT-2-small-shaped pass with the
// attention trace, on the SIMD kernel and on the pure-TypeScript one, in the page's own V8.
import { forward, initKernels, initModel, type KernelName } from '../src/model';

async function run(opts: { simdReps: number; jsReps: number }) {
  const config = {
    arch: 'decoder-only' as const, vocabSize: 1024, dModel: 768, nHeads: 12, dFF: 3072, nLayers: 12, maxLen: 64,
    positional: 'learned' as const, norm: 'pre' as const, activation: 'gelu' as const, layerNormEps: 1e-5,
    scaleEmbedding: false, padId: null,
  };
  const model = initModel(config, { seed: 1 });
  const tokens = Array.from({ length: 64 }, (_, i) => (i * 7) % 1024);
  const pass = () => forward(model, { tokens }, { trace: 'attention' });
  const times: Record<KernelName, number[]> = { 'wasm-simd': [], js: [] };
  const picked = await initKernels({ prefer: 'wasm-simd' });
  pass(); // warm-up; packs the weights into WASM memory once
  await initKernels({ prefer: 'js' });
  pass();
  for (let r = 0; r < Math.max(opts.simdReps, opts.jsReps); r++) {
    for (const k of ['wasm-simd', 'js'] as const) {
      if (times[k].length >= (k === 'js' ? opts.jsReps : opts.simdReps)) continue;
      await initKernels({ prefer: k });
      const t0 = performance.now();
      const result = pass();
      times[k].push(performance.now() - t0);
      if (result.trace.size === 0) throw new Error('no trace');
    }
  }
  return { picked, times, userAgent: navigator.userAgent };
}

(globalThis as unknown as { atlasBench: unknown }).atlasBench = { run };
