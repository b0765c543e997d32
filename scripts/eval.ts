// `npm run eval -- <task> [--n N] [--json]`: evaluates public/models/<task>.safetensors on the
// task's held-out set and prints the metrics of issue 6 (or them as JSON with --json).
import { readFileSync } from 'node:fs';
import { initKernelsFromEnv } from '../src/model/cli/kernels';
import { describeMetrics, evaluateTask, TASKS, type TaskName } from '../src/tasks/evaluateTask';

await initKernelsFromEnv();

const [task, ...rest] = process.argv.slice(2);
if (!TASKS.includes(task as TaskName)) {
  console.error(`usage: npm run eval -- <task> [--n N] [--json]   (tasks: ${TASKS.join(', ')})`);
  process.exit(2);
}
const nAt = rest.indexOf('--n');
const n = nAt >= 0 ? Number(rest[nAt + 1]) : 2000;
const file = `public/models/${task}.safetensors`;
const t0 = performance.now();
const result = evaluateTask(task as TaskName, new Uint8Array(readFileSync(file)), n);
if (rest.includes('--json')) {
  console.log(JSON.stringify(result.metrics, null, 2));
} else {
  console.log(`${file}`);
  for (const line of describeMetrics(result)) console.log(line);
  console.log(`(evaluated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
