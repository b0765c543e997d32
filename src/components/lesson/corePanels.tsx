// Adapters from the live store to the figures of src/visualizations/core: the attention core, the
// multi-head split and the residual stream. Each marks data-panel-ready through LiveState.
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention, useTraceTensor } from '../../store/selectors';
import { tracePath, type AttentionField } from '../../model/trace';
import type { BoolTensor, Tensor } from '../../model/tensor';
import type { Stage } from '../../store/types';
import { AttentionCore, type CoreStage } from '../../visualizations/core/AttentionCore';
import { Tex } from '../Tex';
import { LayerHeadPicker } from '../LayerHeadPicker';
import { LiveState } from './livePanels';

/** The core stage a store stage points at. */
const CORE_STAGE: Partial<Record<Stage, CoreStage>> = {
  q: 'project',
  k: 'project',
  v: 'project',
  scores: 'scale',
  mask: 'mask',
  weights: 'softmax',
  headOutputs: 'sum',
};

/** The selected attention sublayer's traced arrays (undefined until they arrive). */
function useAttentionArrays() {
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const attention = useAtlas((s) => s.attention);
  const get = (f: AttentionField) => tracePath.attention(stack, layer, attention, f);
  return {
    input: useTraceTensor<Tensor>(get('input')),
    q: useTraceTensor<Tensor>(get('q')),
    k: useTraceTensor<Tensor>(get('k')),
    v: useTraceTensor<Tensor>(get('v')),
    scores: useTraceTensor<Tensor>(get('scores')),
    mask: useTraceTensor<BoolTensor>(get('mask')),
    weights: useTraceTensor<Tensor>(get('weights')),
    headOutputs: useTraceTensor<Tensor>(get('headOutputs')),
    output: useTraceTensor<Tensor>(get('output')),
  };
}

const renderFormula = (tex: string) => <Tex>{tex}</Tex>;

/** X → Q, K, V → one query's weights → the weighted sum of values, for the selected head. */
export function AttentionCorePanel({ testId = 'lesson-core' }: { testId?: string }) {
  const info = useAtlas(selectModelInfo);
  const head = useAtlas((s) => s.head);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const attention = useAtlas((s) => s.attention);
  const stage = useAtlas((s) => s.stage);
  const a = useAttentionArrays();
  const { queryIds, keyIds } = useSelectedAttention();
  const queryTokens = piecesOf(queryIds, info?.vocab);
  const keyTokens = piecesOf(keyIds, info?.vocab);
  const { q, k, v, scores, mask, weights, headOutputs } = a;
  const ready = !!(info && q && k && v && scores && mask && weights && headOutputs && queryTokens.length && head < q.shape[0]);
  const pre = info?.config.norm === 'pre';
  const cross = attention === 'crossAttention';
  const xLabel = pre ? 'X = LayerNorm(x)' : 'X = x, the layer input';
  const notes = [
    cross && 'Cross-attention: Q comes from this X; K and V come from the encoder output (not drawn).',
    info?.config.positional === 'rope' && !cross && 'This model uses RoPE: q and k are drawn after their rotation by position.',
  ].filter(Boolean);
  return (
    <LiveState ready={ready}>
      <LayerHeadPicker testIdPrefix="lesson" />
      {ready && q && k && v && scores && mask && weights && headOutputs && (
        <AttentionCore
          key={`${stage}-${stack}-${layer}-${attention}`}
          attention={{ q, k, v, scores, mask, weights, headOutputs }}
          x={a.input}
          xLabel={xLabel}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          head={head}
          initialStage={CORE_STAGE[stage]}
          note={notes.length ? notes.join(' ') : undefined}
          renderFormula={renderFormula}
          title={`The attention core: ${stack} layer ${layer}, ${cross ? 'cross' : 'self'}-attention, head ${head}`}
          headingLevel={3}
          testId={testId}
        />
      )}
    </LiveState>
  );
}
