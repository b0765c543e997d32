// The embed's model-backed widgets: each reads the live run from the store (filled by the engine,
// in a worker or on the main thread) and draws one panel of the visualization kit. Loaded lazily.
import { useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention, useTraceTensor } from '../../store/selectors';
import { tracePath } from '../../model/trace';
import type { Tensor } from '../../model/tensor';
import { AttentionHeatmap } from '../../visualizations/AttentionHeatmap';
import { TokenLines } from '../../visualizations/TokenLines';
import { AttentionPipeline, PIPELINE_STAGES, type PipelineStage } from '../../visualizations/AttentionPipeline';
import { MaskDiagram } from '../../visualizations/MaskDiagram';
import { PositionSimilarity, SinusoidalPanel } from '../../visualizations/PositionalPanels';
import { RopePanel } from '../../visualizations/RopePanel';
import { ArchitectureDiagram } from '../../visualizations/ArchitectureDiagram';
import type { ArchStage, NormPlacement } from '../../visualizations/architecture';
import { OutputBars } from '../../visualizations/OutputBars';
import { headCount, headMatrix } from '../../visualizations/tensorView';
import { sinusoidalTable } from '../../model/positional';
import { LiveState } from '../../components/lesson/livePanels';
import { InputEditor } from '../../components/playground/InputEditor';
import '../../components/playground/playground.css';
import type { EmbedConfig } from '../params';
import { LayerHeadPicker } from '../../components/LayerHeadPicker';

export interface WidgetProps {
  config: EmbedConfig;
}

/** The input box (controls=full only): readers can type their own text. */
function Controls({ config, picker = true }: { config: EmbedConfig; picker?: boolean }) {
  if (config.controls === 'none') return null;
  return (
    <div className="embed-controls">
      {config.controls === 'full' && <InputEditor />}
      {picker && <LayerHeadPicker testIdPrefix="embed" />}
    </div>
  );
}


/** Token pieces on the query and key axes of the selected attention. */
function useAxes() {
  const info = useAtlas(selectModelInfo);
  const a = useSelectedAttention();
  return { info, ...a, queryTokens: piecesOf(a.queryIds, info?.vocab), keyTokens: piecesOf(a.keyIds, info?.vocab) };
}

function Live({ ready, children }: { ready: boolean; children: ReactNode }) {
  return <LiveState ready={ready}>{ready ? children : null}</LiveState>;
}

function where(s: { stack: string; layer: number; attention: string }) {
  return `${s.stack} layer ${s.layer}, ${s.attention === 'crossAttention' ? 'cross-attention' : 'self-attention'}`;
}

export function HeatmapWidget({ config }: WidgetProps) {
  const { info, weights, scores, mask, queryTokens, keyTokens } = useAxes();
  const sel = useSelection();
  const ready = !!info && !!weights && queryTokens.length > 0 && sel.head < headCount(weights);
  return (
    <>
      <Controls config={config} />
      <Live ready={ready}>
        {info && weights && (
          <AttentionHeatmap
            weights={weights}
            scores={scores}
            mask={mask}
            head={sel.head}
            show={config.show}
            queryTokens={queryTokens}
            keyTokens={keyTokens}
            dHead={info.config.dModel / info.config.nHeads}
            colourMap={sel.colorMap}
            title={`${config.show === 'scores' ? 'Scores' : 'Weights'}: ${where(sel)}, head ${sel.head}`}
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

export function LinesWidget({ config }: WidgetProps) {
  const { info, weights, queryTokens, keyTokens } = useAxes();
  const sel = useSelection();
  const ready = !!info && !!weights && queryTokens.length > 0;
  // One head when the author named one; otherwise every head of the layer, as in BertViz's head view.
  const heads = config.head !== undefined && weights && config.head < headCount(weights) ? [sel.head] : undefined;
  return (
    <>
      <Controls config={config} />
      <Live ready={ready}>
        {weights && (
          <TokenLines
            weights={weights}
            queryTokens={queryTokens}
            keyTokens={keyTokens}
            kind={sel.attention === 'crossAttention' ? 'cross' : 'self'}
            heads={heads}
            title={`Token lines: ${where(sel)}${heads ? `, head ${sel.head}` : ', every head'}`}
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

export function StepsWidget({ config }: WidgetProps) {
  const { info, weights, scores, mask, queryTokens, keyTokens } = useAxes();
  const sel = useSelection();
  const at = (f: 'q' | 'k' | 'v' | 'headOutputs' | 'output') => tracePath.attention(sel.stack, sel.layer, sel.attention, f);
  const q = useTraceTensor<Tensor>(at('q'));
  const k = useTraceTensor<Tensor>(at('k'));
  const v = useTraceTensor<Tensor>(at('v'));
  const headOutputs = useTraceTensor<Tensor>(at('headOutputs'));
  const output = useTraceTensor<Tensor>(at('output'));
  const [stage, setStage] = useState<PipelineStage>(PIPELINE_STAGES[Math.min(PIPELINE_STAGES.length, config.step ?? 1) - 1]);
  const ready = !!info && !!q && !!k && !!v && !!scores && !!mask && !!weights && !!headOutputs && !!output && queryTokens.length > 0 && sel.head < headCount(q);
  return (
    <>
      <Controls config={config} />
      <Live ready={ready}>
        {q && k && v && scores && mask && weights && headOutputs && output && (
          <AttentionPipeline
            attention={{ q, k, v, scores, mask, weights, headOutputs, output }}
            queryTokens={queryTokens}
            keyTokens={keyTokens}
            head={sel.head}
            stage={stage}
            onStageChange={setStage}
            title={`The attention pipeline: ${where(sel)}, head ${sel.head}`}
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

export function MaskWidget({ config }: WidgetProps) {
  const { info, scores, queryTokens, keyTokens } = useAxes();
  const sel = useSelection();
  const maskChoice = useAtlas((s) => s.mask);
  const prefix = useAtlas((s) => s.prefix);
  const self = sel.attention === 'selfAttention';
  const ready = !!info && !!scores && queryTokens.length > 0 && sel.head < headCount(scores);
  const S = queryTokens.length;
  const pattern = maskChoice ?? (info?.arch === 'encoder-only' ? 'full' : 'causal');
  const headScores = ready && scores && self && S === keyTokens.length ? headMatrix(scores, sel.head) : null;
  return (
    <>
      <Controls config={config} />
      <Live ready={ready}>
        <MaskDiagram
          key={`${S}-${pattern}-${prefix}`}
          S={S}
          padding={0}
          prefix={prefix}
          pattern={pattern}
          maxS={Math.max(12, S)}
          scores={headScores ? ({ data: headScores.values, shape: [S, S] } as Tensor) : null}
          tokens={queryTokens}
          title={`Masks on the scores of ${where(sel)}, head ${sel.head}`}
          headingLevel={2}
          testId="embed-panel"
        />
      </Live>
    </>
  );
}

export function PositionalWidget({ config }: WidgetProps) {
  const info = useAtlas(selectModelInfo);
  const input = useAtlas((s) => s.input);
  const S = Math.max(8, Math.min(64, input?.kind === 'single' ? input.seq.tokens.length : input?.kind === 'pair' ? input.src.tokens.length : 16));
  const dModel = info ? info.config.dModel : 16;
  const table = sinusoidalTable(S, dModel); // [S, dModel]
  return (
    <>
      <Controls config={config} picker={false} />
      <div data-panel-ready="true">
        <SinusoidalPanel key={`${S}-${dModel}`} S={S} dModel={dModel} dims={[0, 1, Math.min(dModel - 2, 6), Math.min(dModel - 1, 7)]} headingLevel={2} testId="embed-panel" />
        <PositionSimilarity table={table} title={`Similarity of positions: PE_m · PE_n (S = ${S}, dModel = ${dModel})`} headingLevel={2} />
      </div>
    </>
  );
}

export function RopeWidget({ config }: WidgetProps) {
  const { info, queryTokens, keyTokens } = useAxes();
  const sel = useSelection();
  const q = useTraceTensor<Tensor>(tracePath.attention(sel.stack, sel.layer, sel.attention, 'q')); // [nHeads, Sq, dHead]
  const k = useTraceTensor<Tensor>(tracePath.attention(sel.stack, sel.layer, sel.attention, 'k')); // [nHeads, Sk, dHead]
  const ready = !!info && !!q && !!k && sel.head < headCount(q) && queryTokens.length > 0;
  const qh = ready && q ? headMatrix(q, sel.head) : null;
  const kh = ready && k ? headMatrix(k, sel.head) : null;
  const dHead = qh ? qh.cols : 0;
  return (
    <>
      <Controls config={config} />
      <Live ready={ready}>
        {qh && kh && (
          <RopePanel
            q={qh.values.subarray(0, dHead)}
            k={kh.values.subarray(0, dHead)}
            qLabel={queryTokens[0]}
            kLabel={keyTokens[0]}
            maxPos={8}
            title={`Rotary position embedding: the first query and key of ${where(sel)}, head ${sel.head}`}
            description={
              info?.config.positional === 'rope'
                ? 'This model uses RoPE: q and k at position 0 (unrotated), rotated to positions m and n.'
                : `This model uses ${info?.config.positional ?? 'other'} positions; its q and k at position 0 are rotated here to show what RoPE would do.`
            }
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

export function ArchitectureWidget({ config }: WidgetProps) {
  const info = useAtlas(selectModelInfo);
  const [stage, setStage] = useState<ArchStage | null>(null);
  const c = info?.config;
  return (
    <>
      <Controls config={config} picker={false} />
      <Live ready={!!info}>
        {info && c && (
          <ArchitectureDiagram
            arch={info.arch}
            norm={(c.norm === 'pre' ? 'pre' : 'post') as NormPlacement}
            positional={c.positional}
            nLayers={c.nLayers}
            nDecoderLayers={c.nDecoderLayers}
            currentStage={stage}
            onSelectStage={setStage}
            title={`Architecture of the ${info.name} model (${info.arch})`}
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

export function NextTokenWidget({ config }: WidgetProps) {
  const info = useAtlas(selectModelInfo);
  const logits = useTraceTensor<Tensor>(tracePath.head('logits')); // [T, V]
  const ready = !!info && !!logits;
  const T = logits ? logits.shape[0] : 0;
  return (
    <>
      <Controls config={config} picker={false} />
      <Live ready={ready}>
        {info && logits && (
          <OutputBars
            logits={logits}
            position={T - 1}
            vocab={info.vocab}
            title={`Next token after position ${T - 1}: logits → softmax → argmax`}
            headingLevel={2}
            testId="embed-panel"
          />
        )}
      </Live>
    </>
  );
}

/** What the attention widgets look at; re-renders only when one of these fields changes. */
function useSelection() {
  return useAtlas(useShallow((s) => ({ stack: s.stack, layer: s.layer, attention: s.attention, head: s.head, colorMap: s.colorMap })));
}
