// The one list of a model's parameters: every PyTorch state_dict name and its shape, derived
// from a config (docs/model-spec.md §Tensor names and shapes). Loading, saving, random initialisation and
// the trainer all walk this list, so a name is spelled here and nowhere else.
import type { ModelConfig } from './config';
import type { StackName } from './trace';

/** How a parameter starts life in a new model (init.ts, the trainer). */
export type ParamRole =
  | 'embedding' // a lookup table [rows, dModel]: token or learned-position embeddings
  | 'matrix' // a Linear weight [out, in]
  | 'bias' // a Linear bias [out]: starts at 0
  | 'normWeight' // a LayerNorm gain [dModel]: starts at 1
  | 'normBias'; // a LayerNorm shift [dModel]: starts at 0

export interface ParamSpec {
  name: string;
  shape: number[];
  role: ParamRole;
}

/** The parameters the contract leaves optional: a final LayerNorm per stack and the lm_head bias. */
export interface ParamLayout {
  finalNorm: Record<StackName, boolean>;
  lmHeadBias: boolean;
}

/** The two tensors of a Linear or LayerNorm. */
export interface PairNames {
  weight: string;
  bias: string;
}

/** The four tensors of one nn.MultiheadAttention: in_proj stacks W_Q, W_K, W_V. */
export interface AttentionNames {
  inProjWeight: string;
  inProjBias: string;
  outProj: PairNames;
}

/** Every tensor name of one encoder or decoder layer. */
export interface LayerNames {
  selfAttn: AttentionNames;
  /** `multihead_attn`: the cross-attention of an encoder-decoder model's decoder layers. */
  crossAttn: AttentionNames;
  linear1: PairNames;
  linear2: PairNames;
  norm1: PairNames;
  norm2: PairNames;
  norm3: PairNames;
}

const pair = (prefix: string): PairNames => ({ weight: `${prefix}.weight`, bias: `${prefix}.bias` });
const attention = (prefix: string): AttentionNames => ({
  inProjWeight: `${prefix}.in_proj_weight`,
  inProjBias: `${prefix}.in_proj_bias`,
  outProj: pair(`${prefix}.out_proj`),
});

/** The names outside the layers. */
export const paramNames = {
  embed: 'embed.weight',
  posEmbed: 'pos_embed.weight',
  lmHead: pair('lm_head'),
  /** The optional LayerNorm after a stack's last layer. */
  finalNorm: (stack: StackName): PairNames => pair(`${stack}.norm`),
  layer: (stack: StackName, i: number): LayerNames => {
    const p = `${stack}.layers.${i}`;
    return {
      selfAttn: attention(`${p}.self_attn`),
      crossAttn: attention(`${p}.multihead_attn`),
      linear1: pair(`${p}.linear1`),
      linear2: pair(`${p}.linear2`),
      norm1: pair(`${p}.norm1`),
      norm2: pair(`${p}.norm2`),
      norm3: pair(`${p}.norm3`),
    };
  },
};

/** One stack of a model: its layers and whether they hold cross-attention. */
export interface StackShape {
  stack: StackName;
  nLayers: number;
  cross: boolean;
}

/** The stacks of an architecture, encoder first. Decoder-only models count their layers in nLayers. */
export function stacksOf(config: ModelConfig): StackShape[] {
  switch (config.arch) {
    case 'encoder-only':
      return [{ stack: 'encoder', nLayers: config.nLayers, cross: false }];
    case 'decoder-only':
      return [{ stack: 'decoder', nLayers: config.nLayers, cross: false }];
    case 'encoder-decoder':
      return [
        { stack: 'encoder', nLayers: config.nLayers, cross: false },
        { stack: 'decoder', nLayers: config.nDecoderLayers ?? 1, cross: true },
      ];
  }
}

/**
 * The layout of a model this project makes (init.ts and the trainer): a final norm after each
 * pre-norm stack — its residual stream is otherwise never normalised — and none after a post-norm
 * stack, whose last layer already ends in a LayerNorm; an lm_head bias. Files may differ: PyTorch's
 * nn.Transformer adds final norms to post-norm stacks too (the golden fixtures have them), so
 * loading reads the layout from the file (`layoutOf`).
 */
export function defaultLayout(config: ModelConfig): ParamLayout {
  const pre = config.norm === 'pre';
  return { finalNorm: { encoder: pre, decoder: pre }, lmHeadBias: true };
}

/** The layout a set of tensors has: a final norm when both its weight and bias are present. */
export function layoutOf(has: (name: string) => boolean): ParamLayout {
  const norm = (stack: StackName) => {
    const n = paramNames.finalNorm(stack);
    return has(n.weight) && has(n.bias);
  };
  return { finalNorm: { encoder: norm('encoder'), decoder: norm('decoder') }, lmHeadBias: has(paramNames.lmHead.bias) };
}

/** Every parameter of a model with this config and layout, in file order. */
export function parameterSpec(config: ModelConfig, layout: ParamLayout = defaultLayout(config)): ParamSpec[] {
  const { dModel: d, dFF, vocabSize: V } = config;
  const out: ParamSpec[] = [];
  const add = (name: string, shape: number[], role: ParamRole) => out.push({ name, shape, role });
  const linear = (n: PairNames, rows: number, cols: number) => {
    add(n.weight, [rows, cols], 'matrix');
    add(n.bias, [rows], 'bias');
  };
  const norm = (n: PairNames) => {
    add(n.weight, [d], 'normWeight');
    add(n.bias, [d], 'normBias');
  };
  const attn = (n: AttentionNames) => {
    add(n.inProjWeight, [3 * d, d], 'matrix');
    add(n.inProjBias, [3 * d], 'bias');
    linear(n.outProj, d, d);
  };

  add(paramNames.embed, [V, d], 'embedding');
  if (config.positional === 'learned') add(paramNames.posEmbed, [config.maxLen, d], 'embedding');
  for (const { stack, nLayers, cross } of stacksOf(config)) {
    for (let i = 0; i < nLayers; i++) {
      const n = paramNames.layer(stack, i);
      attn(n.selfAttn);
      if (cross) attn(n.crossAttn);
      linear(n.linear1, dFF, d);
      linear(n.linear2, d, dFF);
      norm(n.norm1);
      norm(n.norm2);
      if (cross) norm(n.norm3);
    }
    if (layout.finalNorm[stack]) norm(paramNames.finalNorm(stack));
  }
  add(paramNames.lmHead.weight, [V, d], 'matrix');
  if (layout.lmHeadBias) add(paramNames.lmHead.bias, [V], 'bias');
  return out;
}
