// The embed author's view (model, text, layer, …) as lesson-step state, and a lesson with that state
// merged into its first shown step. Pure, so it is unit-tested.
import type { Lesson, StepState } from '../lessons/types';
import type { EmbedConfig, EmbedView } from './params';
import type { ViewState } from '../store/urlCodec';

/** The store view an embed config asks for (the lesson widget applies its own after its step). */
export function viewOfConfig(c: EmbedConfig): ViewState {
  const v: ViewState = {};
  for (const k of VIEW_KEYS) if (c[k] !== undefined) Object.assign(v, { [k]: c[k] });
  if (c.ablate !== undefined) v.ablate = c.ablate; // heads knocked out (docs/interventions.md)
  if (c.stack !== undefined) v.stack = c.stack;
  if (c.attn !== undefined) v.attention = c.attn;
  return v;
}

const VIEW_KEYS = ['model', 'text', 'src', 'tgt', 'layer', 'head', 'mask', 'prefix'] as const satisfies readonly (keyof EmbedView)[];

/** The state the author asked for (model, text, layer, …), in a lesson step's field names (`text` is a step's `input`). */
export function authorState(c: EmbedConfig): StepState {
  // Knocked-out heads are not lesson-step state: a lesson embed shows the clean model.
  const { text, model, ablate, ...rest } = viewOfConfig(c);
  void ablate;
  return { ...rest, ...(model !== undefined ? { model: model as StepState['model'] } : {}), ...(text !== undefined ? { input: text } : {}) };
}

/**
 * The lesson with the author's state merged into the first step shown: steps are cumulative, so the
 * author's model and text hold from there on unless a later step sets its own (as a shared link does
 * in the app). Merging before rendering means no other model is ever requested first.
 */
export function withAuthorState(lesson: Lesson, step: number, state: StepState): Lesson {
  if (Object.keys(state).length === 0) return lesson;
  return { ...lesson, steps: lesson.steps.map((s, i) => (i === step - 1 ? { ...s, state: { ...s.state, ...state } } : s)) };
}
