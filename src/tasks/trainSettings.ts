// The train playground's settings — task, learning rate, layers, heads, dModel, positional encoding,
// norm placement, seed — with per-task defaults and a URL codec, so a configuration can be shared
// or embedded. Unknown or out-of-range values fall back to the default and are reported.
import { POSITIONALS, type Positional } from '../model/config';
import type { TrainConfig } from '../model/train/config';
import type { TrainOptions } from '../model/train/loop';
import { TOY_MAX_LEN, TOY_TASKS, toyTasks, toyVocab, type ToyTaskName } from './toy';

export type PositionalChoice = Positional;
export { POSITIONALS };
export const NORMS = ['pre', 'post'] as const;
export const D_MODELS = [16, 32, 64] as const;
export const HEADS = [1, 2, 4] as const;
export const LAYERS = [1, 2, 3] as const;
export const LEARNING_RATES = [3e-4, 1e-3, 3e-3, 1e-2, 3e-2] as const;

export interface TrainSettings {
  task: ToyTaskName;
  lr: number;
  layers: number; // per stack: encoder and decoder each get this many
  heads: number;
  dModel: number;
  pos: PositionalChoice;
  norm: 'pre' | 'post';
  seed: number;
}

/** Steps in one run's schedule (warm-up, then cosine decay); the run stops there. */
export const STEP_BUDGET = 1500;
export const BATCH_SIZE = 32;
export const WARMUP = 50;

/** What each task starts with: the smallest model that learns it fast. */
export function defaultSettings(task: ToyTaskName = 'reverse'): TrainSettings {
  return {
    task,
    lr: 1e-2,
    layers: toyTasks[task].arch === 'decoder-only' ? 2 : 1,
    heads: 2,
    dModel: 32,
    pos: 'learned',
    norm: 'pre',
    seed: 1,
  };
}

/** The model config for the settings (always valid: settings are checked on the way in). */
export function settingsToConfig(s: TrainSettings): TrainConfig {
  const encDec = toyTasks[s.task].arch === 'encoder-decoder';
  return {
    arch: toyTasks[s.task].arch,
    vocabSize: toyVocab.length,
    dModel: s.dModel,
    nHeads: s.heads,
    dFF: 2 * s.dModel,
    nLayers: s.layers,
    ...(encDec ? { nDecoderLayers: s.layers } : {}),
    maxLen: TOY_MAX_LEN,
    positional: s.pos,
    norm: s.norm,
    activation: 'relu',
    layerNormEps: 1e-5,
    scaleEmbedding: true,
    padId: 0,
  };
}

/** The optimiser schedule for the settings. */
export function settingsToOptions(s: TrainSettings): TrainOptions {
  return { steps: STEP_BUDGET, batchSize: BATCH_SIZE, lr: s.lr, warmup: WARMUP, clip: 1, seed: s.seed };
}

/** URL parameter names, short so links stay readable. */
const KEYS = { task: 'task', lr: 'lr', layers: 'layers', heads: 'heads', dModel: 'dmodel', pos: 'pos', norm: 'norm', seed: 'seed' } as const;
/** Every parameter the settings use (the embed's parser accepts these for `widget=train`). */
export const TRAIN_PARAM_KEYS: readonly string[] = Object.values(KEYS);

/** Settings from URL parameters; `rejected` names each parameter that fell back to its default. */
export function parseSettings(params: URLSearchParams): { settings: TrainSettings; rejected: string[] } {
  const rejected: string[] = [];
  const rawTask = params.get(KEYS.task);
  const task = (TOY_TASKS as readonly string[]).includes(rawTask ?? '') ? (rawTask as ToyTaskName) : 'reverse';
  if (rawTask !== null && rawTask !== task) rejected.push(KEYS.task);
  const s = defaultSettings(task);
  const pick = <T>(key: string, ok: (v: string) => T | undefined, set: (v: T) => void) => {
    const raw = params.get(key);
    if (raw === null) return;
    const v = ok(raw);
    if (v === undefined) rejected.push(key);
    else set(v);
  };
  const num = (allowed: readonly number[]) => (v: string) => (allowed.includes(Number(v)) ? Number(v) : undefined);
  pick(KEYS.lr, (v) => { const n = Number(v); return n > 0 && n <= 0.1 ? n : undefined; }, (v) => (s.lr = v));
  pick(KEYS.layers, num(LAYERS), (v) => (s.layers = v));
  pick(KEYS.heads, num(HEADS), (v) => (s.heads = v));
  pick(KEYS.dModel, num(D_MODELS), (v) => (s.dModel = v));
  pick(KEYS.pos, (v) => (POSITIONALS as readonly string[]).includes(v) ? (v as PositionalChoice) : undefined, (v) => (s.pos = v));
  pick(KEYS.norm, (v) => (v === 'pre' || v === 'post' ? v : undefined), (v) => (s.norm = v));
  pick(KEYS.seed, (v) => (/^\d{1,9}$/.test(v) ? Number(v) : undefined), (v) => (s.seed = v));
  return { settings: s, rejected };
}

/** The settings as URL parameters (every field, so a link fixes the whole run). */
export function settingsToParams(s: TrainSettings): URLSearchParams {
  return new URLSearchParams({
    [KEYS.task]: s.task,
    [KEYS.lr]: String(s.lr),
    [KEYS.layers]: String(s.layers),
    [KEYS.heads]: String(s.heads),
    [KEYS.dModel]: String(s.dModel),
    [KEYS.pos]: s.pos,
    [KEYS.norm]: s.norm,
    [KEYS.seed]: String(s.seed),
  });
}

/** Whether two settings describe the same run. */
export function sameSettings(a: TrainSettings, b: TrainSettings): boolean {
  return settingsToParams(a).toString() === settingsToParams(b).toString();
}
