// Adapters from the live store to the visualization kit's panels (pipeline, head overview, mask,
// positional encodings, RoPE, architecture, output bars, cost). Each marks data-panel-ready.
import { useMemo } from 'react';
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention, useTraceTensor } from '../../store/selectors';
import { tracePath } from '../../model/trace';
import type { BoolTensor, IntTensor, Tensor } from '../../model/tensor';
import { rotateAt, sinusoidalTable } from '../../model/positional';
import type { Stage } from '../../store/types';
import {
  ArchitectureDiagram,
  AttentionPipeline,
  CostPlot,
  HeadOverview,
  MaskDiagram,
  OutputBars,
  PositionSimilarity,
  RopePanel,
  SinusoidalPanel,
  type PipelineStage,
} from '../../visualizations';
import { LiveState, MatrixPanel } from './livePanels';

/** The pipeline stage a store stage points at (and back). */
const TO_PIPELINE: Partial<Record<Stage, PipelineStage>> = {
  q: 'qk',
  k: 'qk',
  v: 'weightedSum',
  scores: 'scale',
  mask: 'mask',
  weights: 'softmax',
  headOutputs: 'weightedSum',
  output: 'project',
};
const FROM_PIPELINE: Record<PipelineStage, Stage> = {
  qk: 'q',
  scale: 'scores',
  mask: 'mask',
  softmax: 'weights',
  weightedSum: 'headOutputs',
  concat: 'output',
  project: 'output',
};

/** Q×Kᵀ → ÷√dHead → mask → softmax → ×V → concat → ×W_O for the selected head, stage from the store. */
export function PipelinePanel() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const attention = useAtlas((s) => s.attention);
  const stage = useAtlas((s) => s.stage);
  const get = (f: 'q' | 'k' | 'v' | 'scores' | 'weights' | 'headOutputs' | 'output') => tracePath.attention(stack, layer, attention, f);
  const q = useTraceTensor<Tensor>(get('q'));
  const k = useTraceTensor<Tensor>(get('k'));
  const v = useTraceTensor<Tensor>(get('v'));
  const scores = useTraceTensor<Tensor>(get('scores'));
  const weights = useTraceTensor<Tensor>(get('weights'));
  const headOutputs = useTraceTensor<Tensor>(get('headOutputs'));
  const output = useTraceTensor<Tensor>(get('output'));
  const mask = useTraceTensor<BoolTensor>(tracePath.attention(stack, layer, attention, 'mask'));
  const { queryIds, keyIds } = useSelectedAttention();
  const queryTokens = piecesOf(queryIds, info?.vocab);
  const keyTokens = piecesOf(keyIds, info?.vocab);
  const ready = !!(info && q && k && v && scores && weights && headOutputs && output && mask && queryTokens.length && head < q.shape[0]);
  return (
    <LiveState ready={ready}>
      {ready && q && k && v && scores && weights && headOutputs && output && mask && (
        <AttentionPipeline
          attention={{ q, k, v, scores, mask, weights, headOutputs, output }}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          head={head}
          stage={TO_PIPELINE[stage] ?? 'qk'}
          onStageChange={(s) => useAtlas.getState().setStage(FROM_PIPELINE[s])}
          title={`Attention pipeline: ${stack} layer ${layer}, head ${head}`}
          headingLevel={3}
          testId="lesson-pipeline"
        />
      )}
    </LiveState>
  );
}

/** Every head of the selected layer; choosing one selects it in the store. */
export function HeadOverviewPanel() {
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const colorMap = useAtlas((s) => s.colorMap);
  const { weights } = useSelectedAttention();
  return (
    <LiveState ready={!!weights}>
      {weights && (
        <HeadOverview
          weights={weights}
          layer={layer}
          selectedHead={head}
          onSelectHead={(h) => useAtlas.getState().setHead(h)}
          colourMap={colorMap}
          headingLevel={3}
          testId="lesson-head-overview"
        />
      )}
    </LiveState>
  );
}

/** The mask diagrams (an illustration with its own controls), starting from a lesson's pattern. */
export function MaskPanel({ pattern, S, padding, prefix }: { pattern?: 'full' | 'causal' | 'prefix'; S?: number; padding?: number; prefix?: number }) {
  return (
    <div data-panel-ready="true">
      <MaskDiagram pattern={pattern} S={S} padding={padding ?? (pattern === 'full' ? 1 : 0)} prefix={prefix} headingLevel={3} testId="lesson-mask" />
    </div>
  );
}

/** The positional table of the loaded model: the sinusoidal formula's table, or the traced learned rows. */
export function PositionalPanel({ view = 'table' }: { view?: 'table' | 'similarity' }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const traced = useTraceTensor<Tensor>(tracePath.stack(stack, 'positional')); // [S, dModel]
  const positional = info?.config.positional;
  const sinTable = useMemo(() => (info && positional === 'sinusoidal' ? sinusoidalTable(Math.min(info.config.maxLen, 32), info.config.dModel) : null), [info, positional]);
  if (!info) return <LiveState ready={false}>{null}</LiveState>;
  if (view === 'similarity') {
    const table = sinTable ?? traced;
    return (
      <LiveState ready={!!table}>
        {table && (
          <PositionSimilarity
            table={table}
            title={`Similarity of positions PE_m · PE_n (${positional}, dModel = ${info.config.dModel})`}
            headingLevel={3}
            testId="lesson-position-similarity"
          />
        )}
      </LiveState>
    );
  }
  if (positional === 'sinusoidal')
    return (
      <div data-panel-ready="true">
        <SinusoidalPanel S={Math.min(info.config.maxLen, 32)} dModel={info.config.dModel} dims={[0, 1, 10, 11]} headingLevel={3} testId="lesson-sinusoidal" />
      </div>
    );
  return (
    <>
      {positional === 'rope' && <p className="pg-muted">This model uses RoPE: nothing is added to the embeddings (the table below is all zeros); positions act inside attention.</p>}
      <MatrixPanel field="positional" />
    </>
  );
}

/** RoPE on a real query and key of the selected head: un-rotated from the trace, then rotated by position. */
export function RoPEPanel() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const q = useTraceTensor<Tensor>(tracePath.attention(stack, layer, 'selfAttention', 'q')); // [nHeads, S, dHead], after RoPE
  const k = useTraceTensor<Tensor>(tracePath.attention(stack, layer, 'selfAttention', 'k'));
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  const tokens = piecesOf(ids, info?.vocab);
  const vectors = useMemo(() => {
    if (!q || !k || !info || q.shape.length !== 3 || head >= q.shape[0]) return null;
    const [, S, dHead] = q.shape;
    const qi = S - 1; // the last token asks
    const kj = Math.min(1, S - 1); // the first token after <bos> answers
    const rope = info.config.positional === 'rope';
    // The trace holds rotated vectors; rotating back by −pos gives the vectors before RoPE.
    const qRaw = q.data.slice((head * S + qi) * dHead, (head * S + qi + 1) * dHead);
    const kRaw = k.data.slice((head * S + kj) * dHead, (head * S + kj + 1) * dHead);
    return { q: rope ? rotateAt(qRaw, -qi) : qRaw, k: rope ? rotateAt(kRaw, -kj) : kRaw, qi, kj, rope };
  }, [q, k, info, head]);
  return (
    <LiveState ready={!!vectors}>
      {info && info.config.positional !== 'rope' && (
        <p className="pg-muted">This model does not use RoPE; the rotation below is applied to its query and key to show what RoPE would do.</p>
      )}
      {vectors && (
        <RopePanel
          key={`${vectors.qi}-${vectors.kj}`}
          q={vectors.q}
          k={vectors.k}
          qLabel={`q of “${tokens[vectors.qi] ?? vectors.qi}” (position ${vectors.qi}), head ${head}`}
          kLabel={`k of “${tokens[vectors.kj] ?? vectors.kj}” (position ${vectors.kj}), head ${head}`}
          maxPos={Math.max(vectors.qi, Math.min(info?.config.maxLen ?? 16, 16))}
          qPos={vectors.qi}
          kPos={vectors.kj}
          headingLevel={3}
          testId="lesson-rope"
        />
      )}
    </LiveState>
  );
}

/** The block diagram of the loaded model, the current stage highlighted. */
export function ArchitecturePanel() {
  const info = useAtlas(selectModelInfo);
  const stage = useAtlas((s) => s.stage);
  const stack = useAtlas((s) => s.stack);
  if (!info) return <LiveState ready={false}>{null}</LiveState>;
  const c = info.config;
  const archStage =
    stage === 'embeddings' || stage === 'tokens' ? 'embedding' : stage === 'positional' ? 'positional' : stage === 'ffn' ? `${stack}.ffn` : stage === 'logits' || stage === 'probs' ? 'deembedding' : `${stack}.selfAttention`;
  return (
    <div data-panel-ready="true">
      <ArchitectureDiagram
        arch={info.arch}
        norm={c.norm === 'pre' ? 'pre' : 'post'}
        positional={c.positional === 'learned' || c.positional === 'rope' || c.positional === 'none' ? c.positional : 'sinusoidal'}
        nLayers={c.nLayers}
        nDecoderLayers={c.nDecoderLayers}
        currentStage={archStage}
        title={`Architecture of ${info.name}`}
        headingLevel={3}
        testId="lesson-architecture"
      />
    </div>
  );
}

/** Next-token probabilities at the last position, with temperature and top-k. */
export function OutputBarsPanel() {
  const info = useAtlas(selectModelInfo);
  const logits = useTraceTensor<Tensor>(tracePath.head('logits')); // [T, V]
  const temperature = useAtlas((s) => s.temperature);
  return (
    <LiveState ready={!!logits && !!info}>
      {logits && info && (
        <OutputBars
          logits={logits}
          position={logits.shape[0] - 1}
          vocab={info.vocab}
          temperature={temperature}
          onTemperatureChange={(t) => useAtlas.getState().setTemperature(t)}
          headingLevel={3}
          testId="lesson-output-bars"
        />
      )}
    </LiveState>
  );
}

/** Work against sequence length (formula counts, an illustration). */
export function CostPanel() {
  const dModel = useAtlas((s) => s.modelInfo?.config.dModel);
  return (
    <div data-panel-ready="true">
      <CostPlot dModel={dModel ?? 64} headingLevel={3} testId="lesson-cost" />
    </div>
  );
}
