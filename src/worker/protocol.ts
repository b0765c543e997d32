// The typed message protocol between the UI and the model worker (or its main-thread fallback).
// Discriminated unions on `type`, a protocol version on every message, a runId on every request and
// every message it causes; errors travel as messages, never as thrown exceptions across the boundary.
import { POSITIONALS, type Arch, type ModelConfig, type Positional } from '../model/config';
import type { HeadRef } from '../model/interventions';
import type { SweepResult } from '../model/patching';
import type { AnyTensor, Tensor } from '../model/tensor';
import type { TracePath, TraceLevel } from '../model/trace';

/** Bumped whenever a message shape changes; both sides refuse messages of another version. */
export const PROTOCOL_VERSION = 1;

export type MaskChoice = 'full' | 'causal' | 'prefix';

/** A run-time positional scheme, in place of the model's own for one run (lesson 3): the model's own type. */
export type PositionalChoice = Positional;
export const POSITIONAL_CHOICES = POSITIONALS;

/** Token ids for one forward pass: one sequence, or a source and a target (encoder-decoder). */
export type RunInput = { tokens: number[] } | { src: number[]; tgt: number[] };

/**
 * Text for a model with a Hugging Face tokenizer, tokenized in the worker (building GPT-2's
 * tokenizer takes longer than a frame): one text, or a source and a target text (Marian).
 */
export type TextInput = { text: string } | { srcText: string; tgtText: string };

export interface RunOptions {
  mask?: MaskChoice;
  prefix?: number;
  temperature?: number;
  trace?: TraceLevel;
  /** Positional scheme for this run only; default the model's own. */
  positional?: PositionalChoice;
  /** Heads whose output is zeroed before W_O (docs/interventions.md). */
  ablate?: HeadRef[];
  /** Heads whose output is copied from a run of `from` (same length) into this run. */
  patch?: { from: RunInput; heads: HeadRef[] };
  /** Adds the logit lens (lens.<stack>.<layer>) to the trace. */
  lens?: boolean;
}

/** What the UI needs to know about a loaded model (everything but the weights). */
export interface ModelInfo {
  name: string;
  arch: Arch;
  /** The model file's config, as parsed by the model's own checks. */
  config: ModelConfig;
  vocab: string[];
  /** 'hf': a Hugging Face tokenizer that runs in the worker (send TextInput; pieces come back as 'tokens'). */
  tokenizer: 'char' | 'word' | 'hf';
  /** For Hugging Face checkpoints: the family, the tokenizer's kind and its special token ids. */
  hf?: { family: string; tokenizerKind: string; specialIds: number[]; special: Record<string, number> };
  /** Tensors holding NaN or ±Infinity, if any: the page names them in a notice. */
  nonFinite?: string[];
  /** Number of parameters (weights and biases), for the model picker. */
  params?: number;
}

/**
 * Where a model comes from: a shipped file by URL, or bytes the user dropped or picked; a Hugging
 * Face checkpoint's files (picked, dropped or a folder), or a Hub repo (`confirmed: false` only
 * probes and answers 'checkpoint' with the sizes; `true` downloads and loads).
 */
export type ModelSource =
  | { kind: 'url'; name: string; url: string }
  | { kind: 'bytes'; name: string; bytes: ArrayBuffer }
  | { kind: 'files'; name: string; files: File[] }
  | { kind: 'hub'; name: string; base: string; confirmed: boolean };

export type WorkerRequest =
  | { type: 'init'; v: number; testHooks: boolean }
  | { type: 'load'; v: number; runId: number; source: ModelSource }
  /** `modelId`: the load whose model the page shows; the engine refuses to run any other. */
  | { type: 'run'; v: number; runId: number; modelId?: number; input: RunInput | TextInput; options: RunOptions }
  | {
      type: 'generate';
      v: number;
      runId: number;
      modelId?: number;
      input: RunInput;
      options: RunOptions;
      /** How many tokens to append at most; generation also stops at `stopId`. */
      maxNewTokens: number;
      stopId?: number;
    }
  /** Patches every head from `clean` into `corrupted`, one at a time; answered by one 'sweep'. */
  | { type: 'sweep'; v: number; runId: number; clean: RunInput; corrupted: RunInput; position: number; options: RunOptions }
  | { type: 'cancel'; v: number; runId: number }
  /** Liveness probe (engineClient.ts): answered at once with a pong of the same id. */
  | { type: 'ping'; v: number; id: number }
  /** Test hook: the worker closes itself without a word (honoured only after init with testHooks). */
  | { type: 'close'; v: number }
  /** Test hook: the worker throws an uncaught error (honoured only after init with testHooks). */
  | { type: 'crash'; v: number };

/** `stale-model`: a run named another model than the engine holds (a load raced it); the page drops it. */
export type ErrorKind = 'model-file' | 'input' | 'no-model' | 'stale-model' | 'protocol' | 'internal' | 'cancelled';

export type WorkerResponse =
  | { type: 'ready'; v: number; mode: 'worker' | 'main' }
  | { type: 'pong'; v: number; id: number }
  /**
   * A slice of a model's vocabulary, posted before its 'loaded' (whose info.vocab is then empty):
   * a 10⁶-word vocabulary arrives in pieces the main thread can take in without a long task.
   */
  | { type: 'vocab'; v: number; runId: number; pieces: string[] }
  /** `vocabIndex`: for a big vocabulary, its piece → id index (vocabIndex.ts), moved without a copy. */
  | { type: 'loaded'; v: number; runId: number; info: ModelInfo; vocabIndex?: Int32Array }
  /** A checkpoint's sizes, known before its weights are read or downloaded. */
  | { type: 'checkpoint'; v: number; runId: number; name: string; family: string; downloadBytes: number; memoryBytes: number }
  /** Bytes of a checkpoint downloaded ('download') or read into the model ('read') so far. */
  | { type: 'progress'; v: number; runId: number; phase: 'download' | 'read'; loaded: number; total: number }
  /** The pieces a TextInput became (one message per sequence), before the run's trace. */
  | { type: 'tokens'; v: number; runId: number; role: 'text' | 'src' | 'tgt'; ids: number[]; pieces: string[]; special: boolean[] }
  /** One traced array, posted in the order the forward pass computed it. `step` counts generated tokens. */
  | { type: 'trace'; v: number; runId: number; modelId: number; step: number; path: TracePath; tensor: AnyTensor }
  /** A generated token, after the trace of the step that produced it. */
  | { type: 'token'; v: number; runId: number; modelId: number; step: number; token: number }
  | { type: 'done'; v: number; runId: number; modelId: number; ms: number }
  /** A patching sweep's grid (one cell per head), both inputs' attention weights (for the diff), and the time taken. */
  | { type: 'sweep'; v: number; runId: number; result: SweepResult; weights: { key: string; clean: Tensor; corrupted: Tensor }[]; ms: number }
  | { type: 'error'; v: number; runId: number | null; kind: ErrorKind; message: string };

/** Typed arrays to move (not copy) with a message: the buffers of its tensors. */
export function transferables(msg: WorkerRequest | WorkerResponse): Transferable[] {
  if (msg.type === 'trace') return [msg.tensor.data.buffer as ArrayBuffer];
  if (msg.type === 'loaded' && msg.vocabIndex) return [msg.vocabIndex.buffer as ArrayBuffer];
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

function isTextInput(x: unknown): x is TextInput {
  if (!isObj(x)) return false;
  if ('text' in x) return typeof x.text === 'string';
  return typeof x.srcText === 'string' && typeof x.tgtText === 'string';
}

const isFileList = (x: unknown) => Array.isArray(x) && x.length > 0 && x.every((f) => typeof File !== 'undefined' && f instanceof File);

/** A head's shape only; whether the model has it is the model's check (validateInterventions). */
const isHead = (x: unknown): x is HeadRef =>
  isObj(x) && (x.stack === 'encoder' || x.stack === 'decoder') && isId(x.layer) && isId(x.head) && (x.kind === 'self' || x.kind === 'cross');
const isHeads = (x: unknown): x is HeadRef[] => Array.isArray(x) && x.length <= 256 && x.every(isHead);

function isOptions(x: unknown): x is RunOptions {
  if (!isObj(x)) return false;
  if (x.ablate !== undefined && !isHeads(x.ablate)) return false;
  if (x.patch !== undefined && !(isObj(x.patch) && isInput(x.patch.from) && isHeads(x.patch.heads))) return false;
  if (x.lens !== undefined && typeof x.lens !== 'boolean') return false;
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
      return (
        (s.kind === 'url' && typeof s.url === 'string') ||
        (s.kind === 'bytes' && s.bytes instanceof ArrayBuffer) ||
        (s.kind === 'files' && isFileList(s.files)) ||
        (s.kind === 'hub' && typeof s.base === 'string' && typeof s.confirmed === 'boolean')
      );
    }
    case 'run':
      return isId(x.runId) && (x.modelId === undefined || isId(x.modelId)) && (isInput(x.input) || isTextInput(x.input)) && isOptions(x.options);
    case 'generate':
      return (
        isId(x.runId) &&
        (x.modelId === undefined || isId(x.modelId)) &&
        isInput(x.input) &&
        isOptions(x.options) &&
        isId(x.maxNewTokens) &&
        (x.stopId === undefined || isId(x.stopId))
      );
    case 'sweep':
      return isId(x.runId) && isInput(x.clean) && isInput(x.corrupted) && isId(x.position) && isOptions(x.options);
    case 'cancel':
      return isId(x.runId);
    case 'ping':
      return isId(x.id);
    case 'crash':
    case 'close':
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
    case 'pong':
      return isId(x.id);
    case 'vocab':
      return isId(x.runId) && Array.isArray(x.pieces);
    case 'loaded':
      return isId(x.runId) && isObj(x.info) && (x.vocabIndex === undefined || x.vocabIndex instanceof Int32Array);
    case 'checkpoint':
      return isId(x.runId) && typeof x.downloadBytes === 'number' && typeof x.memoryBytes === 'number';
    case 'progress':
      return isId(x.runId) && typeof x.loaded === 'number' && typeof x.total === 'number';
    case 'tokens':
      return isId(x.runId) && isIds(x.ids) && Array.isArray(x.pieces) && Array.isArray(x.special);
    case 'trace':
      return isId(x.runId) && isId(x.modelId) && isId(x.step) && isObj(x.path) && isObj(x.tensor) && TYPED(x.tensor.data) && Array.isArray(x.tensor.shape);
    case 'token':
      return isId(x.runId) && isId(x.modelId) && isId(x.step) && Number.isSafeInteger(x.token);
    case 'done':
      return isId(x.runId) && isId(x.modelId) && typeof x.ms === 'number';
    case 'sweep':
      return isId(x.runId) && isObj(x.result) && Array.isArray(x.result.cells) && Array.isArray(x.weights) && typeof x.ms === 'number';
    case 'error':
      return (x.runId === null || isId(x.runId)) && typeof x.message === 'string' && typeof x.kind === 'string';
    default:
      return false;
  }
}
