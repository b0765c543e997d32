// `npm run bench`: times the forward pass on three shapes with random weights and, in the same
// run, a plain i-j-k triple-loop matmul on the same matrix shapes. The machine's speed drifts
// between runs; the ratio of the two GFLOP/s holds where a time alone does not.
import { forward, initModel, type ModelConfig, type TraceLevel } from '../src/model';

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

const quick = process.argv.includes('--quick');
const shapes: Shape[] = [
  {
    name: 'toy',
    dModel: 64,
    nHeads: 4,
    nLayers: 2,
    dFF: 256,
    S: 32,
    vocabSize: 256,
    trace: 'full',
    reps: 60,
    warmup: 30,
  },
  {
    name: 'small',
    dModel: 256,
    nHeads: 8,
    nLayers: 4,
    dFF: 1024,
    S: 128,
    vocabSize: 1024,
    trace: 'attention',
    reps: 15,
    warmup: 3,
  },
  {
    name: 'GPT-2-small-shaped',
    dModel: 768,
    nHeads: 12,
    nLayers: 12,
    dFF: 3072,
    S: 64,
    vocabSize: 1024,
    trace: 'none',
    reps: 5,
    warmup: 1,
  },
];

/** Multiply-adds ×2 of every matrix product in one decoder-only forward pass. */
function forwardFlops(s: Shape): number {
  const { S, dModel: d, dFF, nLayers, vocabSize: V } = s;
  const perLayer =
    2 * S * d * 3 * d + // Q, K, V projections
    2 * S * S * d + // scores, all heads
    2 * S * S * d + // weights·V, all heads
    2 * S * d * d + // output projection
    2 * 2 * S * d * dFF; // feed-forward
  return nLayers * perLayer + 2 * S * d * V;
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
function naiveMatmul(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  M: number,
  K: number,
  N: number,
): void {
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < K; k++) sum += a[i * K + k] * b[k * N + j];
      c[i * N + j] = sum;
    }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeOnce(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

console.log(`Node ${process.version}, ${quick ? 'quick' : 'full'} run`);
for (const s of shapes) {
  const config: ModelConfig = {
    arch: 'decoder-only',
    vocabSize: s.vocabSize,
    dModel: s.dModel,
    nHeads: s.nHeads,
    dFF: s.dFF,
    nLayers: s.nLayers,
    maxLen: s.S,
    positional: 'learned',
    norm: 'pre',
    activation: 'gelu',
    layerNormEps: 1e-5,
    scaleEmbedding: false,
    padId: null,
  };
  const model = initModel(config, { seed: 1 });
  const tokens = Array.from({ length: s.S }, (_, i) => (i * 7) % s.vocabSize);
  // The naive loop on the same products (one layer's; every layer has the same shapes).
  const products = layerProducts(s).map(([M, K, N]) => ({
    M,
    K,
    N,
    a: Float32Array.from({ length: M * K }, (_, i) => Math.sin(i)),
    b: Float32Array.from({ length: K * N }, (_, i) => Math.cos(i)),
    c: new Float32Array(M * N),
  }));
  const naiveFlops = products.reduce((f, p) => f + 2 * p.M * p.K * p.N, 0);
  const runForward = () => forward(model, { tokens }, { trace: s.trace });
  const runNaive = () => products.forEach((p) => naiveMatmul(p.a, p.b, p.c, p.M, p.K, p.N));

  // Warm up, then time the two in pairs, back to back: a drift in machine speed hits both members
  // of a pair alike, so the median of the per-pair ratios is steadier than either time.
  const reps = quick ? Math.max(2, Math.ceil(s.reps / 5)) : s.reps;
  for (let i = 0; i < (quick ? 1 : s.warmup); i++) runForward();
  runNaive();
  const forwardTimes: number[] = [];
  const naiveTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < reps; r++) {
    const tForward = timeOnce(runForward);
    const tNaive = timeOnce(runNaive);
    forwardTimes.push(tForward);
    naiveTimes.push(tNaive);
    ratios.push(forwardFlops(s) / tForward / (naiveFlops / tNaive));
  }
  const ms = median(forwardTimes);
  const gflops = forwardFlops(s) / ms / 1e6;
  const naiveGflops = naiveFlops / median(naiveTimes) / 1e6;

  const row =
    `${s.name.padEnd(20)} dModel ${String(s.dModel).padStart(3)}, ${String(s.nHeads).padStart(2)} heads, ` +
    `${String(s.nLayers).padStart(2)} layers, dFF ${String(s.dFF).padStart(4)}, S ${String(s.S).padStart(3)}, ` +
    `trace ${s.trace.padEnd(9)} | forward ${ms.toFixed(2).padStart(8)} ms ${gflops.toFixed(2).padStart(6)} GFLOP/s | ` +
    `naive i-j-k ${naiveGflops.toFixed(2).padStart(5)} GFLOP/s | ratio ${median(ratios).toFixed(1)}×`;
  console.log(row);
}
