// Applies a step's state (model, input, layer, head, stage, mask) to the live store so the panels
// show that moment of the run. On the first step shown after a page load, fields that the URL
// sets win over the step (a shared link keeps the learner's own input).
import { useEffect } from 'react';
import type { StepState } from '../../lessons/types';
import { useAtlas } from '../../store/atlas';
import { startAtlasRuntime } from '../../store/runtime';
import { decodeView, type ViewState } from '../../store/urlCodec';
import { parseHash } from '../router';

let firstApply = true;

/** The store's view for a step's state (the lesson field `input` is the store's `text`). */
export function viewOfStep(state: StepState): ViewState {
  const { input, ...rest } = state;
  const view: ViewState = { ...rest };
  if (input !== undefined) view.text = input;
  return view;
}

/** Starts the runtime and sets the store to the step's state whenever the step (or its state) changes. */
export function useApplyStepState(state: StepState, options: { writeUrl?: boolean } = {}): void {
  const key = JSON.stringify(state);
  const writeUrl = options.writeUrl ?? true;
  useEffect(() => {
    startAtlasRuntime({ writeUrl }); // applies the URL to the store on its first start
    const view = viewOfStep(JSON.parse(key) as StepState);
    if (firstApply) {
      firstApply = false;
      const fromUrl = decodeView(parseHash(window.location.hash).params);
      for (const k of Object.keys(fromUrl) as (keyof ViewState)[]) delete view[k];
    }
    useAtlas.getState().applyView(view);
  }, [key, writeUrl]);
}
