// The trace: every intermediate a forward pass computed, named as in docs/model-spec.md §The trace.
// This is the one module that defines trace names and builds trace keys; everything else
// (model, worker, store, panels, CLI) goes through these types and functions.
import { toNested, type AnyTensor, type BoolTensor, type IntTensor, type Tensor } from './tensor';

export type StackName = 'encoder' | 'decoder';
export type AttentionKind = 'selfAttention' | 'crossAttention';

/** What an attention sublayer keeps at trace level 'attention': q [nHeads, Sq, dHead] (after
 *  RoPE), k/v [nHeads, Sk, dHead], scores/weights [nHeads, Sq, Sk] (rows = queries, columns =
 *  keys), mask [Sq, Sk] (1 = blocked). */
export const SCORE_FIELDS = ['q', 'k', 'v', 'scores', 'mask', 'weights'] as const;
/** Every field of an attention sublayer, in computing order: the score fields, then headOutputs
 *  [nHeads, Sq, dHead] (weights·V per head, beyond the spec) and output [Sq, dModel]. */
export const ATTENTION_FIELDS = [...SCORE_FIELDS, 'headOutputs', 'output'] as const;
export type AttentionField = (typeof ATTENTION_FIELDS)[number];

/** One attention sublayer: an array per field of ATTENTION_FIELDS, the mask boolean. */
export type AttentionTrace = { [F in AttentionField]: F extends 'mask' ? BoolTensor : Tensor };

/** One encoder or decoder layer: ffnHidden [S, dFF] (after the activation), output [S, dModel]. */
export interface LayerTrace {
  selfAttention: AttentionTrace;
  crossAttention?: AttentionTrace;
  ffnHidden: Tensor;
  output: Tensor;
}

/** One stack: tokens [S]; embeddings, positional, input, output [S, dModel]. */
export interface StackTrace {
  tokens: IntTensor;
  embeddings: Tensor;
  positional: Tensor;
  input: Tensor;
  layers: LayerTrace[];
  output: Tensor;
}

/** A whole run: logits/probs [T, V], argmax [T]. */
export interface Trace {
  encoder?: StackTrace;
  decoder?: StackTrace;
  logits: Tensor;
  probs: Tensor;
  argmax: IntTensor;
}

export const STACK_FIELDS = ['tokens', 'embeddings', 'positional', 'input', 'output'] as const;
export type StackField = (typeof STACK_FIELDS)[number];
export const LAYER_FIELDS = ['ffnHidden', 'output'] as const;
export type LayerField = (typeof LAYER_FIELDS)[number];
export const HEAD_FIELDS = ['logits', 'probs', 'argmax'] as const;
export type HeadField = (typeof HEAD_FIELDS)[number];

/** Where one traced array lives. `head` is the de-embedding at the end ("LM head"). */
export type TracePath =
  | { kind: 'stack'; stack: StackName; field: StackField }
  | { kind: 'layer'; stack: StackName; layer: number; field: LayerField }
  | { kind: 'attention'; stack: StackName; layer: number; attention: AttentionKind; field: AttentionField }
  | { kind: 'head'; field: HeadField };

/** How much of a run to keep: everything, attention only (q/k/v, scores, mask, weights), or nothing
 *  but the outputs (logits, probs, argmax, tokens). Long inputs stay within memory with less. */
export type TraceLevel = 'full' | 'attention' | 'none';

const ATTENTION_LEVEL_FIELDS: ReadonlySet<AttentionField> = new Set(SCORE_FIELDS);

/** Whether a traced array is kept at the given level. */
export function keeps(level: TraceLevel, path: TracePath): boolean {
  if (path.kind === 'head') return true;
  if (path.kind === 'stack' && path.field === 'tokens') return true;
  if (level === 'full') return true;
  if (level === 'attention') return path.kind === 'attention' && ATTENTION_LEVEL_FIELDS.has(path.field);
  return false;
}

/** A stable string key for a path, e.g. "decoder.layers.1.crossAttention.weights". */
export function traceKey(path: TracePath): string {
  switch (path.kind) {
    case 'stack':
      return `${path.stack}.${path.field}`;
    case 'layer':
      return `${path.stack}.layers.${path.layer}.${path.field}`;
    case 'attention':
      return `${path.stack}.layers.${path.layer}.${path.attention}.${path.field}`;
    case 'head':
      return path.field;
  }
}

const STACKS: readonly StackName[] = ['encoder', 'decoder'];
const ATTENTIONS: readonly AttentionKind[] = ['selfAttention', 'crossAttention'];
const isOneOf = <T extends string>(list: readonly T[], x: string | undefined): x is T =>
  (list as readonly (string | undefined)[]).includes(x);

/** The path of a key made by traceKey, or null for any other string (the one parser of keys). */
export function parseTraceKey(key: string): TracePath | null {
  const parts = key.split('.');
  if (parts.length === 1) return isOneOf(HEAD_FIELDS, parts[0]) ? tracePath.head(parts[0]) : null;
  const [stack, layers, index, ...rest] = parts;
  if (!isOneOf(STACKS, stack)) return null;
  if (parts.length === 2) return isOneOf(STACK_FIELDS, layers) ? tracePath.stack(stack, layers) : null;
  const layer = Number(index);
  if (layers !== 'layers' || !/^(0|[1-9]\d*)$/.test(index ?? '') || !Number.isSafeInteger(layer)) return null;
  if (rest.length === 1) return isOneOf(LAYER_FIELDS, rest[0]) ? tracePath.layer(stack, layer, rest[0]) : null;
  if (rest.length === 2 && isOneOf(ATTENTIONS, rest[0]) && isOneOf(ATTENTION_FIELDS, rest[1]))
    return tracePath.attention(stack, layer, rest[0], rest[1]);
  return null;
}

/** One traced array as it is computed (streamed by the worker in this order). */
export interface TraceEvent {
  path: TracePath;
  value: AnyTensor;
}

/** A trace as a flat map from key to array: what a partial, streamed or level-limited run holds. */
export type TraceMap = Map<string, AnyTensor>;

/** Reads one array of a TraceMap by path (undefined until it has arrived or when not kept). */
export function getTensor<T extends AnyTensor = Tensor>(map: TraceMap, path: TracePath): T | undefined {
  return map.get(traceKey(path)) as T | undefined;
}

/** Convenience path builders, so callers never spell keys. */
export const tracePath = {
  stack: (stack: StackName, field: StackField): TracePath => ({ kind: 'stack', stack, field }),
  layer: (stack: StackName, layer: number, field: LayerField): TracePath => ({
    kind: 'layer',
    stack,
    layer,
    field,
  }),
  attention: (
    stack: StackName,
    layer: number,
    attention: AttentionKind,
    field: AttentionField,
  ): TracePath => ({
    kind: 'attention',
    stack,
    layer,
    attention,
    field,
  }),
  head: (field: HeadField): TracePath => ({ kind: 'head', field }),
};

/** Every array of a complete trace as events, in the order the forward pass computes them. */
export function* traceEvents(trace: Trace): Generator<TraceEvent> {
  for (const stack of ['encoder', 'decoder'] as const) {
    const s = trace[stack];
    if (!s) continue;
    for (const field of ['tokens', 'embeddings', 'positional', 'input'] as const)
      yield { path: tracePath.stack(stack, field), value: s[field] };
    for (let i = 0; i < s.layers.length; i++) {
      const layer = s.layers[i];
      for (const attention of ['selfAttention', 'crossAttention'] as const) {
        const a = layer[attention];
        if (!a) continue;
        for (const field of ATTENTION_FIELDS)
          yield { path: tracePath.attention(stack, i, attention, field), value: a[field] };
      }
      for (const field of LAYER_FIELDS) yield { path: tracePath.layer(stack, i, field), value: layer[field] };
    }
    yield { path: tracePath.stack(stack, 'output'), value: s.output };
  }
  for (const field of HEAD_FIELDS) yield { path: tracePath.head(field), value: trace[field] };
}

/** A complete trace as a TraceMap (keys from traceKey). */
export function toTraceMap(trace: Trace): TraceMap {
  const map: TraceMap = new Map();
  for (const e of traceEvents(trace)) map.set(traceKey(e.path), e.value);
  return map;
}

/**
 * Rebuilds the nested Trace from a complete TraceMap (a 'full' run). Throws an Error naming the
 * first missing array when the map holds less (a level-limited or still-streaming run).
 */
export function assembleTrace(map: TraceMap): Trace {
  const need = <T extends AnyTensor>(path: TracePath): T => {
    const t = map.get(traceKey(path));
    if (!t) throw new Error(`trace is missing ${traceKey(path)}`);
    return t as T;
  };
  const attention = (stack: StackName, layer: number, kind: AttentionKind): AttentionTrace =>
    Object.fromEntries(ATTENTION_FIELDS.map((f) => [f, need(tracePath.attention(stack, layer, kind, f))])) as AttentionTrace;
  const stackTrace = (stack: StackName): StackTrace | undefined => {
    if (!map.has(traceKey(tracePath.stack(stack, 'tokens')))) return undefined;
    const layers: LayerTrace[] = [];
    for (let i = 0; map.has(traceKey(tracePath.layer(stack, i, 'output'))); i++) {
      const layer: LayerTrace = {
        selfAttention: attention(stack, i, 'selfAttention'),
        ffnHidden: need(tracePath.layer(stack, i, 'ffnHidden')),
        output: need(tracePath.layer(stack, i, 'output')),
      };
      if (map.has(traceKey(tracePath.attention(stack, i, 'crossAttention', 'output'))))
        layer.crossAttention = attention(stack, i, 'crossAttention');
      layers.push(layer);
    }
    return {
      tokens: need<IntTensor>(tracePath.stack(stack, 'tokens')),
      embeddings: need(tracePath.stack(stack, 'embeddings')),
      positional: need(tracePath.stack(stack, 'positional')),
      input: need(tracePath.stack(stack, 'input')),
      layers,
      output: need(tracePath.stack(stack, 'output')),
    };
  };
  const trace: Trace = {
    logits: need(tracePath.head('logits')),
    probs: need(tracePath.head('probs')),
    argmax: need<IntTensor>(tracePath.head('argmax')),
  };
  const encoder = stackTrace('encoder');
  const decoder = stackTrace('decoder');
  if (encoder) trace.encoder = encoder;
  if (decoder) trace.decoder = decoder;
  return trace;
}

/** A Trace as plain JSON data (nested number arrays, booleans for masks), as the CLI prints it. */
export function traceToJson(trace: Trace): Record<string, unknown> {
  const attention = (a: AttentionTrace) =>
    Object.fromEntries(ATTENTION_FIELDS.map((f) => [f, toNested(a[f])]));
  const stack = (s: StackTrace) => ({
    tokens: toNested(s.tokens),
    embeddings: toNested(s.embeddings),
    positional: toNested(s.positional),
    input: toNested(s.input),
    layers: s.layers.map((l) => {
      const layer: Record<string, unknown> = { selfAttention: attention(l.selfAttention) };
      if (l.crossAttention) layer.crossAttention = attention(l.crossAttention);
      layer.ffnHidden = toNested(l.ffnHidden);
      layer.output = toNested(l.output);
      return layer;
    }),
    output: toNested(s.output),
  });
  const out: Record<string, unknown> = {};
  if (trace.encoder) out.encoder = stack(trace.encoder);
  if (trace.decoder) out.decoder = stack(trace.decoder);
  out.logits = toNested(trace.logits);
  out.probs = toNested(trace.probs);
  out.argmax = toNested(trace.argmax);
  return out;
}
