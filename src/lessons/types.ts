// What a lesson is: plain data. A lesson is a list of steps; a step names the state it sets,
// its prose, formulas, panels, speaker notes and questions. Renderers (lesson page, presentation
// mode, the `lesson` embed) turn this data into a view; a lesson never touches the DOM.
import type { PanelSpec } from '../panels/registry';
import type { Positional } from '../model/config';

/** A shipped model in public/models (`<name>.safetensors`). */
export type ModelName = 'reverse' | 'dates' | 'grammar' | 'masked-grammar';

/** The self-attention pattern of the last stack (padding is always added on top when the model pads). */
export type MaskKind = 'full' | 'causal' | 'prefix';

/** A stage of the forward pass a step points at (the same names as the store's `Stage`, in computing order). */
export type Stage =
  | 'tokens'
  | 'embeddings'
  | 'positional'
  | 'q'
  | 'k'
  | 'v'
  | 'scores'
  | 'mask'
  | 'weights'
  | 'headOutputs'
  | 'output'
  | 'ffn'
  | 'layerOutput'
  | 'logits'
  | 'probs';

/**
 * The state a step sets. Steps are cumulative: the state in force at step n is the merge of the
 * states of steps 1..n, so a step names only what changes, and a direct link to step n lands on
 * the same view as walking there. Fields left unset keep what the learner chose.
 */
export interface StepState {
  model?: ModelName;
  /** Input text of a one-sequence model (encoder-only or decoder-only). */
  input?: string;
  /** Source and target text of an encoder-decoder model. */
  src?: string;
  tgt?: string;
  /** Which stack the attention panels read (default: the last stack of the model). */
  stack?: 'encoder' | 'decoder';
  /** Self- or cross-attention (default self). */
  attention?: 'selfAttention' | 'crossAttention';
  layer?: number;
  head?: number;
  stage?: Stage;
  mask?: MaskKind;
  prefix?: number;
  /**
   * Positional scheme the runs use in place of the model's own (lesson 3's switch); null = the
   * model's own. Unlike the input, it is reset to the step's value on every step change.
   */
  positional?: Positional | null;
}

/** A displayed formula (KaTeX source, trust off). `label` is read by screen readers and shown small. */
export interface Formula {
  tex: string;
  label?: string;
}

/**
 * Panels a step can show: the ids and typed options of the panel registry (src/panels/registry.ts).
 * A type-only import: lessons stay data and load no component.
 */
export type { PanelId } from '../panels/registry';

/** One panel of a step. `illustration: true` marks a figure that is not read from a running model. */
export type PanelRef = PanelSpec & {
  caption?: string;
  illustration?: boolean;
};

/** A multiple-choice question: feedback appears as soon as an option is chosen. */
export interface ChoiceQuestion {
  kind: 'choice';
  id: string;
  prompt: string;
  options: readonly { text: string; correct?: boolean; feedback?: string }[];
  explanation: string;
}

/** Click the cells of a grid (rows are queries, columns are keys) that satisfy the prompt. */
export interface CellsQuestion {
  kind: 'cells';
  id: string;
  prompt: string;
  rows: readonly string[];
  cols: readonly string[];
  /** The cells that make up the right answer (row = query i, column = key j). */
  answer: (i: number, j: number) => boolean;
  explanation: string;
}

export type Question = ChoiceQuestion | CellsQuestion;

/** One step (one slide in presentation mode). Prose and `tryIt` use the markup in prose.ts. */
export interface Step {
  title: string;
  /** Paragraphs, read before the figure: the text first, then the visual action. */
  prose: readonly string[];
  formulas?: readonly Formula[];
  panels?: readonly PanelRef[];
  /** What to do or watch in the panels ("Type … and watch …"), shown under them. */
  tryIt?: string;
  state?: StepState;
  /** Speaker notes for presentation mode: what to say, what to point at. */
  notes: string;
  questions?: readonly Question[];
}

export interface Lesson {
  slug: string;
  title: string;
  summary: string;
  steps: readonly Step[];
}
