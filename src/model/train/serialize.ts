// Saving trained parameters as a model file (spec/model.md) and reading one back into Vars,
// through the app's own safetensors reader and writer.
import { parseConfig } from '../config';
import { readSafetensors, writeSafetensors } from '../safetensors';
import type { TrainConfig } from './config';
import type { Params } from './params';
import { variable } from './tape';

/** What the file's `__metadata__` carries besides the tensors. */
export interface ModelMeta {
  vocab: string[];
  tokenizer: 'char' | 'word';
  extra?: Record<string, string>; // e.g. `training`: how it was trained, as JSON
}

/** The .safetensors bytes for `params` under their state_dict names. */
export function saveParams(params: Params, config: TrainConfig, meta: ModelMeta): Uint8Array {
  const tensors = [...params].map(([name, v]) => [name, { data: v.data, shape: v.shape }] as const);
  return writeSafetensors(tensors, {
    config: JSON.stringify(config),
    vocab: JSON.stringify(meta.vocab),
    tokenizer: meta.tokenizer,
    ...meta.extra,
  });
}

/** Reads a model file into trainable Vars (for evaluation or further training). */
export function loadParams(bytes: Uint8Array): { params: Params; config: TrainConfig; meta: ModelMeta } {
  const file = readSafetensors(bytes);
  const config = parseConfig(JSON.parse(file.metadata.config));
  const params: Params = new Map();
  for (const [name, t] of file.tensors) params.set(name, variable(t.data, t.shape));
  const { config: _c, vocab, tokenizer, ...extra } = file.metadata;
  return {
    params,
    config,
    meta: { vocab: vocab ? JSON.parse(vocab) : [], tokenizer: tokenizer === 'word' ? 'word' : 'char', extra },
  };
}
