// The one app store: model, run, selection and preferences slices combined, with persistence
// (preferences only) as the single middleware on the combined store. Components read it with
// selectors (see selectors.ts); the bridge (bridge.ts) writes worker results into it.
import { create, type StateCreator } from 'zustand';
import { persist } from 'zustand/middleware';
import { createInterventionSlice, type InterventionSlice } from './slices/interventionSlice';
import { createModelSlice, type ModelSlice } from './slices/modelSlice';
import { createPreferencesSlice, type PreferencesSlice } from './slices/preferencesSlice';
import { createRunSlice, MAX_TEXT, type RunSlice } from './slices/runSlice';
import { createSelectionSlice, type SelectionSlice } from './slices/selectionSlice';
import { createTrainSlice, type TrainSlice } from './slices/trainSlice';
import { preferencesPersistOptions } from './persistence';
import type { ViewState } from './urlCodec';
import type { SafeStorage } from './safeStorage';

export interface ViewSlice {
  /** Sets several parts of the view at once (what a lesson step or a URL asks for); absent fields are kept. */
  applyView: (view: ViewState) => void;
}

export type AtlasState = ModelSlice & RunSlice & SelectionSlice & PreferencesSlice & TrainSlice & InterventionSlice & ViewSlice;

const createViewSlice: StateCreator<AtlasState, [], [], ViewSlice> = (set) => ({
  applyView: (view) =>
    set((s) => {
      const next: Partial<AtlasState> = {};
      if (view.model !== undefined && view.model !== s.modelName) {
        next.modelName = view.model;
        next.modelSource = 'shipped';
      }
      if (view.hf !== undefined && (view.hf !== s.modelName || s.modelSource !== 'hub')) {
        next.modelName = view.hf;
        next.modelSource = 'hub';
      }
      if (view.text !== undefined) next.text = view.text.slice(0, MAX_TEXT);
      if (view.src !== undefined) next.src = view.src.slice(0, MAX_TEXT);
      if (view.tgt !== undefined) next.tgt = view.tgt.slice(0, MAX_TEXT);
      if (view.layer !== undefined) next.layer = view.layer;
      if (view.head !== undefined) next.head = view.head;
      if (view.mask !== undefined) next.mask = view.mask;
      if (view.prefix !== undefined) next.prefix = view.prefix;
      if (view.positional !== undefined) next.positional = view.positional;
      if (view.stage !== undefined) next.stage = view.stage;
      if (view.step !== undefined) next.step = view.step;
      if (view.stack !== undefined) next.stack = view.stack;
      if (view.attention !== undefined) next.attention = view.attention;
      if (view.ablate !== undefined) next.ablate = view.ablate;
      if (view.corrupt !== undefined) next.corrupt = view.corrupt.slice(0, MAX_TEXT);
      return next;
    }),
});

/** Builds a fresh store (tests pass their own storage; the app uses `useAtlas`). */
export function createAtlasStore(storage?: SafeStorage) {
  return create<AtlasState>()(
    persist(
      (...a) => ({
        ...createModelSlice(...a),
        ...createRunSlice(...a),
        ...createSelectionSlice(...a),
        ...createPreferencesSlice(...a),
        ...createTrainSlice(...a),
        ...createInterventionSlice(...a),
        ...createViewSlice(...a),
      }),
      preferencesPersistOptions<AtlasState>(storage),
    ),
  );
}

/** The app's store. `useAtlas(selector)` in components; `useAtlas.getState()` outside React. */
export const useAtlas = createAtlasStore();
export type AtlasStore = typeof useAtlas;
