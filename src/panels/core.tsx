// `attention-core`, `multi-head`, `residual-add` and `ffn-activations`: the figures of
// src/visualizations/core fed from the selected stack, layer, attention and head.
import { useAtlas } from '../store/atlas';
import { piecesOf, selectModelInfo, useTraceTensor } from '../store/selectors';
import { tracePath, type AttentionField } from '../model/trace';
import type { BoolTensor, IntTensor, Tensor } from '../model/tensor';
import type { Stage } from '../store/types';
import { AttentionCore, CORE_STAGES, type CoreStage } from '../visualizations/core/AttentionCore';
import { MultiHead, type MultiHeadPart } from '../visualizations/core/MultiHead';
import { ResidualAdd } from '../visualizations/core/Residual';
import { FfnTopUnits } from '../visualizations/core/FfnTopUnits';
import { Tex } from '../components/Tex';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { LiveState } from './LiveState';
import { useAttentionAxes } from './axes';
import { definePanel, type PanelContext } from './types';

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
    input: useTraceTensor<Tensor>(get('input')), // [Sq, dModel]
    q: useTraceTensor<Tensor>(get('q')), // [nHeads, Sq, dHead]
    k: useTraceTensor<Tensor>(get('k')), // [nHeads, Sk, dHead]
    v: useTraceTensor<Tensor>(get('v')), // [nHeads, Sk, dHead]
    scores: useTraceTensor<Tensor>(get('scores')), // [nHeads, Sq, Sk]
    mask: useTraceTensor<BoolTensor>(get('mask')), // [Sq, Sk]
    weights: useTraceTensor<Tensor>(get('weights')), // [nHeads, Sq, Sk]
    headOutputs: useTraceTensor<Tensor>(get('headOutputs')), // [nHeads, Sq, dHead]
    output: useTraceTensor<Tensor>(get('output')), // [Sq, dModel]
  };
}

const renderFormula = (tex: string) => <Tex>{tex}</Tex>;

export interface CoreOptions {
  /** The stage to open at, 1–6 (embeds); without it, the step's stage. */
  step?: number;
}

function AttentionCorePanel({ step, ctx }: CoreOptions & { ctx: PanelContext }) {
  const head = useAtlas((s) => s.head);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const attention = useAtlas((s) => s.attention);
  const stage = useAtlas((s) => s.stage);
  const a = useAttentionArrays();
  const { info, queryTokens, keyTokens } = useAttentionAxes();
  const { q, k, v, scores, mask, weights, headOutputs } = a;
  const ready = !!(info && q && k && v && scores && mask && weights && headOutputs && queryTokens.length && head < q.shape[0]);
  const cross = attention === 'crossAttention';
  const notes = [
    cross && 'Cross-attention: Q comes from this X; K and V come from the encoder output (not drawn).',
    info?.config.positional === 'rope' && !cross && 'This model uses RoPE: q and k are drawn after their rotation by position.',
  ].filter(Boolean);
  const initial = step ? CORE_STAGES[Math.min(CORE_STAGES.length, Math.max(1, step)) - 1] : CORE_STAGE[stage];
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {ready && q && k && v && scores && mask && weights && headOutputs && (
        <AttentionCore
          key={`${initial}-${stack}-${layer}-${attention}`}
          attention={{ q, k, v, scores, mask, weights, headOutputs }}
          x={a.input}
          xLabel={info?.config.norm === 'pre' ? 'X = LayerNorm(x)' : 'X = x, the layer input'}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          head={head}
          initialStage={initial}
          note={notes.length ? notes.join(' ') : undefined}
          renderFormula={renderFormula}
          title={`The attention core: ${stack} layer ${layer}, ${cross ? 'cross' : 'self'}-attention, head ${head}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('core')}
        />
      )}
    </LiveState>
  );
}

export const attentionCorePanel = definePanel<CoreOptions>({
  title: 'The attention core',
  selfTitled: true,
  render: (o, ctx) => <AttentionCorePanel {...o} ctx={ctx} />,
});

export interface MultiHeadOptions {
  /** Which parts to draw, comma-separated: split, weights, concat (default all). */
  parts?: string;
}

function MultiHeadPanel({ parts, ctx }: MultiHeadOptions & { ctx: PanelContext }) {
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const colorMap = useAtlas((s) => s.colorMap);
  const a = useAttentionArrays();
  const { q, k, v, weights, headOutputs, output } = a;
  const { info, queryTokens, keyTokens } = useAttentionAxes();
  const ready = !!(info && q && k && v && weights && headOutputs && output && queryTokens.length);
  const shown = parts?.split(',').filter((p): p is MultiHeadPart => p === 'split' || p === 'weights' || p === 'concat');
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} heads={false} />}
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
          parts={shown?.length ? shown : undefined}
          title={`${q.shape[0]} heads of ${stack} layer ${layer}: split, attend, concatenate, mix`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('multi-head')}
        />
      )}
    </LiveState>
  );
}

export const multiHeadPanel = definePanel<MultiHeadOptions>({
  title: 'Heads side by side',
  selfTitled: true,
  render: (o, ctx) => <MultiHeadPanel {...o} ctx={ctx} />,
});

export interface ResidualOptions {
  /** Around which sublayer: self-attention (default) or the feed-forward. */
  sublayer?: 'attention' | 'ffn';
}

function ResidualAddPanel({ sublayer = 'attention', ctx }: ResidualOptions & { ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  const xPath =
    sublayer === 'ffn'
      ? tracePath.layer(stack, layer, 'ffnResidual')
      : layer === 0
        ? tracePath.stack(stack, 'input')
        : tracePath.layer(stack, layer - 1, 'output');
  const deltaPath = sublayer === 'ffn' ? tracePath.layer(stack, layer, 'ffnOutput') : tracePath.attention(stack, layer, 'selfAttention', 'output');
  const x = useTraceTensor<Tensor>(xPath); // [S, dModel]
  const delta = useTraceTensor<Tensor>(deltaPath); // [S, dModel]
  const tokens = piecesOf(ids, info?.vocab);
  const ready = !!(info && x && delta && tokens.length);
  const name = sublayer === 'ffn' ? 'feed-forward' : 'self-attention';
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} heads={false} />}
      {ready && x && delta && info && (
        <ResidualAdd
          x={x}
          delta={delta}
          tokens={tokens}
          sublayer={name}
          norm={info.config.norm === 'pre' ? 'pre' : 'post'}
          title={`The residual connection around ${name}: ${stack} layer ${layer}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('residual-add')}
        />
      )}
    </LiveState>
  );
}

export const residualAddPanel = definePanel<ResidualOptions>({
  title: 'The residual connection',
  selfTitled: true,
  render: (o, ctx) => <ResidualAddPanel {...o} ctx={ctx} />,
});

/** How many hidden units are switched off: exactly 0 (ReLU) or at most 0 (GELU dips slightly below 0). */
function ZeroShare({ hidden }: { hidden: Tensor }) {
  let zeros = 0;
  let atMostZero = 0;
  for (const v of hidden.data) {
    if (v === 0) zeros++;
    if (v <= 0) atMostZero++;
  }
  const n = hidden.data.length;
  const pct = (c: number) => ((100 * c) / Math.max(1, n)).toFixed(0);
  return (
    <p className="pg-muted" data-testid="ffn-zero-share">
      Of {n} hidden activations ({hidden.shape[0]} tokens × {hidden.shape[1]} units): {zeros} exactly 0 ({pct(zeros)}%), {atMostZero} at or below 0 ({pct(atMostZero)}%).
    </p>
  );
}

/** The selected layer's FFN activations: the most active hidden units per token (a strip on demand). No head picker: the FFN has no heads. */
function FfnPanel({ summary, ctx }: { summary?: boolean; ctx: PanelContext }) {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const hidden = useTraceTensor<Tensor>(tracePath.layer(stack, layer, 'ffnHidden')); // [S, dFF]
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  const tokens = piecesOf(ids, info?.vocab);
  const ready = !!(info && hidden && tokens.length);
  return (
    <LiveState ready={ready}>
      {ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} heads={false} />}
      {ready && hidden && (
        <>
          <FfnTopUnits
            hidden={hidden}
            tokens={tokens}
            title={`Feed-forward hidden activations: ${stack} layer ${layer}, the most active units of dFF = ${hidden.shape[1]} per token`}
            headingLevel={ctx.headingLevel}
            testId={ctx.testId('ffn')}
          />
          {summary && <ZeroShare hidden={hidden} />}
        </>
      )}
    </LiveState>
  );
}

export const ffnActivationsPanel = definePanel<{ summary?: boolean }>({
  title: 'Feed-forward activations',
  selfTitled: true,
  render: (o, ctx) => <FfnPanel summary={o.summary} ctx={ctx} />,
});
