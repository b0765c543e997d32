// One token's journey through the model, as plain data read from a run's trace: what was added for
// the token and its position, and in each layer which tokens each head read (and with what weight),
// how much attention and the feed-forward added to its residual stream, then the final prediction.
// Nothing is recomputed here except norms, softmaxes and top-k of traced arrays.
import { softmax } from '../../model/ops/softmax';
import { topKIds } from '../../model/sample';
import type { AnyTensor, IntTensor, Tensor } from '../../model/tensor';
import { traceKey, tracePath, type AttentionKind, type StackName, type TracePath } from '../../model/trace';

export type TraceGetter = (path: TracePath) => AnyTensor | undefined;

/** A trace map (or the store's) as a getter. */
export const getterOf = (map: ReadonlyMap<string, AnyTensor>): TraceGetter => (path) => map.get(traceKey(path));

/** One row of a [S, d] tensor. */
export function rowOf(t: Tensor, row: number): Float32Array {
  const d = t.shape[t.shape.length - 1];
  return t.data.subarray(row * d, (row + 1) * d);
}

/** Euclidean length of a vector. */
export function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

export interface Read {
  key: number; // key position
  token: string;
  weight: number;
}

export interface HeadReads {
  head: number;
  reads: Read[]; // strongest first
}

export interface SublayerStep {
  kind: AttentionKind | 'ffn';
  heads: HeadReads[]; // empty for the feed-forward
  added: Float32Array; // [dModel]: what the sublayer added to the residual stream at this position
  addedNorm: number;
}

export interface LayerStep {
  layer: number;
  sublayers: SublayerStep[];
  output: Float32Array; // [dModel], the residual stream after the layer
  outputNorm: number;
  /** Top tokens of the logit lens at this layer (when the run has the lens). */
  lens?: TopToken[];
}

export interface TopToken {
  id: number;
  token: string;
  p: number;
}

export interface Journey {
  stack: StackName;
  position: number;
  token: string;
  tokens: string[]; // the stack's tokens
  embedding: Float32Array;
  positional: Float32Array;
  embeddingNorm: number;
  positionalNorm: number;
  layers: LayerStep[];
  /** Residual stream after the final norm (or the last layer when there is none). */
  final: Float32Array;
  finalNorm: number;
  top: TopToken[]; // the prediction at this position
  /** The encoder's tokens, when cross-attention reads them. */
  sourceTokens?: string[];
}

const pieces = (ids: IntTensor | undefined, vocab: readonly string[]) => (ids ? Array.from(ids.data, (id) => vocab[id] ?? String(id)) : []);

/** The k most probable tokens of one row of logits [T, V]. */
export function topTokens(logits: Tensor, row: number, vocab: readonly string[], k: number): TopToken[] {
  const V = logits.shape[1];
  const p = softmax({ data: logits.data.slice(row * V, (row + 1) * V), shape: [1, V] }).data; // [V]
  const ids = topKIds(p, k);
  return ids.map((id) => ({ id, token: vocab[id] ?? String(id), p: p[id] }));
}

/** The stack that feeds the de-embedding. */
export const lastStackOf = (arch: string): StackName => (arch === 'encoder-only' ? 'encoder' : 'decoder');

/**
 * The journey of row `position` of the last stack, or null while the arrays it needs have not
 * arrived (a run still streaming, or one traced at a lower level).
 */
export function buildJourney(get: TraceGetter, arch: string, vocab: readonly string[], position: number, topK = 5, reads = 3): Journey | null {
  const stack = lastStackOf(arch);
  const tokensT = get(tracePath.stack(stack, 'tokens')) as IntTensor | undefined;
  const emb = get(tracePath.stack(stack, 'embeddings')) as Tensor | undefined;
  const pos = get(tracePath.stack(stack, 'positional')) as Tensor | undefined;
  const out = get(tracePath.stack(stack, 'output')) as Tensor | undefined;
  const logits = get(tracePath.head('logits')) as Tensor | undefined;
  if (!tokensT || !emb || !pos || !out || !logits) return null;
  const S = tokensT.shape[0];
  if (position < 0 || position >= S) return null;
  const tokens = pieces(tokensT, vocab);
  const sourceTokens = arch === 'encoder-decoder' ? pieces(get(tracePath.stack('encoder', 'tokens')) as IntTensor | undefined, vocab) : undefined;

  const layers: LayerStep[] = [];
  for (let layer = 0; ; layer++) {
    const output = get(tracePath.layer(stack, layer, 'output')) as Tensor | undefined;
    if (!output) break;
    const sublayers: SublayerStep[] = [];
    for (const kind of ['selfAttention', 'crossAttention'] as const) {
      const w = get(tracePath.attention(stack, layer, kind, 'weights')) as Tensor | undefined; // [nHeads, S, Sk]
      const o = get(tracePath.attention(stack, layer, kind, 'output')) as Tensor | undefined; // [S, dModel]
      if (!w || !o) continue;
      const [nHeads, , Sk] = w.shape;
      const keyTokens = kind === 'crossAttention' ? (sourceTokens ?? []) : tokens;
      const heads: HeadReads[] = [];
      for (let h = 0; h < nHeads; h++) {
        const base = (h * S + position) * Sk;
        const row = Array.from({ length: Sk }, (_, key) => ({ key, token: keyTokens[key] ?? String(key), weight: w.data[base + key] }));
        row.sort((a, b) => b.weight - a.weight || a.key - b.key);
        heads.push({ head: h, reads: row.slice(0, reads) });
      }
      const added = rowOf(o, position);
      sublayers.push({ kind, heads, added, addedNorm: norm(added) });
    }
    const ffn = get(tracePath.layer(stack, layer, 'ffnOutput')) as Tensor | undefined; // [S, dModel]
    if (ffn) {
      const added = rowOf(ffn, position);
      sublayers.push({ kind: 'ffn', heads: [], added, addedNorm: norm(added) });
    }
    const lens = get(tracePath.lens(stack, layer)) as Tensor | undefined; // [S, V]
    const o = rowOf(output, position);
    layers.push({ layer, sublayers, output: o, outputNorm: norm(o), ...(lens ? { lens: topTokens(lens, position, vocab, 3) } : {}) });
  }
  const e = rowOf(emb, position);
  const p = rowOf(pos, position);
  const f = rowOf(out, position);
  return {
    stack,
    position,
    token: tokens[position],
    tokens,
    embedding: e,
    positional: p,
    embeddingNorm: norm(e),
    positionalNorm: norm(p),
    layers,
    final: f,
    finalNorm: norm(f),
    top: topTokens(logits, position, vocab, topK),
    ...(sourceTokens ? { sourceTokens } : {}),
  };
}

/** Logit lens as a table: per layer of the last stack, the top-k tokens at `position`. */
export function lensTable(get: TraceGetter, arch: string, vocab: readonly string[], position: number, k = 5): { layer: number; top: TopToken[] }[] {
  const stack = lastStackOf(arch);
  const rows: { layer: number; top: TopToken[] }[] = [];
  for (let layer = 0; ; layer++) {
    const lens = get(tracePath.lens(stack, layer)) as Tensor | undefined;
    if (!lens || position >= lens.shape[0]) break;
    rows.push({ layer, top: topTokens(lens, position, vocab, k) });
  }
  return rows;
}
