// One training run of the train playground, DOM-free: the trainer's own step (src/model/train),
// a fixed training sample and held-out set to score, and the probe whose attention is drawn.
// The worker drives it in time slices; Node tests and bench/train.bench.ts drive it directly.
import type { Example } from '../model/train/batch';
import { makeBatch } from '../model/train/batch';
import { greedyContinue, greedyDecodeBatch } from '../model/train/evaluate';
import { scoreExamples } from '../model/train/exactMatch';
import { forwardBatch } from '../model/train/forward';
import { parseTraceKey } from '../model/trace';
import { createTrainer, drawBatch, trainStep, type TrainerState } from '../model/train/loop';
import { seededRandom } from '../model/train/rng';
import { saveParams } from '../model/train/serialize';
import { sampleToy, toyLabels, toyTasks, toyVocab, toyWords, type ToyTask } from '../tasks/toy';
import { BOS, EOS } from '../tasks/vocab';
import { settingsToConfig, settingsToOptions, type TrainSettings } from '../tasks/trainSettings';

/** Items scored at each evaluation, on each side of the split. */
export const EVAL_ITEMS = 200;

export interface TrainSession {
  settings: TrainSettings;
  task: ToyTask;
  trainer: TrainerState;
  sample: (rand: () => number) => Example;
  trainSet: Example[]; // fixed training items, scored like the held-out ones
  heldOut: Example[]; // never drawn for training
  probe: Example;
  /** Time spent inside trainStep, for steps per second. */
  stepMs: number;
}

/** One evaluation: loss and exact match on both sides of the split. */
export interface EvalPoint {
  step: number;
  trainLoss: number;
  trainAcc: number;
  heldOutLoss: number;
  heldOutAcc: number;
}

/** One attention map of the probe: `key` is its trace key (`decoder.layers.0.crossAttention.weights`). */
export interface ProbeMap {
  key: string;
  weights: Float32Array; // [nHeads, Sq, Sk]
  nHeads: number;
  queryLabels: string[]; // rows
  keyLabels: string[]; // columns
}

export interface ProbeResult {
  maps: ProbeMap[];
  input: string;
  expected: string;
  predicted: string; // greedy output, each token fed back in
}

/** A fresh run from settings: same settings, same run, bit for bit. */
export function createSession(settings: TrainSettings): TrainSession {
  const task = toyTasks[settings.task];
  const config = settingsToConfig(settings);
  const trainer = createTrainer(config, settingsToOptions(settings));
  // The scored sets come from fixed seeds, independent of the run's seed, so runs compare.
  const trainSet = toyWords(settings.task, EVAL_ITEMS, seededRandom(1001), false).map(task.example);
  const heldOut = toyWords(settings.task, EVAL_ITEMS, seededRandom(2002), true).map(task.example);
  return { settings, task, trainer, sample: sampleToy(settings.task), trainSet, heldOut, probe: task.example(task.probe), stepMs: 0 };
}

/** One optimisation step on a fresh batch; returns the batch loss. */
export function stepSession(s: TrainSession): { loss: number; lr: number } {
  const t0 = performance.now();
  const r = trainStep(s.trainer, drawBatch(s.trainer, s.sample));
  s.stepMs += performance.now() - t0;
  return { loss: r.loss, lr: r.lr };
}

/** Scores the fixed training items and the held-out items (the first `n` of each). */
export function evaluateSession(s: TrainSession, n = EVAL_ITEMS): EvalPoint {
  const { params, config } = s.trainer;
  const tr = scoreExamples(params, config, s.trainSet.slice(0, n));
  const ho = scoreExamples(params, config, s.heldOut.slice(0, n));
  return { step: s.trainer.step, trainLoss: tr.loss, trainAcc: tr.exactMatch, heldOutLoss: ho.loss, heldOutAcc: ho.exactMatch };
}

/** Attention of every layer and head on the probe, and the model's prediction for it. */
export function probeSession(s: TrainSession): ProbeResult {
  const { params, config } = s.trainer;
  const batch = makeBatch([s.probe], config.padId ?? 0);
  const { attention } = forwardBatch(null, params, config, batch); // weights [1, nHeads, Sq, Sk] each
  const labels = toyLabels(s.probe);
  const maps: ProbeMap[] = [];
  for (const [key, weights] of attention) {
    const path = parseTraceKey(key); // e.g. decoder.layers.0.crossAttention.weights
    if (path?.kind !== 'attention') continue;
    const { stack, attention: kind } = path;
    const queryLabels = stack === 'encoder' ? labels.src! : labels.tokens;
    const keyLabels = stack === 'encoder' || kind === 'crossAttention' ? (labels.src ?? labels.tokens) : labels.tokens;
    maps.push({ key, weights, nHeads: config.nHeads, queryLabels, keyLabels });
  }
  return { maps, input: s.task.probe, expected: s.task.answer(s.task.probe), predicted: greedyProbe(s) };
}

/** Greedy decoding of the probe (the model's own answer, each token fed back in). */
function greedyProbe(s: TrainSession): string {
  const { params, config } = s.trainer;
  const maxOut = s.task.answer(s.task.probe).length + 2;
  let out: number[];
  if (s.probe.src) {
    out = greedyDecodeBatch(params, config, [s.probe.src], BOS, EOS, maxOut)[0];
  } else {
    // decoder-only: the prompt is everything up to the first scored position
    const first = s.probe.targets.findIndex((t) => t >= 0);
    out = greedyContinue(params, config, s.probe.tokens.slice(0, first + 1), EOS, maxOut);
  }
  return out.map((t) => toyVocab[t] ?? '?').join('');
}

/** The trained model as a .safetensors file that the playground opens like any shipped model. */
export function exportSession(s: TrainSession): Uint8Array {
  const training = { task: s.settings.task, steps: s.trainer.step, settings: s.settings };
  return saveParams(s.trainer.params, s.trainer.config, {
    vocab: toyVocab,
    tokenizer: 'char',
    extra: { training: JSON.stringify(training) },
  });
}
