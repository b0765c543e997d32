// Opens a Hugging Face checkpoint folder: config.json → family adapter; model.safetensors, or the
// shards named by model.safetensors.index.json, read tensor by tensor; tokenizer.json (+ its config
// files) → tokenizer. One driver reads synchronously (CLI, tests), one asynchronously through any
// byte-range reader (File.slice in the worker, ranged fetch from the Hub); both share every check.
import { ModelFileError } from '../errors';
import type { Model } from '../model';
import type { Tensor } from '../tensor';
import { createHfTokenizer, type HfTokenizer } from '../tokenizers/hf';
import { bertModel, distilbertModel } from './bert';
import { readHfConfig, type HfConfig, type HfFamily } from './config';
import { gpt2Model } from './gpt2';
import { marianModel } from './marian';
import { decodeEntry, headerLength, shardFiles, tensorEntries, type TensorEntry } from './safetensorsIndex';

const ADAPTERS: Record<HfFamily, (hf: HfConfig, tensors: ReadonlyMap<string, Tensor>) => Model> = {
  gpt2: gpt2Model,
  bert: bertModel,
  distilbert: distilbertModel,
  marian: marianModel,
};

/** A model opened from a Hugging Face folder, with its tokenizer when the folder has one. */
export interface HfCheckpoint {
  family: HfFamily;
  model: Model;
  tokenizer?: HfTokenizer;
}

/** The files of a checkpoint that Atlas reads, in the order it reads them. */
export const CHECKPOINT_FILES = {
  config: 'config.json',
  single: 'model.safetensors',
  index: 'model.safetensors.index.json',
  tokenizer: 'tokenizer.json',
  tokenizerConfig: 'tokenizer_config.json',
  specialTokens: 'special_tokens_map.json',
} as const;

/** Which weight files to read, given the names present; refuses a folder without weights. */
export function weightFiles(names: ReadonlySet<string>, indexText: string | undefined): string[] {
  if (indexText !== undefined) {
    const shards = shardFiles(indexText);
    const missing = shards.find((s) => !names.has(s));
    if (missing)
      throw new ModelFileError(`the shard ${missing} named by model.safetensors.index.json is missing`);
    return shards;
  }
  if (names.has(CHECKPOINT_FILES.single)) return [CHECKPOINT_FILES.single];
  if (names.has(CHECKPOINT_FILES.tokenizer))
    throw new ModelFileError(
      'these files hold a tokenizer but no model: add model.safetensors (or its shards and index)',
    );
  if ([...names].some((n) => n.endsWith('.bin')))
    throw new ModelFileError(
      'PyTorch .bin weights cannot be read in the browser: use the model.safetensors of this checkpoint',
    );
  throw new ModelFileError(
    'no model.safetensors (or model.safetensors.index.json with its shards) among these files',
  );
}

/** Builds the model from config.json's text and the named tensors, and attaches the tokenizer. */
export function assembleCheckpoint(
  configText: string,
  tensors: ReadonlyMap<string, Tensor>,
  tokenizerTexts: { tokenizer?: string; config?: string; specialTokens?: string } = {},
): HfCheckpoint {
  const { family, config } = readHfConfig(configText);
  const model = ADAPTERS[family](config, tensors);
  if (tokenizerTexts.tokenizer === undefined) return { family, model };
  const tokenizer = createHfTokenizer(
    tokenizerTexts.tokenizer,
    tokenizerTexts.config,
    tokenizerTexts.specialTokens,
  );
  if (tokenizer.vocab.length > model.config.vocabSize)
    throw new ModelFileError(
      `tokenizer.json has ${tokenizer.vocab.length} tokens, more than the model's vocabulary of ${model.config.vocabSize}: they do not belong together`,
    );
  // The model's vocabulary for output bars: the tokenizer's pieces, padded to vocabSize.
  model.vocab = Array.from({ length: model.config.vocabSize }, (_, i) => tokenizer.vocab[i] ?? `<id ${i}>`);
  return { family, model, tokenizer };
}

/** Reads files by name; `bytes` returns [start, end) of a file (whole file without a range). */
export interface SyncFiles {
  names: ReadonlySet<string>;
  size(name: string): number;
  bytes(name: string, start?: number, end?: number): Uint8Array;
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The tensor list of one weight file, read from its first bytes only. */
function entriesOf(
  file: string,
  size: number,
  read: (start: number, end: number) => Uint8Array,
): TensorEntry[] {
  const n = headerLength(file, read(0, Math.min(8, size)), size);
  return tensorEntries(file, read(8, 8 + n), size);
}

/** Opens a checkpoint synchronously (Node: the CLI and the tests). */
export function openCheckpointSync(files: SyncFiles): HfCheckpoint {
  const optional = (name: string) => (files.names.has(name) ? text(files.bytes(name)) : undefined);
  const configText = optional(CHECKPOINT_FILES.config);
  const weights = weightFiles(files.names, optional(CHECKPOINT_FILES.index));
  if (configText === undefined)
    throw new ModelFileError('config.json is missing, so the model family is unknown');
  const tensors = new Map<string, Tensor>();
  for (const file of weights) {
    const size = files.size(file);
    for (const e of entriesOf(file, size, (s, end) => files.bytes(file, s, end)))
      tensors.set(e.name, decodeEntry(e, files.bytes(file, e.begin, e.end)));
  }
  return assembleCheckpoint(configText, tensors, {
    tokenizer: optional(CHECKPOINT_FILES.tokenizer),
    config: optional(CHECKPOINT_FILES.tokenizerConfig),
    specialTokens: optional(CHECKPOINT_FILES.specialTokens),
  });
}

/** Reads files by name asynchronously (File.slice, ranged fetch). */
export interface AsyncFiles {
  names: ReadonlySet<string>;
  size(name: string): number;
  bytes(name: string, start?: number, end?: number): Promise<Uint8Array>;
}

/** Progress of an asynchronous open: bytes of weights read so far, of how many. */
export type OpenProgress = (loaded: number, total: number) => void;

/** What a checkpoint holds, known from its small files and the safetensors headers alone. */
export interface CheckpointPlan {
  family: HfFamily;
  configText: string;
  tokenizerTexts: { tokenizer?: string; config?: string; specialTokens?: string };
  weights: { file: string; entries: TensorEntry[] }[];
  /** Bytes of weights as stored (F16 and BF16 take 2 per number). */
  fileBytes: number;
  /** Bytes the weights take once widened to float32, as the model computes with them. */
  memoryBytes: number;
}

/** The largest checkpoint the playground opens (weights as stored). */
export const MAX_CHECKPOINT_BYTES = 2 ** 30;

/**
 * Reads config.json, the tokenizer files and every weight file's header — never the weights — so
 * the family is checked and the memory needed is known before anything big is read.
 */
export async function planCheckpoint(files: AsyncFiles): Promise<CheckpointPlan> {
  const optional = async (name: string) =>
    files.names.has(name) ? text(await files.bytes(name)) : undefined;
  const configText = await optional(CHECKPOINT_FILES.config);
  const weightNames = weightFiles(files.names, await optional(CHECKPOINT_FILES.index));
  if (configText === undefined)
    throw new ModelFileError('config.json is missing, so the model family is unknown');
  const { family } = readHfConfig(configText); // refuse an unsupported family before reading any weights
  const weights: CheckpointPlan['weights'] = [];
  let fileBytes = 0;
  let memoryBytes = 0;
  for (const file of weightNames) {
    const size = files.size(file);
    const n = headerLength(file, await files.bytes(file, 0, Math.min(8, size)), size);
    const entries = tensorEntries(file, await files.bytes(file, 8, 8 + n), size);
    for (const e of entries) {
      fileBytes += e.end - e.begin;
      memoryBytes += 4 * e.shape.reduce((a, b) => a * b, 1);
    }
    weights.push({ file, entries });
  }
  return {
    family,
    configText,
    tokenizerTexts: {
      tokenizer: await optional(CHECKPOINT_FILES.tokenizer),
      config: await optional(CHECKPOINT_FILES.tokenizerConfig),
      specialTokens: await optional(CHECKPOINT_FILES.specialTokens),
    },
    weights,
    fileBytes,
    memoryBytes,
  };
}

const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;

/** Refuses a checkpoint above 1 GB, or one whose float32 weights exceed what this device can hold. */
export function checkFits(plan: CheckpointPlan, memoryBudget: number): void {
  if (plan.fileBytes > MAX_CHECKPOINT_BYTES)
    throw new ModelFileError(
      `this checkpoint has ${mb(plan.fileBytes)} of weights, and the playground opens up to ${mb(MAX_CHECKPOINT_BYTES)}`,
    );
  if (plan.memoryBytes > memoryBudget)
    throw new ModelFileError(
      `this checkpoint needs about ${mb(plan.memoryBytes)} of memory, more than this device can give the page (${mb(memoryBudget)})`,
    );
}

/** Reads the weights one tensor at a time (the whole file is never in memory at once) and builds the model. */
export async function readCheckpoint(
  files: AsyncFiles,
  plan: CheckpointPlan,
  options: { onProgress?: OpenProgress; signal?: AbortSignal } = {},
): Promise<HfCheckpoint> {
  let loaded = 0;
  const tensors = new Map<string, Tensor>();
  for (const { file, entries } of plan.weights)
    for (const e of entries) {
      options.signal?.throwIfAborted();
      tensors.set(e.name, decodeEntry(e, await files.bytes(file, e.begin, e.end)));
      loaded += e.end - e.begin;
      options.onProgress?.(loaded, plan.fileBytes);
    }
  return assembleCheckpoint(plan.configText, tensors, plan.tokenizerTexts);
}

/** Plans, checks against `memoryBudget` (default: no limit) and reads a checkpoint. */
export async function openCheckpoint(
  files: AsyncFiles,
  options: { onProgress?: OpenProgress; signal?: AbortSignal; memoryBudget?: number } = {},
): Promise<HfCheckpoint> {
  const plan = await planCheckpoint(files);
  checkFits(plan, options.memoryBudget ?? Infinity);
  return readCheckpoint(files, plan, options);
}
