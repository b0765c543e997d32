// Model slice: which model is chosen, its loading status, config and vocabulary, and the engine's state.
import type { StateCreator } from 'zustand';
import type { ModelInfo, ShippedModel } from '../types';
import type { AtlasState } from '../atlas';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/** A Hugging Face checkpoint being opened: its sizes (known before reading), then progress. */
export interface CheckpointProgress {
  name: string;
  source: 'files' | 'hub';
  /** sizing: reading headers; confirm: sizes known, waiting for the user to download; download, read: progress. */
  phase: 'sizing' | 'confirm' | 'download' | 'read';
  family?: string;
  downloadBytes?: number;
  memoryBytes?: number;
  loaded: number;
  total: number;
}

export interface ModelSlice {
  /** The chosen model: a shipped model's name, or the file name of a dropped/picked model. */
  modelName: string | null;
  /** shipped: public/models; file: dropped or picked (our file or a Hugging Face checkpoint); hub: a Hub repo (owner/name). */
  modelSource: 'shipped' | 'file' | 'hub' | null;
  /** A Hugging Face checkpoint being opened (null when none). */
  checkpoint: CheckpointProgress | null;
  modelStatus: LoadStatus;
  /** Config, vocabulary and tokenizer of the loaded model (null until loaded). */
  modelInfo: ModelInfo | null;
  /** The load that produced `modelInfo` (0 before any): runs and their traces carry it, so numbers of another model are never drawn. */
  modelLoadId: number;
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
  checkpoint: null,
  modelStatus: 'idle',
  modelInfo: null,
  modelLoadId: 0,
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
