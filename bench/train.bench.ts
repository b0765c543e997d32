// `npm run bench:train`: steps per second of the train playground's runs in Node, and the time each
// task takes to reach 95% held-out exact match. `--browser` also measures the same run in Chromium
// (the production build in dist-train, served by vite preview) so the two rates can be compared.
//   npm run bench:train -- [--task reverse] [--steps 300] [--browser] [--rate-only] [--repeat 3] [key=value settings…]
// (--browser needs a build: npx vite build --outDir dist-train)
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
  const times = await browserTimeToTarget(tasks.map((t) => settingsToParams(settingsFor(t)).toString()));
  console.log('\n| task (Chromium, training worker) | steps to 95% | seconds to 95% (wall, from pressing Train) |');
  console.log('|---|---|---|');
  for (const t of times) console.log(`| ${new URLSearchParams(t.query).get('task')} | ${t.step} | ${t.seconds.toFixed(1)} |`);
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
