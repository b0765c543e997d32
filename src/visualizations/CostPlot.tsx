// Cost against sequence length: a transformer layer does 12·S·dModel² multiply-adds in its
// projections and feed-forward (dFF = 4·dModel) plus 2·S²·dModel in attention's scores and
// weighted sum, all in parallel (a constant number of sequential steps); a simple RNN does
// 2·S·dModel² but needs S sequential steps. The S² part overtakes the rest only past S = 6·dModel.
// Counts from these formulas (illustrative), not measured.
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

/** Multiply-adds of one layer. Transformer: Q, K, V, O projections 4·S·d², feed-forward with
 *  dFF = 4d 8·S·d², attention scores and weighted sum 2·S²·d. RNN: W_h·h + W_x·x, 2·d² per token. */
export function costAt(S: number, dModel: number) {
  const linear = 12 * S * dModel * dModel;
  const attention = 2 * S * S * dModel;
  return {
    transformerWork: linear + attention,
    transformerLinear: linear,
    transformerAttention: attention,
    rnnWork: 2 * S * dModel * dModel,
    transformerSteps: 1,
    rnnSteps: S,
  };
}

/** The length at which attention's S² term equals the S·d² terms: 2·S²·d = 12·S·d². */
export const crossoverLength = (dModel: number) => 6 * dModel;

/** Work and sequential steps against S, for a transformer layer and an RNN. */
export function CostPlot(props: CostPlotProps) {
  const [maxS, setMaxS] = useState(props.maxS ?? 1024);
  const dModel = props.dModel ?? 64;
  const xs = useMemo(() => Array.from({ length: 33 }, (_, i) => Math.round((i / 32) * maxS)), [maxS]);
  const c = xs.map((S) => costAt(S, dModel));
  const title = props.title ?? 'Cost against sequence length S';
  return (
    <PanelFrame
      title={title}
      description={
        props.description ??
        `Illustrative: counts from the formulas, not timings. With dModel = ${dModel}, attention's S² part passes the projections and feed-forward only beyond S = ${crossoverLength(dModel)}.`
      }
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
            { name: 'transformer layer, total', x: xs, y: c.map((p) => p.transformerWork / 1e6) },
            { name: 'of which projections + FFN: 12·S·dModel²', x: xs, y: c.map((p) => p.transformerLinear / 1e6) },
            { name: 'of which attention: 2·S²·dModel', x: xs, y: c.map((p) => p.transformerAttention / 1e6) },
            { name: 'RNN: 2·S·dModel²', x: xs, y: c.map((p) => p.rnnWork / 1e6) },
          ]}
          xLabel="sequence length S"
          yLabel="work (millions of multiply-adds)"
          label="Work: the transformer's projections and feed-forward grow linearly with S and dominate at short lengths; its attention part grows quadratically and dominates past S = 6·dModel; the RNN's grows linearly"
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
