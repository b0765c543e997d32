// The embed author's view (model, text, layer, …) as lesson-step state, and a lesson with that state
// merged into its first shown step. Pure, so it is unit-tested.
import type { Lesson, StepState } from '../lessons/types';
import type { EmbedConfig } from './params';

/** The state the author asked for (model, text, layer, …), in a lesson step's field names. */
export function authorState(c: EmbedConfig): StepState {
  const v: StepState = {};
  if (c.model !== undefined) v.model = c.model as StepState['model'];
  if (c.text !== undefined) v.input = c.text;
  if (c.src !== undefined) v.src = c.src;
  if (c.tgt !== undefined) v.tgt = c.tgt;
  if (c.layer !== undefined) v.layer = c.layer;
  if (c.head !== undefined) v.head = c.head;
  if (c.mask !== undefined) v.mask = c.mask;
  if (c.prefix !== undefined) v.prefix = c.prefix;
  if (c.stack !== undefined) v.stack = c.stack;
  if (c.attn !== undefined) v.attention = c.attn;
  return v;
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
