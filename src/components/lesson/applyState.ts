// Applies a step's state (model, input, layer, head, stage, mask) to the live store so the panels
// show that moment of the run. Fields that the URL sets win over the step: a shared link, a reload
// and Back/Forward show the view as it was left. Step links carry no view parameters (navigation.ts),
// so moving to a step applies its state.
import { useEffect, useRef } from 'react';
import { parseHeadRef } from '../../model/interventions';
import type { StepState } from '../../lessons/types';
import { useAtlas } from '../../store/atlas';
import { startAtlasRuntime } from '../../store/runtime';
import { decodeView, encodeView, type ViewState } from '../../store/urlCodec';
import { viewOf } from '../../store/urlSync';
import { hashOf, parseHash } from '../router';

/** Replaces the current lesson URL's view parameters with the store's view (one replaceState). */
function writeViewToUrl(): void {
  const { route, params } = parseHash(window.location.hash);
  if (route.name !== 'lesson') return;
  const hash = hashOf(route, encodeView(viewOf(useAtlas.getState()), params));
  if (hash === window.location.hash) return;
  try {
    window.history.replaceState(window.history.state, '', hash);
  } catch {
    /* a sandboxed frame or too many history calls: the URL lags behind */
  }
}

/** The store's view for a step's state (the lesson field `input` is the store's `text`). */
export function viewOfStep(state: StepState): ViewState {
  const { input, ablate, ...rest } = state;
  const view: ViewState = { ...rest };
  if (input !== undefined) view.text = input;
  if (ablate !== undefined) view.ablate = ablate.map(parseHeadRef); // a lesson's own heads: a typo fails its test
  return view;
}

/**
 * What to apply when moving from one step to another: the new step's own fields, plus every field
 * whose cumulative value differs between the two steps. Moving to a step that sets nothing keeps the
 * learner's own input; landing on a step directly (no previous step) applies its whole state.
 */
export function stateToApply(prev: StepState | null, next: StepState, own: StepState): StepState {
  if (!prev) return { ...next };
  const out: StepState = { ...own };
  for (const k of new Set([...Object.keys(prev), ...Object.keys(next)]) as Set<keyof StepState>)
    if (JSON.stringify(prev[k]) !== JSON.stringify(next[k]) && next[k] !== undefined) Object.assign(out, { [k]: next[k] });
  return out;
}

/**
 * The positional override belongs to the step that offers it: every step change resets it to the
 * step's cumulative value (null, the model's own, for nearly all steps) so it never leaks into other
 * steps or lessons. Adds `positional` to `view` when the store holds another value.
 */
export function withPositionalReset(view: ViewState, cumulative: StepState, current: ViewState['positional']): ViewState {
  const positional = cumulative.positional ?? null;
  if (view.positional === undefined && (current ?? null) !== positional) view.positional = positional;
  return view;
}

/**
 * Starts the runtime and sets the store to a step's state when the step changes (see stateToApply).
 * `cumulative` is the state of steps 1..n, `own` the step's own `state`; `id` names the step.
 */
export function useApplyStepState(id: string, cumulative: StepState, own: StepState, options: { writeUrl?: boolean } = {}): void {
  const writeUrl = options.writeUrl ?? true;
  const prev = useRef<StepState | null>(null);
  const data = JSON.stringify([cumulative, own]);
  useEffect(() => {
    startAtlasRuntime({ writeUrl }); // applies the URL to the store on its first start
    const [next, mine] = JSON.parse(data) as [StepState, StepState];
    const view = viewOfStep(stateToApply(prev.current, next, mine));
    prev.current = next;
    withPositionalReset(view, next, useAtlas.getState().positional);
    // Knocked-out heads, like the positional override, belong to the step that sets them.
    if (view.ablate === undefined && !next.ablate && useAtlas.getState().ablate.length) view.ablate = [];
    const fromUrl = decodeView(parseHash(window.location.hash).params);
    for (const k of Object.keys(fromUrl) as (keyof ViewState)[]) delete view[k];
    if (Object.keys(view).length) useAtlas.getState().applyView(view);
    // A step link carries no view; write the view the step now shows (the URL sync writes only on
    // store changes, and moving to a step that sets nothing changes nothing).
    if (writeUrl) {
      const timer = window.setTimeout(() => writeViewToUrl(), 0);
      return () => window.clearTimeout(timer);
    }
  }, [id, data, writeUrl]);
  // Leaving the lessons (for the playground, say) drops the override, which has no control there.
  // (Only when the route has changed: StrictMode's trial unmount must not drop a linked override.)
  useEffect(
    () => () => {
      if (parseHash(window.location.hash).route.name === 'lesson') return;
      if (useAtlas.getState().positional !== null) useAtlas.getState().setPositional(null);
    },
    [],
  );
}
