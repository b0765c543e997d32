// Builds a Model from a safetensors file (spec/model.md §One file per model, §Tensor names), and
// back: every expected tensor is checked by name and shape, extra tensors are ignored.
import { parseConfig, type ModelConfig } from './config';
import { ModelFileError } from './errors';
import type {
  AttentionWeights,
  LayerWeights,
  LinearWeights,
  Model,
  NormWeights,
  StackWeights,
} from './model';
import { readSafetensors, writeSafetensors } from './safetensors';
import { zeros, type Tensor } from './tensor';

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Looks tensors up by their PyTorch state_dict names, checking each shape. */
class TensorSource {
  constructor(private readonly tensors: Map<string, Tensor>) {}

  has(name: string): boolean {
    return this.tensors.has(name);
  }

  get(name: string, shape: readonly number[]): Tensor {
    const t = this.tensors.get(name);
    if (!t) throw new ModelFileError(`missing tensor ${name} (expected shape [${shape.join(', ')}])`);
    if (!sameShape(t.shape, shape))
      throw new ModelFileError(
        `tensor ${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`,
      );
    return t;
  }

  linear(prefix: string, out: number, inp: number): LinearWeights {
    return { weight: this.get(`${prefix}.weight`, [out, inp]), bias: this.get(`${prefix}.bias`, [out]) };
  }

  norm(prefix: string, d: number): NormWeights {
    return { weight: this.get(`${prefix}.weight`, [d]), bias: this.get(`${prefix}.bias`, [d]) };
  }

  attention(prefix: string, d: number): AttentionWeights {
    return {
      inProj: {
        weight: this.get(`${prefix}.in_proj_weight`, [3 * d, d]),
        bias: this.get(`${prefix}.in_proj_bias`, [3 * d]),
      },
      outProj: this.linear(`${prefix}.out_proj`, d, d),
    };
  }

  stack(prefix: string, nLayers: number, config: ModelConfig, cross: boolean): StackWeights {
    const d = config.dModel;
    const layers: LayerWeights[] = [];
    for (let i = 0; i < nLayers; i++) {
      const p = `${prefix}.layers.${i}`;
      const layer: LayerWeights = {
        selfAttn: this.attention(`${p}.self_attn`, d),
        linear1: this.linear(`${p}.linear1`, config.dFF, d),
        linear2: this.linear(`${p}.linear2`, d, config.dFF),
        norm1: this.norm(`${p}.norm1`, d),
        norm2: this.norm(`${p}.norm2`, d),
      };
      if (cross) {
        layer.crossAttn = this.attention(`${p}.multihead_attn`, d);
        layer.norm3 = this.norm(`${p}.norm3`, d);
      }
      layers.push(layer);
    }
    const stack: StackWeights = { layers };
    // A final norm is present when both its weight and bias are in the file (spec §Precisely).
    if (this.has(`${prefix}.norm.weight`) && this.has(`${prefix}.norm.bias`))
      stack.norm = this.norm(`${prefix}.norm`, d);
    return stack;
  }
}

function parseJsonMeta(metadata: Record<string, string>, key: string): unknown {
  try {
    return JSON.parse(metadata[key]);
  } catch {
    throw new ModelFileError(`__metadata__.${key} is not valid JSON`);
  }
}

/** Assembles a Model from named tensors (e.g. a trainer's weights) and a config; checks every shape. */
export function modelFromTensors(
  config: ModelConfig,
  tensors: Map<string, Tensor>,
  extra: { vocab?: string[]; tokenizer?: 'char' | 'word'; metadata?: Record<string, string> } = {},
): Model {
  const src = new TensorSource(tensors);
  const { dModel: d, vocabSize: V } = config;
  const model: Model = {
    config,
    metadata: extra.metadata ?? {},
    weights: {
      embed: src.get('embed.weight', [V, d]),
      lmHead: {
        weight: src.get('lm_head.weight', [V, d]),
        bias: src.has('lm_head.bias') ? src.get('lm_head.bias', [V]) : zeros([V]),
      },
    },
  };
  if (extra.vocab) model.vocab = extra.vocab;
  if (extra.tokenizer) model.tokenizer = extra.tokenizer;
  if (config.positional === 'learned')
    model.weights.posEmbed = src.get('pos_embed.weight', [config.maxLen, d]);
  if (config.arch === 'encoder-only' || config.arch === 'encoder-decoder')
    model.weights.encoder = src.stack('encoder', config.nLayers, config, false);
  if (config.arch === 'decoder-only')
    model.weights.decoder = src.stack('decoder', config.nLayers, config, false);
  if (config.arch === 'encoder-decoder')
    model.weights.decoder = src.stack('decoder', config.nDecoderLayers ?? 0, config, true);
  return model;
}

/** Reads a model from the bytes of a .safetensors file; throws ModelFileError on a malformed file. */
export function loadModel(bytes: Uint8Array): Model {
  const { tensors, metadata } = readSafetensors(bytes);
  if (metadata.config === undefined)
    throw new ModelFileError('invalid config: __metadata__.config is missing');
  let rawConfig: unknown;
  try {
    rawConfig = JSON.parse(metadata.config);
  } catch {
    throw new ModelFileError('invalid config: __metadata__.config is not valid JSON');
  }
  const config = parseConfig(rawConfig);

  let vocab: string[] | undefined;
  if (metadata.vocab !== undefined) {
    const v = parseJsonMeta(metadata, 'vocab');
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string'))
      throw new ModelFileError('__metadata__.vocab must be a JSON array of strings');
    if (v.length !== config.vocabSize)
      throw new ModelFileError(
        `__metadata__.vocab has ${v.length} entries, but config.vocabSize is ${config.vocabSize}`,
      );
    vocab = v;
  }
  let tokenizer: 'char' | 'word' | undefined;
  if (metadata.tokenizer !== undefined) {
    if (metadata.tokenizer !== 'char' && metadata.tokenizer !== 'word')
      throw new ModelFileError(
        `__metadata__.tokenizer must be "char" or "word" (got ${JSON.stringify(metadata.tokenizer)})`,
      );
    tokenizer = metadata.tokenizer;
  }
  return modelFromTensors(config, tensors, { vocab, tokenizer, metadata });
}

/** Every weight of a model under its PyTorch state_dict name, in file order. */
export function namedTensors(model: Model): [string, Tensor][] {
  const out: [string, Tensor][] = [];
  const w = model.weights;
  const add = (name: string, t: Tensor) => out.push([name, t]);
  const attention = (p: string, a: AttentionWeights) => {
    add(`${p}.in_proj_weight`, a.inProj.weight);
    add(`${p}.in_proj_bias`, a.inProj.bias);
    add(`${p}.out_proj.weight`, a.outProj.weight);
    add(`${p}.out_proj.bias`, a.outProj.bias);
  };
  const pair = (p: string, l: LinearWeights | NormWeights) => {
    add(`${p}.weight`, l.weight);
    add(`${p}.bias`, l.bias);
  };
  const stack = (prefix: string, s: StackWeights | undefined) => {
    if (!s) return;
    s.layers.forEach((layer, i) => {
      const p = `${prefix}.layers.${i}`;
      attention(`${p}.self_attn`, layer.selfAttn);
      if (layer.crossAttn) attention(`${p}.multihead_attn`, layer.crossAttn);
      pair(`${p}.linear1`, layer.linear1);
      pair(`${p}.linear2`, layer.linear2);
      pair(`${p}.norm1`, layer.norm1);
      pair(`${p}.norm2`, layer.norm2);
      if (layer.norm3) pair(`${p}.norm3`, layer.norm3);
    });
    if (s.norm) pair(`${prefix}.norm`, s.norm);
  };
  add('embed.weight', w.embed);
  if (w.posEmbed) add('pos_embed.weight', w.posEmbed);
  stack('encoder', w.encoder);
  stack('decoder', w.decoder);
  pair('lm_head', w.lmHead);
  return out;
}

/** Number of weights (parameters) of a model, every tensor counted once. */
export function parameterCount(model: Model): number {
  return namedTensors(model).reduce((n, [, t]) => n + t.data.length, 0);
}

/** Serialises a model as a .safetensors file that loadModel reads back (config, vocab, tokenizer in metadata). */
export function saveModel(model: Model): Uint8Array {
  const metadata: Record<string, string> = { ...model.metadata, config: JSON.stringify(model.config) };
  if (model.vocab) metadata.vocab = JSON.stringify(model.vocab);
  if (model.tokenizer) metadata.tokenizer = model.tokenizer;
  return writeSafetensors(namedTensors(model), metadata);
}
