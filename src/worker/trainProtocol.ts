// The typed message protocol between the train playground and its training worker (a worker of
// its own, separate from the model worker). Discriminated unions on `type`, a protocol version on
// every message, a runId on every message about a run; errors travel as messages.
import type { EvalPoint } from './trainSession';
import { parseSettings, settingsToParams, type TrainSettings } from '../tasks/trainSettings';

/** Bumped whenever a message shape changes; both sides refuse messages of another version. */
export const TRAIN_PROTOCOL_VERSION = 1;

export type TrainRequest =
  | { type: 'init'; v: number }
  /** Starts a new run (paused at step 0) with these settings; every later message names its runId. */
  | { type: 'reset'; v: number; runId: number; settings: TrainSettings }
  | { type: 'play'; v: number; runId: number }
  | { type: 'pause'; v: number; runId: number }
  /** One optimisation step (the run must be paused). */
  | { type: 'step'; v: number; runId: number }
  /** A new peak learning rate for the rest of the run (the schedule's shape is kept). */
  | { type: 'setLr'; v: number; runId: number; lr: number }
  /** Asks for the trained weights as a .safetensors file. */
  | { type: 'export'; v: number; runId: number };

/** A transferable copy of one attention map of the probe. */
export interface WireMap {
  key: string; // trace key, e.g. `decoder.layers.0.crossAttention.weights`
  weights: Float32Array; // [nHeads, Sq, Sk]
  nHeads: number;
  queryLabels: string[];
  keyLabels: string[];
}

export interface WireProbe {
  step: number;
  input: string;
  expected: string;
  predicted: string;
  maps: WireMap[];
}

export type TrainResponse =
  | { type: 'ready'; v: number; mode: 'worker' | 'main' }
  /**
   * Streamed while a run advances: the batch losses since the last update (`steps[i]` ↔ `losses[i]`),
   * any evaluations, and the probe's attention when it was refreshed.
   */
  | {
      type: 'update';
      v: number;
      runId: number;
      step: number;
      running: boolean;
      /** The step budget is spent: the run stops. */
      done: boolean;
      lr: number;
      stepsPerSecond: number;
      steps: number[];
      losses: number[];
      evals: EvalPoint[];
      probe: WireProbe | null;
    }
  | { type: 'exported'; v: number; runId: number; bytes: ArrayBuffer; step: number }
  | { type: 'error'; v: number; runId: number | null; message: string };

/** Buffers to move (not copy) with a message. */
export function trainTransferables(msg: TrainResponse): Transferable[] {
  if (msg.type === 'exported') return [msg.bytes];
  if (msg.type === 'update' && msg.probe) return msg.probe.maps.map((m) => m.weights.buffer as ArrayBuffer);
  return [];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** Settings that survive the URL codec unchanged are well formed (one rulebook for both). */
function isSettings(x: unknown): x is TrainSettings {
  if (!isObj(x)) return false;
  try {
    const round = parseSettings(settingsToParams(x as unknown as TrainSettings));
    return round.rejected.length === 0 && settingsToParams(round.settings).toString() === settingsToParams(x as unknown as TrainSettings).toString();
  } catch {
    return false;
  }
}

/** Checks an incoming request (the worker trusts nothing it receives). */
export function isTrainRequest(x: unknown): x is TrainRequest {
  if (!isObj(x) || x.v !== TRAIN_PROTOCOL_VERSION) return false;
  switch (x.type) {
    case 'init':
      return true;
    case 'reset':
      return isId(x.runId) && isSettings(x.settings);
    case 'play':
    case 'pause':
    case 'step':
    case 'export':
      return isId(x.runId);
    case 'setLr':
      return isId(x.runId) && typeof x.lr === 'number' && x.lr > 0 && x.lr <= 0.1;
    default:
      return false;
  }
}

/** Checks an incoming response's shape and version. */
export function isTrainResponse(x: unknown): x is TrainResponse {
  if (!isObj(x) || x.v !== TRAIN_PROTOCOL_VERSION) return false;
  switch (x.type) {
    case 'ready':
      return x.mode === 'worker' || x.mode === 'main';
    case 'update':
      return (
        isId(x.runId) && isId(x.step) && typeof x.running === 'boolean' && typeof x.done === 'boolean' &&
        Array.isArray(x.steps) && Array.isArray(x.losses) && Array.isArray(x.evals) && (x.probe === null || isObj(x.probe))
      );
    case 'exported':
      return isId(x.runId) && x.bytes instanceof ArrayBuffer && isId(x.step);
    case 'error':
      return (x.runId === null || isId(x.runId)) && typeof x.message === 'string';
    default:
      return false;
  }
}
