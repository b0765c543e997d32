// What a learner can touch on a step, and what its "Try it" asks them to touch. A step's controls
// are declared by its data: the panels it lists (each panel id, with its options, brings the
// controls in PANEL_CONTROLS) plus any the step names itself in `controls`. A unit test reads
// every Try-it with the patterns below and fails when one refers to a control or a figure the
// step does not have (lessons.test.ts), so no student meets an instruction they cannot follow.
import type { PanelRef, Step } from './types';

export type ControlId =
  | 'text-input' // a box for the sentence, the source or the word
  | 'target-input' // the target box of an encoder-decoder model
  | 'model-picker' // buttons that switch the running model
  | 'mask-picker' // causal / full / prefix buttons
  | 'layer-head' // layer and head pickers
  | 'token-picker' // buttons that choose one token or position
  | 'cell-select' // select or hover a cell of a grid
  | 'stage-stepper' // the pipeline's stage buttons
  | 'embedding-row' // the highlighted row of E
  | 'temperature' // the temperature slider
  | 'top-k' // the top-k control
  | 'draw' // "Draw 20 tokens"
  | 'generate' // generate one token / to the end / start over
  | 'inject' // replace a generated token by a wrong one
  | 'step-button' // an animation's Step button
  | 'position-slider' // RoPE's position control
  | 'window-slider' // the context window's sliders
  | 'length-slider' // the cost chart's length axis
  | 'positional-switch' // RoPE / sinusoidal / none
  | 'tilt' // the Cover 3-D view's angle
  | 'train' // Train / Pause / Step of a live training run
  | 'padding' // the mask diagram's padding control
  | 'bpe-word' // the BPE widget's word box
  | 'guess' // a predict-then-reveal question
  | 'model-card-link' // a link to the model cards
  // figures a Try-it may name
  | 'heatmap' | 'bars' | 'diagram' | 'pipeline' | 'thumbnails' | 'table' | 'similarity-plot' | 'kv-cache' | 'logits';

/** Controls and figures each panel brings, given its options. */
export function panelControls(ref: PanelRef): ControlId[] {
  const o = (ref.options ?? {}) as Record<string, unknown>; // options differ by panel
  switch (ref.panel) {
    case 'input':
    case 'tokens':
      return ['text-input', 'target-input', ...(o.pickModel ? (['model-picker'] as const) : []), ...(o.pickMask ? (['mask-picker', 'layer-head'] as const) : [])];
    case 'attention-heatmap':
      return ['heatmap', 'layer-head', 'cell-select'];
    case 'head-overview':
      return ['thumbnails', 'layer-head'];
    case 'attention-pipeline':
      return ['pipeline', 'stage-stepper', 'layer-head'];
    case 'matrix':
    case 'ffn-activations':
      return ['table', 'cell-select', 'layer-head'];
    case 'embedding-lookup':
      return ['token-picker', 'table']; // the selected row of E and the vector, never E itself
    case 'positional-encoding':
      return o.view === 'similarity' ? ['similarity-plot', 'cell-select'] : ['table', 'cell-select'];
    case 'rope':
      return ['position-slider', 'layer-head'];
    case 'positional-switch':
      return ['positional-switch'];
    case 'mask':
      return ['padding', 'table'];
    case 'architecture':
    case 'architecture-compare':
      return ['diagram', 'table', 'logits']; // the diagram names its logits block
    case 'output-bars':
      return ['bars', 'temperature'];
    case 'predictions':
      return ['bars', 'logits', ...(o.position === 'choose' ? (['token-picker'] as const) : []), ...(o.sampling ? (['temperature', 'top-k', 'draw'] as const) : []), ...(o.pair ? (['model-picker'] as const) : [])];
    case 'cost':
      return ['length-slider', 'diagram'];
    case 'sequential-vs-parallel':
      return ['step-button'];
    case 'context-window':
      return ['window-slider'];
    case 'cover':
      return ['tilt'];
    case 'residual-stream':
      return ['table', ...(o.compare ? (['model-picker'] as const) : [])];
    case 'layer-norm':
      return ['token-picker', 'bars'];
    case 'cross-alignment':
      return ['token-picker', 'layer-head'];
    case 'teacher-forcing':
      return ['table'];
    case 'generation':
      return ['generate', 'inject', 'kv-cache'];
    case 'soft-lookup':
      return ['token-picker', 'bars'];
    case 'head-split':
      return ['table'];
    case 'train':
      return ['train', 'heatmap', 'positional-switch'];
    case 'attention-core':
      return ['pipeline', 'stage-stepper', 'layer-head', 'table', 'cell-select'];
    case 'multi-head':
      return ['thumbnails', 'heatmap', 'layer-head', 'table'];
    case 'residual-add':
      return ['table', 'layer-head'];
    case 'recap':
    case 'token-lines':
      return [];
    case 'bpe':
      return ['bpe-word', 'text-input', 'table', 'step-button'];
    case 'swiglu':
      return ['bars', 'tilt'];
    case 'guess':
      return ['guess', 'bars', 'heatmap', 'token-picker', 'cell-select'];
    case 'journey':
      return ['token-picker', 'diagram']; // which position to follow; the model as a diagram with live numbers
    case 'logit-lens':
      return ['token-picker', 'table'];
    case 'ablation':
      return ['layer-head']; // one checkbox per head
    case 'patching':
      return ['text-input', 'heatmap', 'table', 'cell-select'];
  }
}

/** Every control and figure a step offers: its panels' and those it declares itself. */
export function stepControls(step: Step): Set<ControlId> {
  const out = new Set<ControlId>([...(step.panels ?? []).flatMap(panelControls), ...(step.controls ?? [])]);
  if ([...step.prose, step.tryIt ?? ''].some((t) => t.includes('](#/models'))) out.add('model-card-link'); // a link in the text
  return out;
}

/** How a Try-it names each control or figure. Patterns err on the side of matching. */
export const MENTIONS: readonly [ControlId, RegExp][] = [
  ['text-input', /\b(type|typed|retype)\b|\bchange (the |one |a |`)?(word|sentence|source|last word|first word|subject|runs|dog|cats|`)|\badd (words|a word)|your own (sentence|word|input|date)|\bedit the (sentence|input|source)/i],
  ['target-input', /\b(change|edit|type|keep)\b[^.]*\btarget\b|\btarget (box|to)\b/i],
  ['model-picker', /\bswitch (between )?(the )?models?\b|\bmodel buttons?\b|\bswitch the model\b/i],
  ['mask-picker', /\bswitch between causal\b|\bswitch (its|the) mask\b/i],
  ['layer-head', /\bswitch heads\b|\b(choose|pick|open|try) (a |another |each |every )?head\b|\blayer and head\b|\bhead (picker|controls)\b/i],
  ['cell-select', /\b(select|hover|focus|click) (or focus |or hover )?(a|any|one|the) cell\b/i],
  ['stage-stepper', /\bstep (through )?the pipeline\b/i],
  ['embedding-row', /\bhighlighted row\b/i],
  ['temperature', /\btemperature\b/i],
  ['top-k', /\btop-k\b/i],
  ['draw', /\bdraw 20\b/i],
  ['generate', /\bgenerate one token\b|\bgenerate to the end\b|\bstart over\b/i],
  ['inject', /\binject\b|\bforce a wrong\b/i],
  ['step-button', /\bpress \*\*step\*\*/i],
  ['position-slider', /\bmove the position\b/i],
  ['window-slider', /\bshrink the window\b/i],
  ['length-slider', /\blength axis\b/i],
  ['positional-switch', /\bpick (none|sinusoidal)\b|\bgo back to rope\b|\bswitch \*\*positions\*\*/i],
  ['tilt', /\btilt the view\b/i],
  ['train', /\bpress \*\*train\*\*|\btrain, then\b/i],
  ['padding', /\bpadding (slider|control)\b|\badd padding\b/i],
  ['bpe-word', /\byour own word\b|\bthe word box\b/i],
  ['guess', /\bguess\b|\bcommit\b|\bpredict first\b/i],
  ['model-card-link', /\bmodel card\b/i],
  ['heatmap', /\bheatmap\b/i],
  ['bars', /\bbars?\b/i],
  ['diagram', /\bdiagram\b/i],
  ['pipeline', /\bpipeline\b/i],
  ['thumbnails', /\bthumbnails?\b/i],
  ['similarity-plot', /\bsimilarity plot\b/i],
  ['kv-cache', /\bKV cache\b|\bcached\b/i],
  ['logits', /\blogits?\b/i],
];

/** The controls and figures a Try-it refers to. */
export function mentionedControls(tryIt: string): ControlId[] {
  return MENTIONS.filter(([, re]) => re.test(tryIt)).map(([id]) => id);
}

/** The controls a step's Try-it names that the step does not have (empty = doable). */
export function missingControls(step: Step): ControlId[] {
  if (!step.tryIt) return [];
  const have = stepControls(step);
  return mentionedControls(step.tryIt).filter((c) => !have.has(c));
}
