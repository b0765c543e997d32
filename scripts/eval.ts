// `npm run eval -- <task> [--n N] [--json]`: evaluates public/models/<task>.safetensors on the
// task's held-out set and prints the metrics of issue 6 (or them as JSON with --json).
import { readFileSync } from 'node:fs';
import { initKernelsFromEnv } from '../src/model/cli/kernels';
import { HELD_OUT_SEED, describeMetrics, evaluateTask, TASKS, type TaskName } from '../src/tasks/evaluateTask';
import { loadModel, parseHeadRef, type HeadRef } from '../src/model';
import { heldOutSentences } from '../src/tasks/grammar';
import { describeInterventions, interventionReport } from '../src/tasks/grammarInterventions';
import { seededRandom } from '../src/model/train/rng';

await initKernelsFromEnv();

const [task, ...rest] = process.argv.slice(2);
if (!TASKS.includes(task as TaskName)) {
  console.error(`usage: npm run eval -- <task> [--n N] [--json] [--ablate STACK.LAYER.HEAD]...   (tasks: ${TASKS.join(', ')})`);
  process.exit(2);
}
const nAt = rest.indexOf('--n');
const n = nAt >= 0 ? Number(rest[nAt + 1]) : 2000;
const file = `public/models/${task}.safetensors`;
const t0 = performance.now();
const ablate: HeadRef[] = [];
rest.forEach((flag, i) => {
  if (flag !== '--ablate') return;
  try {
    ablate.push(parseHeadRef(rest[i + 1] ?? ''));
  } catch (e) {
    console.error(`eval: --ablate: ${(e as Error).message}`);
    process.exit(2);
  }
});
if (ablate.length) {
  // Agreement with and without the heads, through forward() (src/tasks/grammarInterventions.ts).
  if (task !== 'grammar') {
    console.error('eval: --ablate is measured for the grammar model only');
    process.exit(2);
  }
  const model = loadModel(new Uint8Array(readFileSync(file)));
  let report;
  try {
    report = interventionReport(model, heldOutSentences(n, seededRandom(HELD_OUT_SEED)), ablate);
  } catch (e) {
    console.error(`eval: ${(e as Error).message}`);
    process.exit(2);
  }
  if (rest.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(file);
    for (const line of describeInterventions(report)) console.log(line);
    console.log(`(evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  process.exit(0);
}
const result = evaluateTask(task as TaskName, new Uint8Array(readFileSync(file)), n);
if (rest.includes('--json')) {
  console.log(JSON.stringify(result.metrics, null, 2));
} else {
  console.log(`${file}`);
  for (const line of describeMetrics(result)) console.log(line);
  console.log(`(evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
