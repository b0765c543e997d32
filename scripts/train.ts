// `npm run train -- <task> [--steps N] [--seed S] [--lr X] [--resume] [--save-checks]`: trains one recipe of
// src/tasks/recipes.ts and writes public/models/<task>.safetensors. Progress goes to stdout, one
// line per check. --resume starts from the weights in that file (a fresh optimiser and schedule),
// e.g. to finish a run that a time limit cut short. --bench N times N steps (after 5 warm-up
// steps), prints steps/s of wall and of CPU time, and saves nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Example } from '../src/model/train/batch';
import { createTrainer, drawBatch, drawBucketedBatches, trainStep } from '../src/model/train/loop';
import { loadParams, saveParams } from '../src/model/train/serialize';
import { initKernelsFromEnv } from '../src/model/cli/kernels';
import { recipes } from '../src/tasks/recipes';

// The shipped models were trained on the TypeScript kernels: ATLAS_KERNELS=js reproduces them bit
// for bit; the SIMD kernel trains the same model to float32 rounding, faster.
const kernel = await initKernelsFromEnv();

const [task, ...rest] = process.argv.slice(2);
const recipe = task ? recipes[task] : undefined;
if (!recipe) {
  console.error(`usage: npm run train -- <task>   (tasks: ${Object.keys(recipes).join(', ')})`);
  process.exit(2);
}
const flag = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? Number(rest[i + 1]) : undefined;
};
const options = {
  ...recipe.options, steps: flag('steps') ?? recipe.options.steps, seed: flag('seed') ?? recipe.options.seed, lr: flag('lr') ?? recipe.options.lr,
};
const state = createTrainer(recipe.config, options);
const out = `public/models/${recipe.task}.safetensors`;
const resume = rest.includes('--resume');
let previous: Record<string, unknown> | null = null; // the training record of the run we continue
if (resume) {
  const loaded = loadParams(new Uint8Array(readFileSync(out)));
  for (const [name, v] of state.params) {
    const w = loaded.params.get(name);
    if (!w || w.data.length !== v.data.length) throw new Error(`--resume: ${out} has no matching ${name}`);
    v.data.set(w.data);
  }
  previous = loaded.meta.extra?.training ? JSON.parse(loaded.meta.extra.training) : null;
  console.log(`resuming from ${out} (${JSON.stringify(previous)})`);
}
const t0 = performance.now();
// CPU time of this process: on a shared machine, wall time depends on the neighbours, this less so
const cpuSeconds = () => process.cpuUsage().user / 1e6;
let trainMs = 0; // time in training steps only (checks excluded), for steps/s
let smooth = NaN;
let reachedAt: { step: number; seconds: number; cpuSeconds: number } | null = null;

function save(): void {
  const seconds = (performance.now() - t0) / 1000;
  const training = {
    steps: state.step, seconds: Math.round(seconds), cpuSeconds: Math.round(cpuSeconds()), stepsPerSecond: +(state.step / (trainMs / 1000)).toFixed(2),
    kernel, batchSize: options.batchSize, lr: options.lr, warmup: options.warmup, clip: options.clip, seed: options.seed,
    target: recipe!.target, targetReached: reachedAt, finalLoss: +smooth.toFixed(4),
    ...(previous ? { resumedFrom: previous } : {}),
  };
  writeFileSync(out, saveParams(state.params, recipe!.config, {
    vocab: recipe!.vocab, tokenizer: recipe!.tokenizer, extra: { training: JSON.stringify(training) },
  }));
  console.log(`saved ${out}: ${JSON.stringify(training)}`);
}

const bench = flag('bench');
if (bench) {
  for (let i = 0; i < 5; i++) trainStep(state, drawBatch(state, recipe.sample)); // let the JIT settle
  const w0 = performance.now();
  const c0 = cpuSeconds();
  for (let i = 0; i < bench; i++) trainStep(state, drawBatch(state, recipe.sample));
  const wall = (performance.now() - w0) / 1000;
  const cpu = cpuSeconds() - c0;
  console.log(`${recipe.task} (${kernel} kernels): ${bench} steps, ${(bench / wall).toFixed(2)} steps/s wall, ${(bench / cpu).toFixed(2)} steps/s of CPU time`);
  process.exit(0);
}

let queue: Example[][] = [];
while (state.step < options.steps) {
  const s0 = performance.now();
  if (queue.length === 0) queue = recipe.bucket ? drawBucketedBatches(state, recipe.sample, 8) : [drawBatch(state, recipe.sample)];
  const { loss, gradNorm, lr } = trainStep(state, queue.pop()!);
  trainMs += performance.now() - s0;
  smooth = Number.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
  const elapsed = (performance.now() - t0) / 1000;
  if (state.step % recipe.evalEvery === 0 || state.step === options.steps) {
    const { score, done } = recipe.check(state.params, state.config);
    console.log(
      `step ${state.step} loss ${smooth.toFixed(4)} |g| ${gradNorm.toFixed(2)} lr ${lr.toExponential(2)} ` +
        `check ${(100 * score).toFixed(2)}% ${(state.step / (trainMs / 1000)).toFixed(2)} steps/s ${elapsed.toFixed(0)} s (cpu ${cpuSeconds().toFixed(0)} s)`,
    );
    if (score >= recipe.target && !reachedAt) reachedAt = { step: state.step, seconds: Math.round(elapsed), cpuSeconds: Math.round(cpuSeconds()) };
    if (done) break;
    if (rest.includes('--save-checks')) save(); // a long run on a shared machine: keep each check's weights
    if (cpuSeconds() > recipe.maxSeconds) break;
  }
}
save();
