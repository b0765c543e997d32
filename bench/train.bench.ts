// `npm run bench:train`: steps per second of the train playground's runs in Node, and the time each
// task takes to reach 95% held-out exact match. `--browser` also measures the same run in Chromium
// (the production build in dist-train, served by vite preview) so the two rates can be compared.
//   npm run bench:train -- [--task reverse] [--steps 300] [--browser] [--rate-only] [--repeat 3] [key=value settings…]
// (--browser needs two builds: npx vite build --outDir dist-train, and the pure-TypeScript-kernel
// build VITE_ATLAS_KERNELS=js npx vite build --outDir dist-train-js; BENCH_DIST / BENCH_DIST_JS
// name other folders.) Node runs use the kernel ATLAS_KERNELS names (default: SIMD); with
// --browser the time to 95% on reverse is measured on both kernels, alternating, in one run.
import { existsSync } from 'node:fs';
import { initKernelsFromEnv } from '../src/model/cli/kernels';
import { createSession, evaluateSession, stepSession } from '../src/worker/trainSession';
import { defaultSettings, parseSettings, settingsToParams, type TrainSettings } from '../src/tasks/trainSettings';
import { TOY_TASKS, type ToyTaskName } from '../src/tasks/toy';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const overrides = new URLSearchParams(args.filter((a) => /^\w+=/.test(a)).join('&'));
const tasks = (flag('task') ? [flag('task')] : TOY_TASKS) as ToyTaskName[];
const fixedSteps = Number(flag('steps') ?? 300);
const evalEvery = 25; // as the worker does

function settingsFor(task: ToyTaskName): TrainSettings {
  const p = settingsToParams(defaultSettings(task));
  for (const [k, v] of overrides) p.set(k, v);
  p.set('task', task);
  return parseSettings(p).settings;
}

/** Trains until the held-out exact match reaches 95% (or the budget); wall time includes evaluation. */
function timeToTarget(settings: TrainSettings) {
  const s = createSession(settings);
  const t0 = performance.now();
  let last = evaluateSession(s);
  while (s.trainer.step < 1500) {
    stepSession(s);
    if (s.trainer.step % evalEvery === 0) {
      last = evaluateSession(s);
      if (last.heldOutAcc >= 0.95) break;
    }
  }
  return { steps: s.trainer.step, seconds: (performance.now() - t0) / 1000, heldOut: last.heldOutAcc, stepsPerSecond: s.trainer.step / (s.stepMs / 1000) };
}

/** Steps per second over `n` steps (step time only, as the browser's figure). */
function throughput(settings: TrainSettings, n: number) {
  const s = createSession(settings);
  for (let i = 0; i < 20; i++) stepSession(s); // warm-up: let the JIT compile the kernels
  s.stepMs = 0;
  const start = s.trainer.step;
  for (let i = 0; i < n; i++) stepSession(s);
  return (s.trainer.step - start) / (s.stepMs / 1000);
}

const kernel = await initKernelsFromEnv();
console.log(`Node runs on the ${kernel} kernel`);
const rateOnly = args.includes('--rate-only');
const repeat = Number(flag('repeat') ?? 1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!rateOnly) {
  const rows: string[] = [];
  for (const task of tasks) {
    const settings = settingsFor(task);
    const r = timeToTarget(settings);
    rows.push(`| ${task} | ${settingsToParams(settings).toString()} | ${r.stepsPerSecond.toFixed(1)} | ${r.steps} | ${r.seconds.toFixed(1)} | ${(100 * r.heldOut).toFixed(1)}% |`);
  }
  console.log('\n| task | settings | Node steps/s | steps to 95% | seconds to 95% (incl. evaluation) | held-out exact match |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

if (!rateOnly && args.includes('--browser')) {
  const { browserTimeToTarget } = await import('./trainBrowser');
  const distSimd = process.env.BENCH_DIST ?? 'dist-train';
  const distJs = process.env.BENCH_DIST_JS ?? 'dist-train-js';
  for (const d of [distSimd, distJs])
    if (!existsSync(`${d}/index.html`)) throw new Error(`no build in ${d}: see the first lines of bench/train.bench.ts`);
  console.log('\n| task (Chromium, training worker) | kernels (build) | steps to 95% | seconds to 95% (wall, from pressing Train) |');
  console.log('|---|---|---|---|');
  const bySeconds: Record<string, number[]> = { simd: [], js: [] };
  // SIMD and pure-TS builds alternate, so the machine's drift hits both alike.
  for (let i = 0; i < repeat; i++) {
    for (const [name, dist] of [['simd', distSimd], ['js', distJs]] as const) {
      const times = await browserTimeToTarget(tasks.map((t) => settingsToParams(settingsFor(t)).toString()), dist);
      for (const t of times) {
        console.log(`| ${new URLSearchParams(t.query).get('task')} | ${name === 'simd' ? 'WebAssembly SIMD' : 'pure TypeScript'} (${dist}) | ${t.step} | ${t.seconds.toFixed(1)} |`);
        bySeconds[name].push(t.seconds);
      }
    }
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(`\ntime to 95%, pure TS ÷ SIMD (summed over the runs above): **${(total(bySeconds.js) / total(bySeconds.simd)).toFixed(2)}×**`);
}

// Rates on the same run (reverse): the machine is shared, so Node and Chromium alternate `repeat`
// times and the medians are compared.
const reverse = settingsFor('reverse');
const { browserRate } = args.includes('--browser') ? await import('./trainBrowser') : { browserRate: null };
const nodeRates: number[] = [];
const browserRates: number[] = [];
for (let i = 0; i < repeat; i++) {
  nodeRates.push(throughput(reverse, fixedSteps));
  console.log(`Node: ${nodeRates.at(-1)!.toFixed(1)} steps/s over ${fixedSteps} steps of reverse (${settingsToParams(reverse)})`);
  if (browserRate) {
    browserRates.push(await browserRate(settingsToParams(reverse), fixedSteps));
    console.log(`Chromium (training worker): ${browserRates.at(-1)!.toFixed(1)} steps/s over ${fixedSteps} steps`);
  }
}
if (browserRates.length > 0) {
  nodeRates.push(throughput(reverse, fixedSteps));
  console.log(`Node: ${nodeRates.at(-1)!.toFixed(1)} steps/s`);
  const n = median(nodeRates);
  const b = median(browserRates);
  console.log(`\nmedian Node ${n.toFixed(1)} steps/s (${nodeRates.length} runs), median Chromium ${b.toFixed(1)} steps/s (${browserRates.length} runs): browser = ${((100 * b) / n).toFixed(0)}% of Node`);
}
