// Saving trained parameters as a model file (docs/model-spec.md) and reading one back into Vars,
// through the app's own safetensors reader and writer.
import { parseConfig } from '../config';
import { pickParameters } from '../load';
import { layoutOf, parameterSpec } from '../params';
import { readSafetensors, writeSafetensors } from '../safetensors';
import type { TrainConfig } from './config';
import { get, type Params } from './params';
import { variable } from './tape';

/** What the file's `__metadata__` carries besides the tensors. */
export interface ModelMeta {
  vocab: string[];
  tokenizer: 'char' | 'word';
  extra?: Record<string, string>; // e.g. `training`: how it was trained, as JSON
}

/** The .safetensors bytes for `params` under their state_dict names. */
export function saveParams(params: Params, config: TrainConfig, meta: ModelMeta): Uint8Array {
  // file order and names from the one parameterSpec; a parameter it does not list is not written
  const spec = parameterSpec(config, layoutOf((name) => params.has(name)));
  const tensors = spec.map(({ name }) => {
    const v = get(params, name);
    return [name, { data: v.data, shape: v.shape }] as const;
  });
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
  // the tensors of the one parameterSpec, checked by name and shape; extra tensors are left out
  for (const [name, t] of pickParameters(config, file.tensors).params) params.set(name, variable(t.data, t.shape));
  const { config: _c, vocab, tokenizer, ...extra } = file.metadata;
  return {
    params,
    config,
    meta: { vocab: vocab ? JSON.parse(vocab) : [], tokenizer: tokenizer === 'word' ? 'word' : 'char', extra },
  };
}
