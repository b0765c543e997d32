// The typed message protocol between the UI and the model worker (or its main-thread fallback).
// Discriminated unions on `type`, a protocol version on every message, a runId on every request and
// every message it causes; errors travel as messages, never as thrown exceptions across the boundary.
import { POSITIONALS, type Arch, type ModelConfig, type Positional } from '../model/config';
import type { AnyTensor } from '../model/tensor';
import type { TracePath, TraceLevel } from '../model/trace';

/** Bumped whenever a message shape changes; both sides refuse messages of another version. */
export const PROTOCOL_VERSION = 1;

export type MaskChoice = 'full' | 'causal' | 'prefix';

/** A run-time positional scheme, in place of the model's own for one run (lesson 3): the model's own type. */
export type PositionalChoice = Positional;
export const POSITIONAL_CHOICES = POSITIONALS;

/** Token ids for one forward pass: one sequence, or a source and a target (encoder-decoder). */
export type RunInput = { tokens: number[] } | { src: number[]; tgt: number[] };

export interface RunOptions {
  mask?: MaskChoice;
  prefix?: number;
  temperature?: number;
  trace?: TraceLevel;
  /** Positional scheme for this run only; default the model's own. */
  positional?: PositionalChoice;
}

/** What the UI needs to know about a loaded model (everything but the weights). */
export interface ModelInfo {
  name: string;
  arch: Arch;
  /** The model file's config, as parsed by the model's own checks. */
  config: ModelConfig;
  vocab: string[];
  tokenizer: 'char' | 'word';
  /** Number of parameters (weights and biases), for the model picker. */
  params?: number;
}

/** Where a model comes from: a shipped file by URL, or bytes the user dropped or picked. */
export type ModelSource = { kind: 'url'; name: string; url: string } | { kind: 'bytes'; name: string; bytes: ArrayBuffer };

export type WorkerRequest =
  | { type: 'init'; v: number; testHooks: boolean }
  | { type: 'load'; v: number; runId: number; source: ModelSource }
  | { type: 'run'; v: number; runId: number; input: RunInput; options: RunOptions }
  | {
      type: 'generate';
      v: number;
      runId: number;
      input: RunInput;
      options: RunOptions;
      /** How many tokens to append at most; generation also stops at `stopId`. */
      maxNewTokens: number;
      stopId?: number;
    }
  | { type: 'cancel'; v: number; runId: number }
  /** Test hook: the worker throws an uncaught error (honoured only after init with testHooks). */
  | { type: 'crash'; v: number };

export type ErrorKind = 'model-file' | 'input' | 'no-model' | 'protocol' | 'internal';

export type WorkerResponse =
  | { type: 'ready'; v: number; mode: 'worker' | 'main' }
  | { type: 'loaded'; v: number; runId: number; info: ModelInfo }
  /** One traced array, posted in the order the forward pass computed it. `step` counts generated tokens. */
  | { type: 'trace'; v: number; runId: number; step: number; path: TracePath; tensor: AnyTensor }
  /** A generated token, after the trace of the step that produced it. */
  | { type: 'token'; v: number; runId: number; step: number; token: number }
  | { type: 'done'; v: number; runId: number; ms: number }
  | { type: 'error'; v: number; runId: number | null; kind: ErrorKind; message: string };

/** Typed arrays to move (not copy) with a message: the buffers of its tensors. */
export function transferables(msg: WorkerRequest | WorkerResponse): Transferable[] {
  if (msg.type === 'trace') return [msg.tensor.data.buffer as ArrayBuffer];
  if (msg.type === 'load' && msg.source.kind === 'bytes') return [msg.source.bytes];
  return [];
}

/** A copy of a tensor that owns its own buffer, so transferring it cannot detach model memory. */
export function ownedCopy<T extends AnyTensor>(t: T): T {
  return { data: t.data.slice(), shape: [...t.shape] } as unknown as T;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isIds = (x: unknown): x is number[] => Array.isArray(x) && x.every((n) => Number.isSafeInteger(n));

function isInput(x: unknown): x is RunInput {
  if (!isObj(x)) return false;
  if ('tokens' in x) return isIds(x.tokens);
  return isIds(x.src) && isIds(x.tgt);
}

function isOptions(x: unknown): x is RunOptions {
  if (!isObj(x)) return false;
  if (x.mask !== undefined && x.mask !== 'full' && x.mask !== 'causal' && x.mask !== 'prefix') return false;
  if (x.prefix !== undefined && !isId(x.prefix)) return false;
  if (x.temperature !== undefined && !(typeof x.temperature === 'number' && x.temperature > 0)) return false;
  if (x.trace !== undefined && x.trace !== 'full' && x.trace !== 'attention' && x.trace !== 'none') return false;
  if (x.positional !== undefined && !(POSITIONAL_CHOICES as readonly unknown[]).includes(x.positional)) return false;
  return true;
}

/** Checks an incoming request's shape and version (the worker trusts nothing it receives). */
export function isWorkerRequest(x: unknown): x is WorkerRequest {
  if (!isObj(x) || x.v !== PROTOCOL_VERSION) return false;
  switch (x.type) {
    case 'init':
      return typeof x.testHooks === 'boolean';
    case 'load': {
      const s = x.source;
      if (!isId(x.runId) || !isObj(s) || typeof s.name !== 'string') return false;
      return (s.kind === 'url' && typeof s.url === 'string') || (s.kind === 'bytes' && s.bytes instanceof ArrayBuffer);
    }
    case 'run':
      return isId(x.runId) && isInput(x.input) && isOptions(x.options);
    case 'generate':
      return (
        isId(x.runId) &&
        isInput(x.input) &&
        isOptions(x.options) &&
        isId(x.maxNewTokens) &&
        (x.stopId === undefined || isId(x.stopId))
      );
    case 'cancel':
      return isId(x.runId);
    case 'crash':
      return true;
    default:
      return false;
  }
}

const TYPED = (x: unknown) => x instanceof Float32Array || x instanceof Uint8Array || x instanceof Int32Array;

/** Checks an incoming response's shape and version. */
export function isWorkerResponse(x: unknown): x is WorkerResponse {
  if (!isObj(x) || x.v !== PROTOCOL_VERSION) return false;
  switch (x.type) {
    case 'ready':
      return x.mode === 'worker' || x.mode === 'main';
    case 'loaded':
      return isId(x.runId) && isObj(x.info);
    case 'trace':
      return isId(x.runId) && isId(x.step) && isObj(x.path) && isObj(x.tensor) && TYPED(x.tensor.data) && Array.isArray(x.tensor.shape);
    case 'token':
      return isId(x.runId) && isId(x.step) && Number.isSafeInteger(x.token);
    case 'done':
      return isId(x.runId) && typeof x.ms === 'number';
    case 'error':
      return (x.runId === null || isId(x.runId)) && typeof x.message === 'string' && typeof x.kind === 'string';
    default:
      return false;
  }
}
