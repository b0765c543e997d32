// Activation patching (docs/interventions.md): run a clean and a corrupted input of the same length,
// copy one head's output (or one position's residual stream) from the clean run into the corrupted
// one, and measure how much of the clean prediction comes back. The sweep does it for every head.
import { ModelInputError } from './errors';
import { forward, type ForwardInput, type ForwardOptions, type RunResult } from './forward';
import {
  allHeads,
  type HeadPatch,
  type HeadRef,
  type ResidualPatch,
} from './interventions';
import type { Model } from './model';
import { getTensor, tracePath, type StackName, type TraceMap } from './trace';

const attentionOf = (kind: HeadRef['kind']) => (kind === 'cross' ? 'crossAttention' : 'selfAttention');

/** One head's output weights·V [Sq, dHead] from a run traced at level 'full'. */
export function headOutputOf(trace: TraceMap, h: HeadRef): Float32Array {
  const t = getTensor(trace, tracePath.attention(h.stack, h.layer, attentionOf(h.kind), 'headOutputs'));
  if (!t) throw new ModelInputError(`the run has no head outputs for ${h.stack} layer ${h.layer}: trace it at level full`);
  const [, Sq, dHead] = t.shape;
  return t.data.slice(h.head * Sq * dHead, (h.head + 1) * Sq * dHead); // [Sq, dHead]
}

/** A patch that gives head `h` the output it had in `source` (a 'full' trace of another input). */
export function headPatchFrom(source: TraceMap, h: HeadRef): HeadPatch {
  return { ...h, values: headOutputOf(source, h) };
}

/** A patch that gives position `position` after `layer` the residual stream it had in `source`. */
export function residualPatchFrom(source: TraceMap, stack: StackName, layer: number, position: number): ResidualPatch {
  const t = getTensor(source, tracePath.layer(stack, layer, 'output'));
  if (!t) throw new ModelInputError(`the run has no output for ${stack} layer ${layer}: trace it at level full`);
  const d = t.shape[1];
  return { stack, layer, position, values: t.data.slice(position * d, (position + 1) * d) }; // [dModel]
}

/** Mean of head h's output [dHead] over every position of every reference input (for mode 'mean'). */
export function meanHeadOutputs(model: Model, inputs: readonly ForwardInput[], h: HeadRef, options: ForwardOptions = {}): Float32Array {
  const dHead = model.config.dModel / model.config.nHeads;
  const sum = new Float64Array(dHead); // [dHead]
  let rows = 0;
  for (const input of inputs) {
    const out = headOutputOf(forward(model, input, { ...options, trace: 'full' }).trace, h); // [Sq, dHead]
    for (let i = 0; i < out.length; i++) sum[i % dHead] += out[i];
    rows += out.length / dHead;
  }
  if (rows === 0) throw new ModelInputError('mean ablation needs at least one reference input');
  return Float32Array.from(sum, (x) => x / rows);
}

// ---- The sweep ----

export interface SweepRequest {
  clean: ForwardInput;
  corrupted: ForwardInput;
  /** Row of the last stack whose prediction is measured (for decoders: the position predicting the next token). */
  position: number;
  /** Mask, prefix, positional: the same for every run. */
  options?: Pick<ForwardOptions, 'mask' | 'prefix' | 'positional'>;
}

/** How one run scores: logit(right) − logit(wrong) at the position, and its top token there. */
export interface SweepScore {
  logitDiff: number;
  argmax: number;
}

export interface SweepCell extends SweepScore {
  head: HeadRef;
  /** (patched − corrupted) / (clean − corrupted) logit difference: 1 = the clean answer fully back, 0 = no effect. */
  restored: number;
}

export interface SweepResult {
  position: number;
  /** The clean run's top token and the corrupted run's (its second best when both agree). */
  right: number;
  wrong: number;
  clean: SweepScore;
  corrupted: SweepScore;
  cells: SweepCell[]; // in allHeads() order
}

/** Top and second-best token of row `row` of logits [T, V]. */
function topTwo(r: RunResult, row: number): [number, number] {
  const V = r.logits.shape[1];
  let a = -1;
  let b = -1;
  for (let v = 0; v < V; v++) {
    const x = r.logits.data[row * V + v];
    if (a < 0 || x > r.logits.data[row * V + a]) {
      b = a;
      a = v;
    } else if (b < 0 || x > r.logits.data[row * V + b]) b = v;
  }
  return [a, b];
}

/**
 * Patches every head of the model, one at a time, from the clean run into the corrupted run and
 * reports each head's effect on the prediction at `position`. 2 + (number of heads) forward passes.
 */
export function patchingSweep(model: Model, req: SweepRequest): SweepResult {
  const opts = req.options ?? {};
  const seqOf = (x: ForwardInput) => ('tokens' in x ? [x.tokens.length] : [x.src.length, x.tgt.length]);
  const [a, b] = [seqOf(req.clean), seqOf(req.corrupted)];
  if (a.length !== b.length || a.some((n, i) => n !== b[i]))
    throw new ModelInputError(`patching needs two inputs of the same length (got ${a.join('+')} and ${b.join('+')} tokens)`);
  const T = a[a.length - 1];
  if (!Number.isInteger(req.position) || req.position < 0 || req.position >= T)
    throw new ModelInputError(`position must be 0–${T - 1}`);
  const clean = forward(model, req.clean, { ...opts, trace: 'full' });
  const corrupted = forward(model, req.corrupted, { ...opts, trace: 'none' });
  const right = topTwo(clean, req.position)[0];
  const [c1, c2] = topTwo(corrupted, req.position);
  const wrong = c1 !== right ? c1 : c2;
  const V = model.config.vocabSize;
  const score = (r: RunResult): SweepScore => ({
    logitDiff: r.logits.data[req.position * V + right] - r.logits.data[req.position * V + wrong],
    argmax: r.argmax.data[req.position],
  });
  const cleanScore = score(clean);
  const corruptedScore = score(corrupted);
  const span = cleanScore.logitDiff - corruptedScore.logitDiff;
  const cells = allHeads(model.config).map((head): SweepCell => {
    const patched = forward(model, req.corrupted, {
      ...opts,
      trace: 'none',
      interventions: { patchHead: [headPatchFrom(clean.trace, head)] },
    });
    const s = score(patched);
    return { head, ...s, restored: Math.abs(span) > 1e-9 ? (s.logitDiff - corruptedScore.logitDiff) / span : 0 };
  });
  return { position: req.position, right, wrong, clean: cleanScore, corrupted: corruptedScore, cells };
}
