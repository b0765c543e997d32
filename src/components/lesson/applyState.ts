// Applies a step's state (model, input, layer, head, stage, mask) to the live store so the panels
// show that moment of the run. Wired to the worker/store when it lands (src/store).
import { useEffect } from 'react';
import type { StepState } from '../../lessons/types';

/** Sets the store to the step's state whenever the step (or its state) changes. */
export function useApplyStepState(state: StepState): void {
  const key = JSON.stringify(state);
  useEffect(() => {
    void key; // the store is not there yet: nothing to apply
  }, [key]);
}
