// The state in force at a step: steps are cumulative, so step n's view is the merge of steps 1..n.
import type { Lesson, StepState } from './types';

/** The merged state of steps 1..step (1-based); later steps override earlier ones field by field. */
export function stateAtStep(lesson: Lesson, step: number): StepState {
  const out: StepState = {};
  const last = Math.min(Math.max(step, 1), lesson.steps.length);
  for (let n = 0; n < last; n++) Object.assign(out, lesson.steps[n].state ?? {});
  return out;
}

/** Clamps a requested step to the lesson's range (1-based). */
export function clampStep(lesson: Lesson, step: number): number {
  if (!Number.isFinite(step)) return 1;
  return Math.min(Math.max(Math.trunc(step), 1), lesson.steps.length);
}
