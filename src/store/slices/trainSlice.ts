// Train slice: the training run of the train playground (lesson 15, #/playground?mode=train, the
// train embed), streamed from the training worker like model runs are (src/store/trainRun.ts
// writes it, at most once per animation frame). Components read it from the store, never the worker.
import type { StateCreator } from 'zustand';
import type { AtlasState } from '../atlas';
import type { EvalPoint, WireProbe } from '../types';

/** What a training run looks like to the page. */
export interface RunView {
  mode: 'worker' | 'main' | null;
  step: number;
  running: boolean;
  done: boolean;
  lr: number;
  stepsPerSecond: number;
  /** Every batch loss so far: `lossSteps[i]` ↔ `losses[i]` (arrays grow in place; `version` changes). */
  lossSteps: number[];
  losses: number[];
  evals: EvalPoint[];
  probe: WireProbe | null;
  /** Wall-clock time spent running (ms), and when the held-out curve first reached the target. */
  elapsedMs: number;
  reachedAt: { step: number; seconds: number } | null;
  error: string | null;
  version: number;
}

export const freshRun = (): RunView => ({
  mode: null, step: 0, running: false, done: false, lr: 0, stepsPerSecond: 0, lossSteps: [], losses: [], evals: [],
  probe: null, elapsedMs: 0, reachedAt: null, error: null, version: 0,
});

export interface TrainSlice {
  train: RunView;
}

export const createTrainSlice: StateCreator<AtlasState, [], [], TrainSlice> = () => ({ train: freshRun() });
