// `attention-pipeline`: Q×Kᵀ → ÷√dHead → mask → softmax → ×V → concat → ×W_O for the selected head.
// The stage follows the store (a lesson step points at one), or, given `step`, starts there and
// stays local (an embed never changes the host's view).
import { useState } from 'react';
import { useAtlas } from '../store/atlas';
import { useTraceTensor } from '../store/selectors';
import { tracePath } from '../model/trace';
import type { Tensor } from '../model/tensor';
import type { Stage } from '../store/types';
import { AttentionPipeline, PIPELINE_STAGES, type PipelineStage } from '../visualizations/AttentionPipeline';
import { headCount } from '../visualizations/tensorView';
import { LiveState } from './LiveState';
import { useAttentionAxes, useSelection, where } from './axes';
import { definePanel, type PanelContext } from './types';

export interface PipelineOptions {
  /** 1-based stage to start at, kept in the panel (embeds); without it the store's stage rules. */
  step?: number;
}

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

/** The stage shown: the store's, or a local one when the panel was given a starting step. */
function usePipelineStage(step: number | undefined): [PipelineStage, (s: PipelineStage) => void] {
  const storeStage = useAtlas((s) => s.stage);
  const [local, setLocal] = useState<PipelineStage>(PIPELINE_STAGES[Math.max(0, Math.min(PIPELINE_STAGES.length, step ?? 1) - 1)]);
  if (step !== undefined) return [local, setLocal];
  return [TO_PIPELINE[storeStage] ?? 'qk', (s) => useAtlas.getState().setStage(FROM_PIPELINE[s])];
}

function PipelinePanel({ step, ctx }: PipelineOptions & { ctx: PanelContext }) {
  const { info, weights, scores, mask, queryTokens, keyTokens } = useAttentionAxes();
  const sel = useSelection();
  const at = (f: 'q' | 'k' | 'v' | 'headOutputs' | 'output') => tracePath.attention(sel.stack, sel.layer, sel.attention, f);
  const q = useTraceTensor<Tensor>(at('q')); // [nHeads, Sq, dHead]
  const k = useTraceTensor<Tensor>(at('k')); // [nHeads, Sk, dHead]
  const v = useTraceTensor<Tensor>(at('v')); // [nHeads, Sk, dHead]
  const headOutputs = useTraceTensor<Tensor>(at('headOutputs'));
  const output = useTraceTensor<Tensor>(at('output'));
  const [stage, setStage] = usePipelineStage(step);
  const ready = !!(info && q && k && v && scores && mask && weights && headOutputs && output && queryTokens.length > 0 && sel.head < headCount(q));
  return (
    <LiveState ready={ready}>
      {ready && q && k && v && scores && mask && weights && headOutputs && output && (
        <AttentionPipeline
          attention={{ q, k, v, scores, mask, weights, headOutputs, output }}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          head={sel.head}
          stage={stage}
          onStageChange={setStage}
          title={`The attention pipeline: ${where(sel)}, head ${sel.head}`}
          headingLevel={ctx.headingLevel}
          testId={ctx.testId('pipeline')}
        />
      )}
    </LiveState>
  );
}

export const pipelinePanel = definePanel<PipelineOptions>({
  title: 'The attention pipeline',
  selfTitled: true,
  render: (o, ctx) => <PipelinePanel {...o} ctx={ctx} />,
});
