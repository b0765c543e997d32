// The attention pipeline step by step: Q×Kᵀ → ÷√dHead → mask → softmax → ×V → concat heads → ×W_O.
// Each stage shows its matrix beside the matching KaTeX formula; the current stage is highlighted in both.
import { useMemo, useState, type ReactNode } from 'react';
import { matmulTransB, type BoolTensor, type Tensor } from '../model';
import { Tex } from '../components/Tex';
import { CellMap } from './CellMap';
import { PanelFrame } from './PanelFrame';
import { divergingScale, niceMaxAbs, sequentialScale, type ColourScale } from './scales';
import { headCount, headMatrix, matrixRows, type Matrix } from './tensorView';

export const PIPELINE_STAGES = [
  'qk',
  'scale',
  'mask',
  'softmax',
  'weightedSum',
  'concat',
  'project',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** The traced tensors of one attention sublayer (an AttentionTrace, or the same fields from a TraceMap). */
export interface PipelineTensors {
  q: Tensor; // [nHeads, Sq, dHead]
  k: Tensor; // [nHeads, Sk, dHead]
  v: Tensor; // [nHeads, Sk, dHead]
  scores: Tensor; // [nHeads, Sq, Sk]
  mask: BoolTensor; // [Sq, Sk]
  weights: Tensor; // [nHeads, Sq, Sk]
  headOutputs: Tensor; // [nHeads, Sq, dHead]
  output: Tensor; // [Sq, dModel]
}

export interface AttentionPipelineProps {
  attention: PipelineTensors;
  queryTokens: readonly string[];
  keyTokens: readonly string[];
  head?: number;
  /** The current stage (controlled); without it the panel keeps its own. */
  stage?: PipelineStage;
  onStageChange?: (stage: PipelineStage) => void;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

interface StageView {
  id: PipelineStage;
  name: string;
  formula: string;
  shape: string;
  matrix: Matrix;
  cols: 'keys' | 'dims';
  scale: ColourScale;
  blocked?: Uint8Array;
}

/** LaTeX for each stage (also used by lessons to stay in step with the panel). */
export const PIPELINE_FORMULAS: Record<PipelineStage, string> = {
  qk: 'Q_h K_h^{\\top}',
  scale: '\\text{scores} = \\frac{Q_h K_h^{\\top}}{\\sqrt{d_{\\text{head}}}}',
  mask: '\\text{scores}_{ij} + M_{ij},\\quad M_{ij} = \\begin{cases} -\\infty & \\text{blocked} \\\\ 0 & \\text{otherwise} \\end{cases}',
  softmax: "\\text{weights}_{ij} = \\frac{e^{\\text{scores}_{ij}}}{\\sum_{j'} e^{\\text{scores}_{ij'}}}",
  weightedSum: '\\text{head}_h = \\text{weights}_h\\, V_h',
  concat: '\\text{Concat}(\\text{head}_0, \\ldots, \\text{head}_{n_{\\text{heads}}-1})',
  project: '\\text{output} = \\text{Concat}(\\ldots)\\, W_O + b_O',
};

const NAMES: Record<PipelineStage, string> = {
  qk: 'Q × Kᵀ',
  scale: '÷ √dHead',
  mask: 'mask',
  softmax: 'softmax',
  weightedSum: '× V',
  concat: 'concat heads',
  project: '× W_O',
};

/** The stages' matrices for one head, computed from the trace (Q×Kᵀ with the model's own matmul). */
export function pipelineStages(a: PipelineTensors, head: number): StageView[] {
  const [, Sq, dHead] = a.q.shape;
  const Sk = a.k.shape[1];
  const nHeads = headCount(a.q);
  const qh = headMatrix(a.q, head);
  const kh = headMatrix(a.k, head);
  const raw = matmulTransB({ data: qh.values, shape: [Sq, dHead] }, { data: kh.values, shape: [Sk, dHead] }); // [Sq, Sk]
  const scores = headMatrix(a.scores, head);
  const blocked = a.mask.data.length === Sq * Sk ? a.mask.data : undefined;
  const masked = scores.values.slice(); // [Sq, Sk]
  if (blocked) for (let i = 0; i < masked.length; i++) if (blocked[i]) masked[i] = -Infinity;
  const weights = headMatrix(a.weights, head);
  const headOut = headMatrix(a.headOutputs, head);
  const concat = new Float32Array(Sq * nHeads * dHead); // [Sq, dModel]
  for (let h = 0; h < nHeads; h++)
    for (let i = 0; i < Sq; i++)
      for (let d = 0; d < dHead; d++)
        concat[i * nHeads * dHead + h * dHead + d] = a.headOutputs.data[(h * Sq + i) * dHead + d];
  const out = headMatrix(a.output);
  const sig = (m: Matrix) => divergingScale(niceMaxAbs(m.values));
  const rawM = { values: raw.data, rows: Sq, cols: Sk };
  const concatM = { values: concat, rows: Sq, cols: nHeads * dHead };
  const f = PIPELINE_FORMULAS;
  return [
    {
      id: 'qk',
      name: NAMES.qk,
      formula: f.qk,
      shape: '[Sq, Sk]',
      matrix: rawM,
      cols: 'keys',
      scale: sig(rawM),
    },
    {
      id: 'scale',
      name: NAMES.scale,
      formula: f.scale,
      shape: '[Sq, Sk]',
      matrix: scores,
      cols: 'keys',
      scale: sig(scores),
    },
    {
      id: 'mask',
      name: NAMES.mask,
      formula: f.mask,
      shape: '[Sq, Sk]',
      matrix: { values: masked, rows: Sq, cols: Sk },
      cols: 'keys',
      scale: sig(scores),
      blocked,
    },
    {
      id: 'softmax',
      name: NAMES.softmax,
      formula: f.softmax,
      shape: '[Sq, Sk]',
      matrix: weights,
      cols: 'keys',
      scale: sequentialScale('viridis'),
      blocked,
    },
    {
      id: 'weightedSum',
      name: NAMES.weightedSum,
      formula: f.weightedSum,
      shape: '[Sq, dHead]',
      matrix: headOut,
      cols: 'dims',
      scale: sig(headOut),
    },
    {
      id: 'concat',
      name: NAMES.concat,
      formula: f.concat,
      shape: '[Sq, dModel]',
      matrix: concatM,
      cols: 'dims',
      scale: sig(concatM),
    },
    {
      id: 'project',
      name: NAMES.project,
      formula: f.project,
      shape: '[Sq, dModel]',
      matrix: out,
      cols: 'dims',
      scale: sig(out),
    },
  ];
}

/** The attention pipeline of one head, stage by stage. */
export function AttentionPipeline(props: AttentionPipelineProps) {
  const head = props.head ?? 0;
  const [own, setOwn] = useState<PipelineStage>('qk');
  const stage = props.stage ?? own;
  const setStage = (s: PipelineStage) => {
    setOwn(s);
    props.onStageChange?.(s);
  };
  const stages = useMemo(() => pipelineStages(props.attention, head), [props.attention, head]);
  const index = PIPELINE_STAGES.indexOf(stage);
  const title = props.title ?? `The attention pipeline, head ${head}`;
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'attention-pipeline'}
      data={() => ({
        head,
        stage,
        stages: stages.map((s) => ({
          stage: s.id,
          shape: s.shape,
          formula: s.formula,
          values: matrixRows(s.matrix),
        })),
      })}
    >
      <div className="viz-toolbar">
        <button
          type="button"
          className="btn viz-btn"
          disabled={index <= 0}
          onClick={() => setStage(PIPELINE_STAGES[index - 1])}
          data-testid="stage-prev"
        >
          ← Previous stage
        </button>
        <ol className="viz-stage-list" aria-label="Stages">
          {stages.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="btn viz-btn"
                aria-current={s.id === stage ? 'step' : undefined}
                onClick={() => setStage(s.id)}
                data-testid={`stage-${s.id}`}
              >
                {i + 1}. {s.name}
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="btn viz-btn"
          disabled={index >= stages.length - 1}
          onClick={() => setStage(PIPELINE_STAGES[index + 1])}
          data-testid="stage-next"
        >
          Next stage →
        </button>
      </div>
      <div className="viz-pipeline">
        <ol className="viz-formulas" aria-label="Formulas">
          {stages.map((s) => (
            <li
              key={s.id}
              className="viz-formula"
              data-current={s.id === stage}
              data-testid={`formula-${s.id}`}
              aria-current={s.id === stage ? 'step' : undefined}
            >
              <Tex>{s.formula}</Tex>
            </li>
          ))}
        </ol>
        {stages
          .filter((s) => s.id === stage)
          .map((s) => (
            <div
              key={s.id}
              className="viz-stage"
              data-current="true"
              data-testid="stage-matrix"
              aria-live="polite"
            >
              <h4 className="viz-subtitle">
                Stage {index + 1}: {s.name}{' '}
                <span className="viz-shape">
                  {s.shape} = [{s.matrix.rows}, {s.matrix.cols}]
                </span>
              </h4>
              <CellMap
                values={s.matrix.values}
                rows={s.matrix.rows}
                cols={s.matrix.cols}
                rowLabels={props.queryTokens}
                colLabels={
                  s.cols === 'keys'
                    ? props.keyTokens
                    : Array.from({ length: s.matrix.cols }, (_, i) => String(i))
                }
                rowTitle="Queries (rows)"
                colTitle={s.cols === 'keys' ? 'Keys (columns)' : 'Dimensions (columns)'}
                rowNoun="query"
                colNoun={s.cols === 'keys' ? 'key' : 'dimension'}
                scale={s.scale}
                legendTitle={s.name}
                blocked={s.blocked}
                label={`Stage ${index + 1}, ${s.name}: ${s.shape}`}
                maxWidth={440}
                maxCell={40}
                labelAll={s.cols === 'keys'}
              />
            </div>
          ))}
      </div>
    </PanelFrame>
  );
}
