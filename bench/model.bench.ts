// `npm run bench`: times the forward pass on three shapes with random weights, each on the
// WebAssembly SIMD kernel and on the pure-TypeScript kernel, and, in the same run, a plain i-j-k
// triple-loop matmul on the same matrix shapes. Then one GPT-2 layer (dModel 768, 12 heads,
// T 128, one thread) in Atlas (both kernels) and in onnxruntime-web (wasm backend, 1 thread).
// The machine's speed drifts between runs; ratios measured back to back hold where a time does not.
//   npm run bench -- [--quick] [--no-ort] [--layer-only] [--browser]
// --browser: the GPT-2-small-shaped pass in Chromium instead (bench/forwardBrowser.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createTracer,
  forward,
  initKernels,
  initModel,
  patternMask,
  transformerLayer,
  type KernelName,
  type ModelConfig,
  type TraceLevel,
} from '../src/model';

interface Shape {
  name: string;
  dModel: number;
  nHeads: number;
  nLayers: number;
  dFF: number;
  S: number;
  vocabSize: number;
  trace: TraceLevel;
  reps: number;
  /** Untimed runs first, so the JIT has optimised the kernels. */
  warmup: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
if (args.includes('--browser')) {
  const { runBrowserForwardBench } = await import('./forwardBrowser');
  await runBrowserForwardBench(quick);
  process.exit(0);
}

export const shapes: Shape[] = [
  { name: 'toy', dModel: 64, nHeads: 4, nLayers: 2, dFF: 256, S: 32, vocabSize: 256, trace: 'full', reps: 60, warmup: 30 },
  { name: 'small', dModel: 256, nHeads: 8, nLayers: 4, dFF: 1024, S: 128, vocabSize: 1024, trace: 'attention', reps: 15, warmup: 3 },
  {
    name: 'GPT-2-small-shaped', dModel: 768, nHeads: 12, nLayers: 12, dFF: 3072, S: 64, vocabSize: 1024,
    trace: 'none', reps: 5, warmup: 1,
  },
];

/** Multiply-adds ×2 of every matrix product in one decoder-only forward pass. */
function forwardFlops(s: Shape): number {
  const { S, dModel: d, nLayers, vocabSize: V } = s;
  return nLayers * layerFlops(S, d, s.dFF) + 2 * S * d * V;
}

/** Multiply-adds ×2 of the products of one layer: Q, K, V; scores; weights·V; W_O; feed-forward. */
function layerFlops(S: number, d: number, dFF: number): number {
  return 2 * S * d * 3 * d + 2 * S * S * d + 2 * S * S * d + 2 * S * d * d + 2 * 2 * S * d * dFF;
}

/** The matrix products of one layer as [M, K, N] (A [M, K] · B [K, N]). */
function layerProducts(s: Shape): [number, number, number][] {
  const { S, dModel: d, dFF } = s;
  return [
    [S, d, 3 * d],
    [S, d, d],
    [S, d, dFF],
    [S, dFF, d],
  ];
}

/** The textbook loop: C[i][j] = Σ_k A[i][k]·B[k][j], i, then j, then k; B row-major [K, N]. */
function naiveMatmul(a: Float32Array, b: Float32Array, c: Float32Array, M: number, K: number, N: number): void {
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += a[i * K + k] * b[k * N + j];
      c[i * N + j] = sum;
    }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Milliseconds of one call of `run` on `kernel`. */
async function timeOn(kernel: KernelName | null, run: () => unknown): Promise<number> {
  if (kernel) await initKernels({ prefer: kernel });
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

function decoderConfig(s: Pick<Shape, 'vocabSize' | 'dModel' | 'nHeads' | 'dFF' | 'nLayers' | 'S'>): ModelConfig {
  return {
    arch: 'decoder-only', vocabSize: s.vocabSize, dModel: s.dModel, nHeads: s.nHeads, dFF: s.dFF, nLayers: s.nLayers,
    maxLen: s.S, positional: 'learned', norm: 'pre', activation: 'gelu', layerNormEps: 1e-5, scaleEmbedding: false, padId: null,
  };
}

const picked = await initKernels();
console.log(`Node ${process.version}, ${quick ? 'quick' : 'full'} run; initKernels() picks ${picked}; load average ${loadAverage()}`);
console.log('| shape | trace | SIMD ms | SIMD GFLOP/s | pure-TS ms | pure-TS GFLOP/s | plain loop GFLOP/s | SIMD ÷ pure-TS | pure-TS ÷ plain |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const s of args.includes('--layer-only') ? [] : shapes) {
  const model = initModel(decoderConfig(s), { seed: 1 });
  const tokens = Array.from({ length: s.S }, (_, i) => (i * 7) % s.vocabSize);
  // The naive loop on the same products (one layer's; every layer has the same shapes).
  const products = layerProducts(s).map(([M, K, N]) => ({
    M, K, N,
    a: Float32Array.from({ length: M * K }, (_, i) => Math.sin(i)),
    b: Float32Array.from({ length: K * N }, (_, i) => Math.cos(i)),
    c: new Float32Array(M * N),
  }));
  const naiveFlops = products.reduce((f, p) => f + 2 * p.M * p.K * p.N, 0);
  const runForward = () => forward(model, { tokens }, { trace: s.trace });
  const runNaive = () => products.forEach((p) => naiveMatmul(p.a, p.b, p.c, p.M, p.K, p.N));

  // Warm up, then time SIMD, pure TS and the loop back to back: a drift in machine speed hits all
  // three alike, so the median of the per-round ratios is steadier than any time.
  const reps = quick ? Math.max(2, Math.ceil(s.reps / 5)) : s.reps;
  for (const k of ['wasm-simd', 'js'] as const) for (let i = 0; i < (quick ? 1 : s.warmup); i++) await timeOn(k, runForward);
  runNaive();
  const t = { simd: [] as number[], js: [] as number[], naive: [] as number[], simdOverJs: [] as number[], jsOverNaive: [] as number[] };
  for (let r = 0; r < reps; r++) {
    const simd = await timeOn('wasm-simd', runForward);
    const js = await timeOn('js', runForward);
    const naive = await timeOn(null, runNaive);
    t.simd.push(simd);
    t.js.push(js);
    t.naive.push(naive);
    t.simdOverJs.push(js / simd);
    t.jsOverNaive.push(forwardFlops(s) / js / (naiveFlops / naive));
  }
  const gf = (ms: number) => (forwardFlops(s) / ms / 1e6).toFixed(2);
  console.log(
    `| ${s.name}: dModel ${s.dModel}, ${s.nHeads} heads, ${s.nLayers} layers, dFF ${s.dFF}, S ${s.S}, V ${s.vocabSize} | ${s.trace} | ` +
      `${median(t.simd).toFixed(2)} | ${gf(median(t.simd))} | ${median(t.js).toFixed(2)} | ${gf(median(t.js))} | ` +
      `${(naiveFlops / median(t.naive) / 1e6).toFixed(2)} | **${median(t.simdOverJs).toFixed(1)}×** | ${median(t.jsOverNaive).toFixed(1)}× |`,
  );
}

// One GPT-2 layer against onnxruntime-web, single thread.
if (!args.includes('--no-ort')) await gpt2Layer(quick ? 3 : 9);
await initKernels({ prefer: picked });

function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/** The ONNX file of one GPT-2 layer, exported by PyTorch once (cached under node_modules/.cache). */
function gpt2LayerOnnx(T: number): string | { missing: string } {
  const dir = fileURLToPath(new URL('../node_modules/.cache/atlas-bench/', import.meta.url));
  const file = `${dir}gpt2-layer-T${T}.onnx`;
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const script = fileURLToPath(new URL('./onnx/export_gpt2_layer.py', import.meta.url));
  try {
    execFileSync('/usr/bin/python3', [script, file, String(T)], { stdio: ['ignore', 'inherit', 'pipe'] });
    return file;
  } catch (e) {
    const err = String((e as { stderr?: Buffer }).stderr ?? e).trim().split('\n').at(-1);
    return { missing: `could not export the layer with /usr/bin/python3 + torch (apt-get install -y python3-torch): ${err}` };
  }
}

async function gpt2Layer(reps: number): Promise<void> {
  const [d, nHeads, dFF, T] = [768, 12, 3072, 128];
  const flops = layerFlops(T, d, dFF);
  const model = initModel(decoderConfig({ vocabSize: 16, dModel: d, nHeads, dFF, nLayers: 1, S: T }), { seed: 2 });
  const weights = (model.weights.decoder ?? model.weights.encoder)!.layers[0];
  const x = { data: Float32Array.from({ length: T * d }, (_, i) => Math.sin(i)), shape: [T, d] }; // [T, d]
  const mask = patternMask('full', T, T); // no mask in the ONNX layer either: the same products
  const runAtlas = () =>
    transformerLayer(x, weights, { config: model.config, tracer: createTracer('none'), stack: 'decoder', layer: 0 }, mask);

  let runOrt: (() => Promise<unknown>) | null = null;
  let ortNote: string;
  const onnx = gpt2LayerOnnx(T);
  if (typeof onnx === 'string') {
    try {
      const ort = await import('onnxruntime-web');
      ort.env.wasm.numThreads = 1; // single thread, as Atlas
      const session = await ort.InferenceSession.create(readFileSync(onnx), { executionProviders: ['wasm'] });
      const input = new ort.Tensor('float32', x.data, [1, T, d]);
      runOrt = () => session.run({ x: input });
      const { version } = JSON.parse(readFileSync(new URL('../node_modules/onnxruntime-web/package.json', import.meta.url), 'utf8'));
      ortNote = `onnxruntime-web ${version}, wasm backend, numThreads 1`;
    } catch (e) {
      ortNote = `onnxruntime-web did not run: ${String(e).split('\n')[0]}`;
    }
  } else ortNote = onnx.missing;

  /** Wall and CPU milliseconds of one call (CPU time: fairer when other jobs share the cores). */
  const timeBoth = async (kernel: KernelName | null, run: () => unknown) => {
    const c0 = process.cpuUsage().user;
    const wall = await timeOn(kernel, run);
    return { wall, cpu: (process.cpuUsage().user - c0) / 1000 };
  };
  for (let i = 0; i < 2; i++) {
    await timeOn('wasm-simd', runAtlas);
    if (runOrt) await timeOn(null, runOrt);
  }
  await timeOn('js', runAtlas);
  type Pair = { wall: number; cpu: number };
  const t = { simd: [] as Pair[], js: [] as Pair[], ort: [] as Pair[], wallRatio: [] as number[], cpuRatio: [] as number[] };
  for (let r = 0; r < reps; r++) {
    const simd = await timeBoth('wasm-simd', runAtlas);
    t.simd.push(simd);
    if (runOrt) {
      const o = await timeBoth(null, runOrt);
      t.ort.push(o);
      t.wallRatio.push(o.wall / simd.wall);
      t.cpuRatio.push(o.cpu / simd.cpu);
    }
    if (r % 3 === 0) t.js.push(await timeBoth('js', runAtlas)); // slow: every third round
  }
  const gf = (ms: number) => (flops / ms / 1e6).toFixed(2);
  const row = (name: string, xs: Pair[]) => {
    const [w, c] = [median(xs.map((x) => x.wall)), median(xs.map((x) => x.cpu))];
    console.log(`| ${name} | ${w.toFixed(1)} | ${gf(w)} | ${c.toFixed(1)} | ${gf(c)} |`);
  };
  console.log(`\nOne GPT-2 layer (dModel ${d}, ${nHeads} heads, dFF ${dFF}, T ${T}, 1 thread), ${(flops / 1e9).toFixed(2)} GFLOP of products; load average ${loadAverage()}`);
  console.log('| layer | median wall ms | GFLOP/s (wall) | median CPU ms | GFLOP/s (CPU time) |');
  console.log('|---|---|---|---|---|');
  row('Atlas transformerLayer, SIMD kernel', t.simd);
  row('Atlas transformerLayer, pure-TS kernel', t.js);
  if (runOrt) {
    row(ortNote, t.ort);
    console.log(
      `Atlas SIMD ÷ onnxruntime-web speed, median of ${reps} back-to-back pairs: **${median(t.wallRatio).toFixed(2)}×** wall, ` +
        `**${median(t.cpuRatio).toFixed(2)}×** CPU time`,
    );
  } else console.log(`onnxruntime-web: not measured — ${ortNote}`);
}
