// The forward pass of docs/model-spec.md for a padded batch, built from differentiable ops so the
// same code computes the loss for training and the outputs for evaluation (tape = null).
import type { TrainConfig } from './config';
import { gelu, relu } from './ops/activation';
import { attention, buildMask } from './ops/attention';
import { addPositions, embedding, sinusoidal } from './ops/embedding';
import { layerNorm } from './ops/layerNorm';
import { add, linear } from './ops/linear';
import { rope } from './ops/rope';
import { paramNames, type AttentionNames, type LayerNames, type PairNames } from '../params';
import { get, type Params } from './params';
import type { Tape, Var } from './tape';
import { traceKey, tracePath, type AttentionKind, type StackName } from '../trace';

/** The key of one attention's weights in `ForwardResult.attention`: the app's trace key, e.g.
 *  `decoder.layers.0.crossAttention.weights`, so trainer and app name an attention alike. */
export const attentionKey = (stack: StackName, layer: number, kind: AttentionKind): string =>
  traceKey(tracePath.attention(stack, layer, kind, 'weights'));

/** B sequences padded to one length. Encoder-decoder: `src` [B·S] and `tokens` (decoder) [B·T]. */
export interface Batch {
  B: number;
  tokens: Int32Array; // [B·T] the last stack's input (decoder, or encoder for encoder-only)
  T: number;
  src?: Int32Array; // [B·S] encoder input of an encoder-decoder model
  S?: number;
  targets?: Int32Array; // [B·T] next-token (or masked-token) ids, −1 = not scored
}

/** Logits and, for analysis, every attention's weights under their trace key (`attentionKey`). */
export interface ForwardResult {
  logits: Var; // [B·T, V]
  attention: Map<string, Float32Array>; // [B, nHeads, Sq, Sk] each
}

interface StackInput {
  prefix: 'encoder' | 'decoder';
  tokens: Int32Array; // [B·S]
  S: number;
  causal: boolean;
  nLayers: number;
  memory?: { x: Var; tokens: Int32Array; S: number }; // the encoder output for cross-attention
}

/** Runs the whole model on a batch. Decoder self-attention is causal, encoder attention full.
 *  `memory` [B·S, d] reuses an encoder output (greedy decoding encodes the source only once). */
export function forwardBatch(tape: Tape | null, p: Params, c: TrainConfig, batch: Batch, memory?: Var): ForwardResult {
  const attn = new Map<string, Float32Array>();
  let h: Var;
  if (c.arch === 'encoder-only') {
    h = stack(tape, p, c, batch.B, { prefix: 'encoder', tokens: batch.tokens, S: batch.T, causal: false, nLayers: c.nLayers }, attn);
  } else if (c.arch === 'decoder-only') {
    h = stack(tape, p, c, batch.B, { prefix: 'decoder', tokens: batch.tokens, S: batch.T, causal: true, nLayers: c.nLayers }, attn);
  } else {
    if (!batch.src || batch.S === undefined) throw new Error('encoder-decoder batch needs src and S');
    const mem = memory ?? encodeBatch(tape, p, c, batch, attn); // [B·S, d]
    h = stack(tape, p, c, batch.B, {
      prefix: 'decoder', tokens: batch.tokens, S: batch.T, causal: true, nLayers: c.nDecoderLayers ?? 1,
      memory: { x: mem, tokens: batch.src, S: batch.S },
    }, attn); // [B·T, d]
  }
  const lmHead = paramNames.lmHead;
  const logits = linear(tape, h, get(p, lmHead.weight), p.get(lmHead.bias) ?? null); // [B·T, V]
  return { logits, attention: attn };
}

/** The encoder stack of an encoder-decoder model on `batch.src` → its output [B·S, d]. */
export function encodeBatch(tape: Tape | null, p: Params, c: TrainConfig, batch: Batch, attn = new Map<string, Float32Array>()): Var {
  if (!batch.src || batch.S === undefined) throw new Error('encoder-decoder batch needs src and S');
  return stack(tape, p, c, batch.B, { prefix: 'encoder', tokens: batch.src, S: batch.S, causal: false, nLayers: c.nLayers }, attn);
}

function stack(tape: Tape | null, p: Params, c: TrainConfig, B: number, s: StackInput, attn: Map<string, Float32Array>): Var {
  const scale = c.scaleEmbedding ? Math.sqrt(c.dModel) : 1;
  let x = embedding(tape, get(p, paramNames.embed), s.tokens, scale); // [B·S, d]
  if (c.positional === 'sinusoidal') x = addPositions(tape, x, s.S, sinusoidal(s.S, c.dModel)); // [B·S, d]
  if (c.positional === 'learned') x = addPositions(tape, x, s.S, get(p, paramNames.posEmbed)); // [B·S, d]
  const selfMask = buildMask(B, s.S, s.S, s.tokens, c.padId, s.causal); // [B, S, S]
  const crossMask = s.memory ? buildMask(B, s.S, s.memory.S, s.memory.tokens, c.padId, false) : null; // [B, S, Sm]
  for (let i = 0; i < s.nLayers; i++) {
    const names = paramNames.layer(s.prefix, i);
    const sa = (y: Var) => {
      const r = attend(tape, p, c, names.selfAttn, y, y, B, s.S, s.S, selfMask, c.positional === 'rope');
      attn.set(attentionKey(s.prefix, i, 'selfAttention'), r.weights);
      return r.out; // [B·S, d]
    };
    const ca = (y: Var) => {
      const m = s.memory!;
      const r = attend(tape, p, c, names.crossAttn, y, m.x, B, s.S, m.S, crossMask!, false); // RoPE never in cross-attention
      attn.set(attentionKey(s.prefix, i, 'crossAttention'), r.weights);
      return r.out; // [B·S, d]
    };
    const ff = (y: Var) => feedForward(tape, p, c, names, y); // [B·S, d]
    const norm = (y: Var, n: PairNames) => layerNorm(tape, y, get(p, n.weight), get(p, n.bias), c.layerNormEps); // [B·S, d]
    const lastNorm = s.memory ? names.norm3 : names.norm2;
    if (c.norm === 'post') {
      x = norm(add(tape, x, sa(x)), names.norm1); // [B·S, d]
      if (s.memory) x = norm(add(tape, x, ca(x)), names.norm2); // [B·S, d]
      x = norm(add(tape, x, ff(x)), lastNorm); // [B·S, d]
    } else {
      x = add(tape, x, sa(norm(x, names.norm1))); // [B·S, d]
      if (s.memory) x = add(tape, x, ca(norm(x, names.norm2))); // [B·S, d]
      x = add(tape, x, ff(norm(x, lastNorm))); // [B·S, d]
    }
  }
  // a final norm is present when its tensors are (spec: both weight and bias in the file)
  const final = paramNames.finalNorm(s.prefix);
  if (p.has(final.weight) && p.has(final.bias)) x = layerNorm(tape, x, get(p, final.weight), get(p, final.bias), c.layerNormEps); // [B·S, d]
  return x;
}

/** One attention sublayer: project (rows of the packed in_proj), maybe RoPE, attend, out_proj. */
function attend(
  tape: Tape | null, p: Params, c: TrainConfig, names: AttentionNames, xq: Var, xkv: Var,
  B: number, Sq: number, Sk: number, mask: Uint8Array, useRope: boolean,
): { out: Var; weights: Float32Array } {
  const d = c.dModel;
  const w = get(p, names.inProjWeight); // [3d, d]
  const b = get(p, names.inProjBias); // [3d]
  let q = linear(tape, xq, w, b, 0, d); // [B·Sq, d]
  let k = linear(tape, xkv, w, b, d, 2 * d); // [B·Sk, d]
  const v = linear(tape, xkv, w, b, 2 * d, 3 * d); // [B·Sk, d]
  if (useRope) {
    q = rope(tape, q, Sq, c.nHeads); // [B·Sq, d]
    k = rope(tape, k, Sk, c.nHeads); // [B·Sk, d]
  }
  const r = attention(tape, q, k, v, B, Sq, Sk, c.nHeads, mask); // out [B·Sq, d]
  const out = linear(tape, r.out, get(p, names.outProj.weight), get(p, names.outProj.bias)); // [B·Sq, d]
  return { out, weights: r.weights };
}

/** FF(x) = linear2(act(linear1(x))). */
function feedForward(tape: Tape | null, p: Params, c: TrainConfig, names: LayerNames, x: Var): Var {
  const hidden = linear(tape, x, get(p, names.linear1.weight), get(p, names.linear1.bias)); // [N, dFF]
  const act = c.activation === 'gelu' ? gelu(tape, hidden) : relu(tape, hidden); // [N, dFF]
  return linear(tape, act, get(p, names.linear2.weight), get(p, names.linear2.bias)); // [N, d]
}
