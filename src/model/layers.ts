// Encoder and decoder layers (Attention Is All You Need §3.1) as PyTorch's nn.TransformerEncoderLayer
// / nn.TransformerDecoderLayer: self-attention, [cross-attention], feed-forward (§3.3), each with a
// residual connection and LayerNorm, placed after (post-norm, the paper) or before (pre-norm).
import { multiHeadAttention, type AttentionResult } from './attention';
import type { ModelConfig } from './config';
import type { LayerWeights, LinearWeights, NormWeights } from './model';
import { gelu, relu } from './ops/activations';
import { add } from './ops/elementwise';
import { layerNorm } from './ops/layerNorm';
import { linear } from './ops/matmul';
import type { BoolTensor, Tensor } from './tensor';
import { ATTENTION_FIELDS, tracePath, type AttentionKind, type StackName } from './trace';
import type { Tracer } from './tracer';

/** Where a layer sits, for naming its trace entries. */
export interface LayerContext {
  config: ModelConfig;
  tracer: Tracer;
  stack: StackName;
  layer: number;
}

/** The encoder's output and the cross-attention mask over it. */
export interface CrossInput {
  memory: Tensor; // [Sk, dModel]
  mask: BoolTensor; // [Sq, Sk]
}

/** Traces a finished sublayer: its arrays are handed over, except the mask that later layers share. */
function emitAttention(ctx: LayerContext, kind: AttentionKind, a: AttentionResult): void {
  for (const field of ATTENTION_FIELDS)
    ctx.tracer.emit(tracePath.attention(ctx.stack, ctx.layer, kind, field), a[field], field !== 'mask');
}

/** FF(x) = linear2(act(linear1(x))); also returns the hidden activations for the trace. */
function feedForward(x: Tensor, l1: LinearWeights, l2: LinearWeights, activation: ModelConfig['activation']) {
  const pre = linear(x, l1.weight, l1.bias); // [S, dFF]
  const hidden = activation === 'relu' ? relu(pre) : gelu(pre); // [S, dFF]
  const out = linear(hidden, l2.weight, l2.bias); // [S, dModel]
  return { hidden, out };
}

/**
 * One layer on x [S, dModel]. `cross` adds cross-attention over the encoder output (decoder layers
 * of encoder-decoder models). Traces selfAttention, crossAttention, ffnHidden and output.
 */
export function transformerLayer(
  x: Tensor,
  w: LayerWeights,
  ctx: LayerContext,
  selfMask: BoolTensor,
  cross?: CrossInput,
): Tensor {
  const { config } = ctx;
  const { nHeads, layerNormEps: eps } = config;
  const rope = config.positional === 'rope';
  const norm = (t: Tensor, n: NormWeights) => layerNorm(t, n.weight, n.bias, eps); // [S, dModel]
  // The feed-forward's norm is norm2, or norm3 when norm2 belongs to cross-attention.
  const normLast = cross ? w.norm3 : w.norm2;
  if (!normLast) throw new Error('decoder layer with cross-attention needs norm3');
  const crossAttn = w.crossAttn;
  if (cross && !crossAttn) throw new Error('decoder layer with cross-attention needs its cross-attention weights');

  let h: Tensor; // [S, dModel], the residual stream
  let hidden: Tensor; // [S, dFF]
  if (config.norm === 'post') {
    const sa = multiHeadAttention(x, x, w.selfAttn, selfMask, nHeads, rope);
    h = norm(add(x, sa.output), w.norm1); // [S, dModel]
    emitAttention(ctx, 'selfAttention', sa); // after its last use: handed over, not copied
    if (cross && crossAttn) {
      const ca = multiHeadAttention(h, cross.memory, crossAttn, cross.mask, nHeads, false);
      h = norm(add(h, ca.output), w.norm2); // [S, dModel]
      emitAttention(ctx, 'crossAttention', ca);
    }
    const ff = feedForward(h, w.linear1, w.linear2, config.activation);
    hidden = ff.hidden;
    h = norm(add(h, ff.out), normLast); // [S, dModel]
  } else {
    const xn = norm(x, w.norm1); // [S, dModel]
    const sa = multiHeadAttention(xn, xn, w.selfAttn, selfMask, nHeads, rope);
    h = add(x, sa.output); // [S, dModel]
    emitAttention(ctx, 'selfAttention', sa);
    if (cross && crossAttn) {
      const ca = multiHeadAttention(norm(h, w.norm2), cross.memory, crossAttn, cross.mask, nHeads, false);
      h = add(h, ca.output); // [S, dModel]
      emitAttention(ctx, 'crossAttention', ca);
    }
    const ff = feedForward(norm(h, normLast), w.linear1, w.linear2, config.activation);
    hidden = ff.hidden;
    h = add(h, ff.out); // [S, dModel]
  }
  ctx.tracer.emit(tracePath.layer(ctx.stack, ctx.layer, 'ffnHidden'), hidden, true);
  ctx.tracer.emit(tracePath.layer(ctx.stack, ctx.layer, 'output'), h); // copied: the next layer reads it
  return h;
}
