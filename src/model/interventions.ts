// Interventions (docs/interventions.md): a forward pass in which chosen parts of the model are
// knocked out or replaced, to test what they do. A heatmap only suggests what a head does; running
// the model without it (ablation), or with its output taken from another input (patching), shows it.
// Everything here is pure: the options name what to change, forward() applies them through three
// small hooks (attention heads, sublayer outputs, the residual stream after a layer).
import type { ModelConfig } from './config';
import { ModelInputError } from './errors';
import type { StackName } from './trace';

/** Self-attention of a layer, or a decoder layer's cross-attention over the encoder output. */
export type HeadKind = 'self' | 'cross';
/** 'zero': the head's output becomes 0; 'mean': its mean over a reference set (meanHeadOutputs). */
export type AblationMode = 'zero' | 'mean';

/** One attention head of the model. */
export interface HeadRef {
  stack: StackName;
  layer: number;
  head: number;
  kind: HeadKind;
}

/**
 * Knock out one head: its slice of the concatenated head outputs (weights·V, [Sq, dHead]) is set to
 * zero, or to `mean` [dHead] at every position, before the output projection W_O; b_O is still
 * added. Its scores and weights are computed as usual (and traced), only its output changes.
 */
export interface HeadAblation extends HeadRef {
  mode?: AblationMode; // default 'zero'
  mean?: ArrayLike<number>; // [dHead], required for mode 'mean'
}

/** Knock out a whole sublayer: its output (bias included) is zero, so the residual stream skips it. */
export interface SublayerAblation {
  stack: StackName;
  layer: number;
  sublayer: HeadKind | 'ffn';
}

/** Replace one head's output [Sq, dHead] with `values` (from another run of the same length). */
export interface HeadPatch extends HeadRef {
  values: ArrayLike<number>; // [Sq, dHead], row-major
}

/** Replace the residual stream after `layer` (the layer's output) at one position with `values` [dModel]. */
export interface ResidualPatch {
  stack: StackName;
  layer: number;
  position: number;
  values: ArrayLike<number>; // [dModel]
}

/** What to change in one forward pass; empty lists change nothing. */
export interface Interventions {
  ablate?: readonly HeadAblation[];
  ablateSublayer?: readonly SublayerAblation[];
  patchHead?: readonly HeadPatch[];
  patchResidual?: readonly ResidualPatch[];
}

/** Whether any intervention is asked for. */
export function hasInterventions(iv: Interventions | undefined): boolean {
  if (!iv) return false;
  return !!(iv.ablate?.length || iv.ablateSublayer?.length || iv.patchHead?.length || iv.patchResidual?.length);
}

// ---- Head names: "decoder.1.0" (self-attention) and "decoder.1.cross.0" (cross-attention) ----

/** A head as the CLI, the URL and the eval write it: STACK.LAYER.HEAD or decoder.LAYER.cross.HEAD. */
export function formatHeadRef(h: HeadRef): string {
  return (h.kind === 'cross' ? [h.stack, h.layer, 'cross', h.head] : [h.stack, h.layer, h.head]).join('.');
}

/**
 * Parses "decoder.1.0" or "decoder.1.cross.0" (syntax only; headRefProblem checks it against a
 * model). Throws ModelInputError naming what is wrong.
 */
export function parseHeadRef(text: string): HeadRef {
  const m = /^(encoder|decoder)\.(\d{1,4})\.(?:(cross)\.)?(\d{1,4})$/.exec(text);
  if (!m) {
    const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
    throw new ModelInputError(
      `${shown} is not a head: write STACK.LAYER.HEAD (e.g. decoder.1.0) or decoder.LAYER.cross.HEAD, STACK encoder or decoder`,
    );
  }
  return { stack: m[1] as StackName, layer: Number(m[2]), head: Number(m[4]), kind: m[3] ? 'cross' : 'self' };
}

/** Number of layers of a stack of this model (0 when the model has no such stack). */
export function stackLayers(config: ModelConfig, stack: StackName): number {
  if (config.arch === 'encoder-decoder') return stack === 'encoder' ? config.nLayers : (config.nDecoderLayers ?? 0);
  if (config.arch === 'encoder-only') return stack === 'encoder' ? config.nLayers : 0;
  return stack === 'decoder' ? config.nLayers : 0;
}

/** Every head of a model: per stack (encoder first), layer, self- then cross-attention, head. */
export function allHeads(config: ModelConfig): HeadRef[] {
  const heads: HeadRef[] = [];
  for (const stack of ['encoder', 'decoder'] as const)
    for (let layer = 0; layer < stackLayers(config, stack); layer++)
      for (const kind of config.arch === 'encoder-decoder' && stack === 'decoder' ? (['self', 'cross'] as const) : (['self'] as const))
        for (let head = 0; head < config.nHeads; head++) heads.push({ stack, layer, head, kind });
  return heads;
}

/** The stack that feeds the de-embedding: the encoder of an encoder-only model, else the decoder. */
export function lastStack(config: ModelConfig): StackName {
  return config.arch === 'encoder-only' ? 'encoder' : 'decoder';
}

/** Why a layer does not exist in this model, or null when it does. */
function layerProblem(config: ModelConfig, stack: StackName, layer: number): string | null {
  const n = stackLayers(config, stack);
  if (n === 0) return `this ${config.arch} model has no ${stack}`;
  if (!Number.isInteger(layer) || layer < 0 || layer >= n)
    return `${stack} layer ${layer} does not exist (the ${stack} has layers 0–${n - 1})`;
  return null;
}

/** Why a head does not exist in this model, or null when it does. */
export function headRefProblem(config: ModelConfig, h: HeadRef): string | null {
  if (h.stack !== 'encoder' && h.stack !== 'decoder') return `unknown stack ${JSON.stringify(h.stack)}`;
  if (h.kind !== 'self' && h.kind !== 'cross') return `unknown attention kind ${JSON.stringify(h.kind)}`;
  const bad = layerProblem(config, h.stack, h.layer);
  if (bad) return bad;
  if (h.kind === 'cross' && !(config.arch === 'encoder-decoder' && h.stack === 'decoder'))
    return `only the decoder of an encoder-decoder model has cross-attention (this is ${config.arch})`;
  if (!Number.isInteger(h.head) || h.head < 0 || h.head >= config.nHeads)
    return `head ${h.head} does not exist (heads 0–${config.nHeads - 1})`;
  return null;
}

const lengthOf = (values: ArrayLike<number> | undefined) => (values ? values.length : -1);

/**
 * Refuses interventions this model or input cannot take, naming the first problem (ModelInputError).
 * `lengths` are the query lengths of each stack in this run (patches must match them).
 */
export function validateInterventions(
  config: ModelConfig,
  iv: Interventions,
  lengths: Partial<Record<StackName, number>>,
): void {
  const { dModel, nHeads } = config;
  const dHead = dModel / nHeads;
  const fail = (what: string, why: string): never => {
    throw new ModelInputError(`${what}: ${why}`);
  };
  for (const a of iv.ablate ?? []) {
    const what = `ablate ${formatHeadRef(a)}`;
    const bad = headRefProblem(config, a);
    if (bad) fail(what, bad);
    if (a.mode !== undefined && a.mode !== 'zero' && a.mode !== 'mean') fail(what, 'mode must be zero or mean');
    if (a.mode === 'mean' && lengthOf(a.mean) !== dHead) fail(what, `mean ablation needs a mean of ${dHead} numbers`);
  }
  for (const s of iv.ablateSublayer ?? []) {
    const what = `ablate ${s.stack}.${s.layer}.${s.sublayer}`;
    const bad = layerProblem(config, s.stack, s.layer);
    if (bad) fail(what, bad);
    if (s.sublayer !== 'self' && s.sublayer !== 'cross' && s.sublayer !== 'ffn') fail(what, 'sublayer must be self, cross or ffn');
    if (s.sublayer === 'cross' && !(config.arch === 'encoder-decoder' && s.stack === 'decoder'))
      fail(what, 'only the decoder of an encoder-decoder model has cross-attention');
  }
  for (const p of iv.patchHead ?? []) {
    const what = `patch ${formatHeadRef(p)}`;
    const bad = headRefProblem(config, p);
    if (bad) fail(what, bad);
    const S = lengths[p.stack] ?? 0;
    if (lengthOf(p.values) !== S * dHead)
      fail(what, `the patch must hold [${S}, ${dHead}] numbers: a run of the same length`);
  }
  for (const p of iv.patchResidual ?? []) {
    const what = `patch residual ${p.stack}.${p.layer} at position ${p.position}`;
    const bad = layerProblem(config, p.stack, p.layer);
    if (bad) fail(what, bad);
    const S = lengths[p.stack] ?? 0;
    if (!Number.isInteger(p.position) || p.position < 0 || p.position >= S)
      fail(what, `position must be 0–${S - 1}`);
    if (lengthOf(p.values) !== dModel) fail(what, `the patch must hold ${dModel} numbers`);
  }
}

// ---- The hooks forward() calls (one per layer; absent when nothing in the layer is touched) ----

/** What forward() asks at one layer. Each hook edits an array in place, before it is used or traced. */
export interface LayerHooks {
  /** headOutputs [nHeads, Sq, dHead] of the layer's self- or cross-attention, before concat and W_O. */
  heads(kind: HeadKind, headOutputs: Float32Array, Sq: number, dHead: number): void;
  /** A sublayer's output [S, dModel] (attention after W_O and b_O; feed-forward after linear2). */
  sublayer(kind: HeadKind | 'ffn', output: Float32Array): void;
  /** The layer's output [S, dModel], the residual stream the next layer reads. */
  residual(output: Float32Array, dModel: number): void;
}

const sameLayer = (a: { stack: StackName; layer: number }, stack: StackName, layer: number) =>
  a.stack === stack && a.layer === layer;

/** The hooks of one layer, or undefined when no intervention touches it (the pass then runs as is). */
export function layerHooks(iv: Interventions | undefined, stack: StackName, layer: number): LayerHooks | undefined {
  if (!iv) return undefined;
  const ablate = (iv.ablate ?? []).filter((a) => sameLayer(a, stack, layer));
  const sublayers = (iv.ablateSublayer ?? []).filter((s) => sameLayer(s, stack, layer));
  const patches = (iv.patchHead ?? []).filter((p) => sameLayer(p, stack, layer));
  const residual = (iv.patchResidual ?? []).filter((p) => sameLayer(p, stack, layer));
  if (!ablate.length && !sublayers.length && !patches.length && !residual.length) return undefined;
  return {
    heads(kind, out, Sq, dHead) {
      // Patches first, then ablations: a head both patched and ablated ends up ablated.
      for (const p of patches) {
        if (p.kind !== kind) continue;
        const base = p.head * Sq * dHead; // head p.head occupies [base, base + Sq·dHead)
        for (let i = 0; i < Sq * dHead; i++) out[base + i] = p.values[i];
      }
      for (const a of ablate) {
        if (a.kind !== kind) continue;
        const base = a.head * Sq * dHead;
        for (let s = 0; s < Sq; s++)
          for (let c = 0; c < dHead; c++) out[base + s * dHead + c] = a.mode === 'mean' ? a.mean![c] : 0;
      }
    },
    sublayer(kind, output) {
      if (sublayers.some((s) => s.sublayer === kind)) output.fill(0);
    },
    residual(output, dModel) {
      for (const p of residual) for (let c = 0; c < dModel; c++) output[p.position * dModel + c] = p.values[c];
    },
  };
}
