// The selection every attention panel reads: the model, the selected stack/layer/attention/head,
// its traced weights, scores and mask, and the token pieces on the query and key axes.
import { useShallow } from 'zustand/react/shallow';
import { useAtlas } from '../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention } from '../store/selectors';

/** What the attention panels look at; re-renders only when one of these fields changes. */
export function useSelection() {
  return useAtlas(useShallow((s) => ({ stack: s.stack, layer: s.layer, attention: s.attention, head: s.head, colorMap: s.colorMap })));
}

/** The selected attention with the token pieces on its axes. */
export function useAttentionAxes() {
  const info = useAtlas(selectModelInfo);
  const a = useSelectedAttention();
  return { info, ...a, queryTokens: piecesOf(a.queryIds, info?.vocab), keyTokens: piecesOf(a.keyIds, info?.vocab) };
}

/** "decoder layer 1, cross-attention": where the selection points, for titles. */
export function where(s: { stack: string; layer: number; attention: string }): string {
  return `${s.stack} layer ${s.layer}, ${s.attention === 'crossAttention' ? 'cross-attention' : 'self-attention'}`;
}
