// Builds a Model from a safetensors file (docs/model-spec.md §The model file, §Tensor names and shapes),
// and back. The tensors expected are those of `parameterSpec` (params.ts): each is checked by name
// and shape, extra tensors are ignored.
import { parseConfig, type ModelConfig } from './config';
import { ModelFileError } from './errors';
import type { AttentionWeights, LayerWeights, Model, NormWeights, StackWeights } from './model';
import {
  layoutOf,
  paramNames,
  parameterSpec,
  stacksOf,
  type AttentionNames,
  type PairNames,
  type ParamLayout,
} from './params';
import { readSafetensors, writeSafetensors } from './safetensors';
import { zeros, type Tensor } from './tensor';

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * The parameters of `parameterSpec(config, layout of the tensors)`, each checked by name and shape,
 * in file order; extra tensors are left out. Throws ModelFileError naming a missing or misshaped tensor.
 */
export function pickParameters(
  config: ModelConfig,
  tensors: Map<string, Tensor>,
): { layout: ParamLayout; params: Map<string, Tensor> } {
  const layout = layoutOf((name) => tensors.has(name));
  const params = new Map<string, Tensor>();
  for (const { name, shape } of parameterSpec(config, layout)) {
    const t = tensors.get(name);
    if (!t) throw new ModelFileError(`missing tensor ${name} (expected shape [${shape.join(', ')}])`);
    if (!sameShape(t.shape, shape))
      throw new ModelFileError(
        `tensor ${name} has shape [${t.shape.join(', ')}], expected [${shape.join(', ')}]`,
      );
    params.set(name, t);
  }
  return { layout, params };
}

/** Arranges checked parameters by layer (the shapes were checked by pickParameters). */
function arrange(config: ModelConfig, layout: ParamLayout, params: Map<string, Tensor>): Model['weights'] {
  const get = (name: string) => params.get(name)!;
  const pairOf = (n: PairNames): NormWeights => ({ weight: get(n.weight), bias: get(n.bias) });
  const attentionOf = (n: AttentionNames): AttentionWeights => ({
    inProj: { weight: get(n.inProjWeight), bias: get(n.inProjBias) },
    outProj: pairOf(n.outProj),
  });
  const V = config.vocabSize;
  const weights: Model['weights'] = {
    embed: get(paramNames.embed),
    lmHead: {
      weight: get(paramNames.lmHead.weight),
      bias: layout.lmHeadBias ? get(paramNames.lmHead.bias) : zeros([V]), // [V]: no bias is a zero bias
    },
  };
  if (config.positional === 'learned') weights.posEmbed = get(paramNames.posEmbed);
  for (const { stack, nLayers, cross } of stacksOf(config)) {
    const layers: LayerWeights[] = [];
    for (let i = 0; i < nLayers; i++) {
      const n = paramNames.layer(stack, i);
      const layer: LayerWeights = {
        selfAttn: attentionOf(n.selfAttn),
        linear1: pairOf(n.linear1),
        linear2: pairOf(n.linear2),
        norm1: pairOf(n.norm1),
        norm2: pairOf(n.norm2),
      };
      if (cross) {
        layer.crossAttn = attentionOf(n.crossAttn);
        layer.norm3 = pairOf(n.norm3);
      }
      layers.push(layer);
    }
    const s: StackWeights = { layers };
    if (layout.finalNorm[stack]) s.norm = pairOf(paramNames.finalNorm(stack));
    weights[stack] = s;
  }
  return weights;
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
  const { layout, params } = pickParameters(config, tensors);
  const model: Model = { config, metadata: extra.metadata ?? {}, weights: arrange(config, layout, params) };
  if (extra.vocab) model.vocab = extra.vocab;
  if (extra.tokenizer) model.tokenizer = extra.tokenizer;
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

/** The layout of a loaded model: its final norms; an lm_head bias always (absent in a file, it is zero). */
function layoutOfModel(model: Model): ParamLayout {
  const w = model.weights;
  return { finalNorm: { encoder: !!w.encoder?.norm, decoder: !!w.decoder?.norm }, lmHeadBias: true };
}

/** Every weight of a model under its PyTorch state_dict name, in the order of `parameterSpec`. */
export function namedTensors(model: Model): [string, Tensor][] {
  const byName = new Map<string, Tensor>();
  const w = model.weights;
  const pair = (n: PairNames, t: NormWeights) => byName.set(n.weight, t.weight).set(n.bias, t.bias);
  const attention = (n: AttentionNames, a: AttentionWeights) => {
    byName.set(n.inProjWeight, a.inProj.weight).set(n.inProjBias, a.inProj.bias);
    pair(n.outProj, a.outProj);
  };
  byName.set(paramNames.embed, w.embed);
  if (w.posEmbed) byName.set(paramNames.posEmbed, w.posEmbed);
  pair(paramNames.lmHead, w.lmHead);
  for (const stack of ['encoder', 'decoder'] as const) {
    const s = w[stack];
    if (s?.norm) pair(paramNames.finalNorm(stack), s.norm);
    s?.layers.forEach((layer, i) => {
      const n = paramNames.layer(stack, i);
      attention(n.selfAttn, layer.selfAttn);
      if (layer.crossAttn) attention(n.crossAttn, layer.crossAttn);
      for (const k of ['linear1', 'linear2', 'norm1', 'norm2', 'norm3'] as const) {
        const t = layer[k];
        if (t) pair(n[k], t);
      }
    });
  }
  return parameterSpec(model.config, layoutOfModel(model)).map(({ name }) => {
    const t = byName.get(name);
    if (!t) throw new Error(`model has no weight for ${name}`); // a Model built by hand, not by load/init
    return [name, t];
  });
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
