// Run slice: the input (text and its tokens), the run options, and the streamed trace of the latest run.
import type { StateCreator } from 'zustand';
import type { TraceMap } from '../../model/trace';
import { POSITIONAL_CHOICES, type MaskChoice, type PositionalChoice, type TokenizedSequence } from '../types';
import type { AtlasState } from '../atlas';

/** The tokenized input of the current run: one sequence, or source and target (encoder-decoder). */
export type TokenizedInput =
  | { kind: 'single'; seq: TokenizedSequence }
  | { kind: 'pair'; src: TokenizedSequence; tgt: TokenizedSequence };

export type RunStatus = 'idle' | 'running' | 'done' | 'error';

export interface RunSlice {
  /** Input text of encoder-only and decoder-only models. */
  text: string;
  /** Source and target text of encoder-decoder models. */
  src: string;
  tgt: string;
  /** Self-attention mask of the last stack; null = the model's default (causal for a decoder, full for an encoder). */
  mask: MaskChoice | null;
  /** Length of the fully visible prefix for the 'prefix' mask. */
  prefix: number;
  /** Positional scheme for the runs, in place of the model's own (lesson 3); null = the model's own. */
  positional: PositionalChoice | null;
  temperature: number;
  /** The text above as tokens (set by the bridge when the model or the text changes). */
  input: TokenizedInput | null;
  /** The latest requested run; results of any other run are dropped. */
  runId: number;
  runStatus: RunStatus;
  runError: string | null;
  /** Traced arrays of the run `traceRunId`, by traceKey; replaced (not mutated) on every write. */
  trace: TraceMap;
  traceRunId: number;
  /** The model load (`modelLoadId`) whose engine computed the trace. */
  traceModelId: number;
  /** Generation step the trace belongs to (0 for a plain forward pass). */
  traceStep: number;
  /** Worker time of the last finished run, in ms. */
  runMs: number | null;
  /** True while tokens are being generated step by step. */
  generating: boolean;
  setText: (text: string) => void;
  setSource: (src: string) => void;
  setTarget: (tgt: string) => void;
  setMask: (mask: MaskChoice | null, prefix?: number) => void;
  setTemperature: (t: number) => void;
  setPositional: (positional: PositionalChoice | null) => void;
}

export const MAX_TEXT = 2000;

export const createRunSlice: StateCreator<AtlasState, [], [], RunSlice> = (set) => ({
  text: '',
  src: '',
  tgt: '',
  mask: null,
  prefix: 0,
  positional: null,
  temperature: 1,
  input: null,
  runId: 0,
  runStatus: 'idle',
  runError: null,
  trace: new Map(),
  traceRunId: 0,
  traceModelId: 0,
  traceStep: 0,
  runMs: null,
  generating: false,
  setText: (text) => set({ text: text.slice(0, MAX_TEXT) }),
  setSource: (src) => set({ src: src.slice(0, MAX_TEXT) }),
  setTarget: (tgt) => set({ tgt: tgt.slice(0, MAX_TEXT) }),
  setMask: (mask, prefix) =>
    set((s) => ({ mask, prefix: prefix !== undefined && Number.isInteger(prefix) && prefix >= 0 ? prefix : s.prefix })),
  setTemperature: (t) => set({ temperature: Number.isFinite(t) && t > 0 ? t : 1 }),
  setPositional: (positional) =>
    set({ positional: positional !== null && POSITIONAL_CHOICES.includes(positional) ? positional : null }),
});
