// Selectors at module scope and small hooks over the store. A component re-renders only when the
// value its selector returns changes (by reference): trace tensors are new objects only when a run
// delivers them, so a panel reading one head's weights re-renders once per run, not per keystroke.
import { tracePath, traceKey, type TracePath } from '../model/trace';
import type { AnyTensor, IntTensor, Tensor, BoolTensor } from '../model/tensor';
import { useAtlas, type AtlasState } from './atlas';

export const selectModelInfo = (s: AtlasState) => s.modelInfo;
export const selectModelStatus = (s: AtlasState) => s.modelStatus;
export const selectModelError = (s: AtlasState) => s.modelError;
export const selectCatalog = (s: AtlasState) => s.catalog;
export const selectInput = (s: AtlasState) => s.input;
export const selectRunStatus = (s: AtlasState) => s.runStatus;
export const selectRunError = (s: AtlasState) => s.runError;
export const selectTrace = (s: AtlasState) => s.trace;
export const selectTraceRunId = (s: AtlasState) => s.traceRunId;
export const selectEngineNotice = (s: AtlasState) => s.engineNotice;

/** The trace array at `path` (undefined until it arrives, or when no run has made it). */
export function useTraceTensor<T extends AnyTensor = Tensor>(path: TracePath | null): T | undefined {
  const key = path ? traceKey(path) : null;
  // Numbers of another model than the one shown are never handed out (the bridge drops them too).
  return useAtlas((s) => (key && s.traceModelId === s.modelLoadId ? (s.trace.get(key) as T | undefined) : undefined));
}

/** The attention arrays of the selected stack, layer and attention kind. */
export interface SelectedAttention {
  weights?: Tensor; // [nHeads, Sq, Sk]
  scores?: Tensor; // [nHeads, Sq, Sk]
  mask?: BoolTensor; // [Sq, Sk]
  queryIds?: IntTensor; // [Sq]
  keyIds?: IntTensor; // [Sk]
}

/** Reads the selected attention sublayer's weights, scores, mask and the token ids on its axes. */
export function useSelectedAttention(): SelectedAttention {
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const attention = useAtlas((s) => s.attention);
  const weights = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'weights'));
  const scores = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'scores'));
  const mask = useTraceTensor<BoolTensor>(tracePath.attention(stack, layer, attention, 'mask'));
  const queryIds = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  // Cross-attention: the keys are the encoder's tokens.
  const keyIds = useTraceTensor<IntTensor>(tracePath.stack(attention === 'crossAttention' ? 'encoder' : stack, 'tokens'));
  return { weights, scores, mask, queryIds, keyIds };
}

/** The vocabulary pieces for token ids (ids without a piece show as their number). */
export function piecesOf(ids: IntTensor | undefined, vocab: readonly string[] | undefined): string[] {
  if (!ids) return [];
  return Array.from(ids.data, (id) => vocab?.[id] ?? String(id));
}
