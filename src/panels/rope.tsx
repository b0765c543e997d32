// `rope`: RoPE on a real query and key of the selected head: un-rotated from the trace, then
// rotated by position.
import { useMemo } from 'react';
import { useAtlas } from '../store/atlas';
import { piecesOf, selectModelInfo, useTraceTensor } from '../store/selectors';
import { tracePath } from '../model/trace';
import type { IntTensor, Tensor } from '../model/tensor';
import { rotateAt } from '../model/positional';
import { RopePanel } from '../visualizations/RopePanel';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

export interface RopeOptions {
  /** Lesson 3's two steps: the rotating pairs, then the relative angle (the panel shows both). */
  view?: 'pairs' | 'relative';
}

function RoPEPanel({ ctx }: { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const q = useTraceTensor<Tensor>(tracePath.attention(stack, layer, 'selfAttention', 'q')); // [nHeads, S, dHead], after RoPE
  const k = useTraceTensor<Tensor>(tracePath.attention(stack, layer, 'selfAttention', 'k')); // [nHeads, S, dHead]
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  const tokens = piecesOf(ids, info?.vocab);
  const vectors = useMemo(() => {
    if (!q || !k || !info || q.shape.length !== 3 || head >= q.shape[0]) return null;
    const [, S, dHead] = q.shape;
    const qi = S - 1; // the last token asks
    const kj = Math.min(1, S - 1); // the first token after <bos> answers
    const rope = info.config.positional === 'rope';
    // The trace holds rotated vectors; rotating back by −pos gives the vectors before RoPE.
    const qRaw = q.data.slice((head * S + qi) * dHead, (head * S + qi + 1) * dHead); // [dHead]
    const kRaw = k.data.slice((head * S + kj) * dHead, (head * S + kj + 1) * dHead); // [dHead]
    return { q: rope ? rotateAt(qRaw, -qi) : qRaw, k: rope ? rotateAt(kRaw, -kj) : kRaw, qi, kj };
  }, [q, k, info, head]);
  return (
    <LiveState ready={!!vectors}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {info && info.config.positional !== 'rope' && (
        <p className="pg-muted">This model does not use RoPE; the rotation below is applied to its query and key to show what RoPE would do.</p>
      )}
      {vectors && (
        <RopePanel
          q={vectors.q}
          k={vectors.k}
          qLabel={`q of “${tokens[vectors.qi] ?? vectors.qi}”, head ${head}`}
          kLabel={`k of “${tokens[vectors.kj] ?? vectors.kj}”, head ${head}`}
          maxPos={Math.min(info?.config.maxLen ?? 16, 16)}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('rope')}
        />
      )}
    </LiveState>
  );
}

export const ropePanel = definePanel<RopeOptions>({
  title: 'Rotary position embedding',
  selfTitled: true,
  render: (_o, ctx) => <RoPEPanel ctx={ctx} />,
});
