// Model slice: which model is chosen, its loading status, config and vocabulary, and the engine's state.
import type { StateCreator } from 'zustand';
import type { ModelInfo, ShippedModel } from '../types';
import type { AtlasState } from '../atlas';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ModelSlice {
  /** The chosen model: a shipped model's name, or the file name of a dropped/picked model. */
  modelName: string | null;
  modelSource: 'shipped' | 'file' | null;
  modelStatus: LoadStatus;
  /** Config, vocabulary and tokenizer of the loaded model (null until loaded). */
  modelInfo: ModelInfo | null;
  /** Why the last model could not be loaded (a refused file names its problem). */
  modelError: string | null;
  /** Shipped models from public/models/index.json. */
  catalog: ShippedModel[];
  catalogStatus: LoadStatus;
  /** Where the model runs: in the worker, or on the main thread where no worker can start. */
  engineMode: 'pending' | 'worker' | 'main';
  /** A message for the user about the engine (e.g. it crashed and was restarted). */
  engineNotice: string | null;
  /** Chooses a shipped model by name; the bridge loads it. */
  selectModel: (name: string) => void;
  dismissEngineNotice: () => void;
}

export const createModelSlice: StateCreator<AtlasState, [], [], ModelSlice> = (set) => ({
  modelName: null,
  modelSource: null,
  modelStatus: 'idle',
  modelInfo: null,
  modelError: null,
  catalog: [],
  catalogStatus: 'idle',
  engineMode: 'pending',
  engineNotice: null,
  // Another model starts with its own positional scheme (an override may not fit it).
  selectModel: (name) =>
    set((s) => (name === s.modelName ? { modelSource: 'shipped' } : { modelName: name, modelSource: 'shipped', positional: null, ablate: [], sweep: null, position: null })),
  dismissEngineNotice: () => set({ engineNotice: null }),
});
