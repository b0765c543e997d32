// Selection slice: what the panels look at (layer, head, stack, stage) and the hovered or pinned cell.
import type { StateCreator } from 'zustand';
import type { Stage } from '../types';
import type { AtlasState } from '../atlas';

/** One attention cell: rows are queries, columns are keys. */
export interface Cell {
  query: number;
  key: number;
}

export interface SelectionSlice {
  layer: number;
  head: number;
  stack: 'encoder' | 'decoder';
  attention: 'selfAttention' | 'crossAttention';
  stage: Stage;
  /** A step within the current view (a lesson's reveal step or a generation step). */
  step: number;
  hover: Cell | null;
  pinned: Cell | null;
  setLayer: (layer: number) => void;
  setHead: (head: number) => void;
  setStack: (stack: 'encoder' | 'decoder') => void;
  setAttention: (attention: 'selfAttention' | 'crossAttention') => void;
  setStage: (stage: Stage) => void;
  setStep: (step: number) => void;
  setHover: (cell: Cell | null) => void;
  /** Pins a cell (or unpins with null); pinning the pinned cell again unpins it. */
  togglePinned: (cell: Cell | null) => void;
}

const natural = (n: number) => Number.isInteger(n) && n >= 0;

export const createSelectionSlice: StateCreator<AtlasState, [], [], SelectionSlice> = (set) => ({
  layer: 0,
  head: 0,
  stack: 'encoder',
  attention: 'selfAttention',
  stage: 'weights',
  step: 0,
  hover: null,
  pinned: null,
  setLayer: (layer) => natural(layer) && set({ layer }),
  setHead: (head) => natural(head) && set({ head }),
  setStack: (stack) => set({ stack }),
  setAttention: (attention) => set({ attention }),
  setStage: (stage) => set({ stage }),
  setStep: (step) => natural(step) && set({ step }),
  setHover: (hover) => set({ hover }),
  togglePinned: (cell) =>
    set((s) => ({
      pinned: cell && s.pinned && s.pinned.query === cell.query && s.pinned.key === cell.key ? null : cell,
    })),
});
