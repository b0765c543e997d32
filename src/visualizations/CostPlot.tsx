// Cost against sequence length: a transformer layer's attention work grows as S²·dModel but runs in
// parallel (a constant number of sequential steps); an RNN's work grows as S·dModel² but needs S
// sequential steps. Counts from these formulas (illustrative), not measured.
import { useMemo, useState, type ReactNode } from 'react';
import { PanelFrame } from './PanelFrame';
import { LinePlot } from './LinePlot';

export interface CostPlotProps {
  maxS?: number;
  dModel?: number;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** Multiply-adds of one layer: attention scores and weighted sum 2·S²·d; an RNN step d² per token. */
export function costAt(S: number, dModel: number) {
  return {
    transformerWork: 2 * S * S * dModel,
    rnnWork: S * dModel * dModel,
    transformerSteps: 1,
    rnnSteps: S,
  };
}

/** Work and sequential steps against S, for a transformer layer and an RNN. */
export function CostPlot(props: CostPlotProps) {
  const [maxS, setMaxS] = useState(props.maxS ?? 512);
  const dModel = props.dModel ?? 64;
  const xs = useMemo(() => Array.from({ length: 33 }, (_, i) => Math.round((i / 32) * maxS)), [maxS]);
  const c = xs.map((S) => costAt(S, dModel));
  const title = props.title ?? 'Cost against sequence length S';
  return (
    <PanelFrame
      title={title}
      description={props.description ?? 'Illustrative: counts from the formulas, not timings.'}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'cost'}
      data={() => ({ dModel, points: xs.map((S, i) => ({ S, ...c[i] })) })}
    >
      <div className="viz-toolbar">
        <label>
          largest S
          <select value={maxS} onChange={(e) => setMaxS(Number(e.target.value))}>
            {[64, 128, 256, 512, 1024, 2048].map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <span>dModel = {dModel}</span>
      </div>
      <div className="viz-row">
        <LinePlot
          series={[
            { name: 'transformer: 2·S²·dModel', x: xs, y: c.map((p) => p.transformerWork / 1e6) },
            { name: 'RNN: S·dModel²', x: xs, y: c.map((p) => p.rnnWork / 1e6) },
          ]}
          xLabel="sequence length S"
          yLabel="work (millions of multiply-adds)"
          label="Work: the transformer's grows quadratically with S, the RNN's linearly"
          testId="cost-work"
        />
        <LinePlot
          series={[
            { name: 'transformer: 1 (parallel)', x: xs, y: c.map((p) => p.transformerSteps) },
            { name: 'RNN: S (one token after another)', x: xs, y: c.map((p) => p.rnnSteps) },
          ]}
          xLabel="sequence length S"
          yLabel="sequential steps per layer"
          label="Sequential steps: constant for the transformer, S for the RNN"
          testId="cost-steps"
        />
      </div>
    </PanelFrame>
  );
}
