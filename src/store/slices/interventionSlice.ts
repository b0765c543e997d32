// Intervention slice: heads knocked out in every run (shared in links as `ablate=`), the logit
// lens switch, the position the journey and lens views follow, and the patching sweep's state.
import type { StateCreator } from 'zustand';
import { formatHeadRef, type HeadRef } from '../../model/interventions';
import type { SweepResult } from '../../model/patching';
import type { Tensor } from '../../model/tensor';
import type { AtlasState } from '../atlas';

/** Attention weights of both inputs of a sweep, by trace key, for the two-input diff. */
export type SweepWeights = { key: string; clean: Tensor; corrupted: Tensor }[];

export type SweepState =
  | { status: 'running'; id: number }
  | { status: 'done'; id: number; result: SweepResult; weights: SweepWeights; ms: number; clean: string; corrupted: string }
  | { status: 'error'; id: number; message: string };

export interface InterventionSlice {
  /** Heads whose output is zeroed before W_O in every run; [] = the clean model. */
  ablate: HeadRef[];
  /** Ask runs for the logit lens (lens.<stack>.<layer>); panels that show it turn it on. */
  lens: boolean;
  /** Row of the last stack the journey, lens and sweep follow; null = the last row. */
  position: number | null;
  /** The corrupted input of a patching pair (text, or the source of an encoder-decoder). */
  corrupt: string;
  sweep: SweepState | null;
  toggleAblate: (head: HeadRef) => void;
  /** One click back to the clean model. */
  restoreClean: () => void;
  setLens: (on: boolean) => void;
  setPosition: (position: number | null) => void;
  setCorrupt: (text: string) => void;
}

/** The longest list of ablated heads a link or a click can set. */
export const MAX_ABLATE = 64;

export const createInterventionSlice: StateCreator<AtlasState, [], [], InterventionSlice> = (set) => ({
  ablate: [],
  lens: false,
  position: null,
  corrupt: '',
  sweep: null,
  toggleAblate: (head) =>
    set((s) => {
      const key = formatHeadRef(head);
      const has = s.ablate.some((h) => formatHeadRef(h) === key);
      if (!has && s.ablate.length >= MAX_ABLATE) return {};
      return { ablate: has ? s.ablate.filter((h) => formatHeadRef(h) !== key) : [...s.ablate, head] };
    }),
  restoreClean: () => set({ ablate: [] }),
  setLens: (on) => set({ lens: on }),
  setPosition: (position) => set({ position: position !== null && Number.isInteger(position) && position >= 0 ? position : null }),
  setCorrupt: (text) => set({ corrupt: text.slice(0, 2000) }),
});
