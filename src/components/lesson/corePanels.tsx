// Adapters from the live store to the figures of src/visualizations/core: the attention core, the
// multi-head split and the residual stream. Each marks data-panel-ready through LiveState.
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention, useTraceTensor } from '../../store/selectors';
import { tracePath, type AttentionField } from '../../model/trace';
import type { BoolTensor, IntTensor, Tensor } from '../../model/tensor';
import type { Stage } from '../../store/types';
import { AttentionCore, type CoreStage } from '../../visualizations/core/AttentionCore';
import { MultiHead } from '../../visualizations/core/MultiHead';
import { ResidualAdd } from '../../visualizations/core/Residual';
import { FfnTopUnits } from '../../visualizations/core/FfnTopUnits';
import type { ReactNode } from 'react';
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
export function AttentionCorePanel({ testId = 'lesson-core', picker = true, stage: fixedStage, headingLevel = 3 }: { testId?: string; picker?: boolean; stage?: CoreStage; headingLevel?: 2 | 3 }) {
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
      {picker && <LayerHeadPicker testIdPrefix="lesson" />}
      {ready && q && k && v && scores && mask && weights && headOutputs && (
        <AttentionCore
          key={`${stage}-${stack}-${layer}-${attention}`}
          attention={{ q, k, v, scores, mask, weights, headOutputs }}
          x={a.input}
          xLabel={xLabel}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          head={head}
          initialStage={fixedStage ?? CORE_STAGE[stage]}
          note={notes.length ? notes.join(' ') : undefined}
          renderFormula={renderFormula}
          title={`The attention core: ${stack} layer ${layer}, ${cross ? 'cross' : 'self'}-attention, head ${head}`}
          headingLevel={headingLevel}
          testId={testId}
        />
      )}
    </LiveState>
  );
}

/** The selected layer's heads: Q, K, V cut into heads, each head's weights, concat and W_O. */
export function MultiHeadPanel({ parts, testId = 'lesson-multi-head' }: { parts?: readonly ('split' | 'weights' | 'concat')[]; testId?: string }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const colorMap = useAtlas((s) => s.colorMap);
  const a = useAttentionArrays();
  const { q, k, v, weights, headOutputs, output } = a;
  const { queryIds, keyIds } = useSelectedAttention();
  const queryTokens = piecesOf(queryIds, info?.vocab);
  const keyTokens = piecesOf(keyIds, info?.vocab);
  const ready = !!(info && q && k && v && weights && headOutputs && output && queryTokens.length);
  return (
    <LiveState ready={ready}>
      {ready && q && k && v && weights && headOutputs && output && (
        <MultiHead
          q={q}
          k={k}
          v={v}
          weights={weights}
          headOutputs={headOutputs}
          output={output}
          mask={a.mask}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          colourMap={colorMap}
          parts={parts}
          title={`${q.shape[0]} heads of ${stack} layer ${layer}: split, attend, concatenate, mix`}
          headingLevel={3}
          testId={testId}
        />
      )}
    </LiveState>
  );
}

/** x, what the selected layer's self-attention or feed-forward adds, and their sum, per token. */
export function ResidualAddPanel({ sublayer, testId = 'lesson-residual-add' }: { sublayer: 'attention' | 'ffn'; testId?: string }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  const xPath =
    sublayer === 'ffn'
      ? tracePath.layer(stack, layer, 'ffnResidual')
      : layer === 0
        ? tracePath.stack(stack, 'input')
        : tracePath.layer(stack, layer - 1, 'output');
  const deltaPath = sublayer === 'ffn' ? tracePath.layer(stack, layer, 'ffnOutput') : tracePath.attention(stack, layer, 'selfAttention', 'output');
  const x = useTraceTensor<Tensor>(xPath);
  const delta = useTraceTensor<Tensor>(deltaPath);
  const tokens = piecesOf(ids, info?.vocab);
  const ready = !!(info && x && delta && tokens.length);
  const name = sublayer === 'ffn' ? 'feed-forward' : 'self-attention';
  return (
    <LiveState ready={ready}>
      {ready && x && delta && info && (
        <ResidualAdd
          x={x}
          delta={delta}
          tokens={tokens}
          sublayer={name}
          norm={info.config.norm === 'pre' ? 'pre' : 'post'}
          title={`The residual connection around ${name}: ${stack} layer ${layer}`}
          headingLevel={3}
          testId={testId}
        />
      )}
    </LiveState>
  );
}

/** The selected layer's feed-forward activations: most active hidden units per token (a strip on demand). No head picker: the FFN has no heads. */
export function FfnPanel({ children }: { children?: (m: { values: Float32Array; rows: number; cols: number }) => ReactNode }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const hidden = useTraceTensor<Tensor>(tracePath.layer(stack, layer, 'ffnHidden'));
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  const tokens = piecesOf(ids, info?.vocab);
  const ready = !!(info && hidden && tokens.length);
  return (
    <LiveState ready={ready}>
      <LayerHeadPicker testIdPrefix="lesson" heads={false} />
      {ready && hidden && (
        <>
          <FfnTopUnits
            hidden={hidden}
            tokens={tokens}
            title={`Feed-forward hidden activations: ${stack} layer ${layer}, the most active units of dFF = ${hidden.shape[1]} per token`}
            headingLevel={3}
            testId="lesson-ffn"
          />
          {children?.({ values: hidden.data, rows: hidden.shape[0], cols: hidden.shape[1] })}
        </>
      )}
    </LiveState>
  );
}
