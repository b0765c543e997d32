// Feed-forward activations, readable: for every token, its most active hidden units as sorted bars
// (unit number and value), instead of a [S, dFF] strip of 2-px cells. Numbers are the trace's
// ffnHidden (after the activation).
import { useMemo, useState, type ReactNode } from 'react';
import type { Tensor } from '../../model/tensor';
import { PanelFrame } from '../PanelFrame';
import { formatValue } from '../format';
import { headMatrix } from '../tensorView';
import { distinctLabels } from './attentionCore';
import { ROW_PX } from './VectorRows';
import { CellMap } from '../CellMap';
import { divergingScale, niceMaxAbs } from '../scales';
import './core.css';

export interface FfnTopUnitsProps {
  /** Hidden activations [S, dFF], after the activation. */
  hidden: Tensor;
  tokens: readonly string[];
  /** How many units per token (default 8). */
  top?: number;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** The `top` largest activations of each row, largest first: [{unit, value}]. */
export function topUnits(values: ArrayLike<number>, rows: number, cols: number, top: number) {
  return Array.from({ length: rows }, (_, r) => {
    const idx = Array.from({ length: cols }, (_, c) => c);
    idx.sort((a, b) => values[r * cols + b] - values[r * cols + a]);
    return idx.slice(0, Math.min(top, cols)).map((unit) => ({ unit, value: values[r * cols + unit] }));
  });
}

export function FfnTopUnits(props: FfnTopUnitsProps) {
  const m = headMatrix(props.hidden);
  const [top, setTop] = useState(props.top ?? 8);
  const [strip, setStrip] = useState(false);
  const colLabels = useMemo(() => Array.from({ length: m.cols }, (_, i) => String(i)), [m.cols]);
  const scale = useMemo(() => divergingScale(niceMaxAbs(m.values)), [m.values]);
  const labels = useMemo(() => distinctLabels(props.tokens.slice(0, m.rows)), [props.tokens, m.rows]);
  const units = useMemo(() => topUnits(m.values, m.rows, m.cols, top), [m.values, m.rows, m.cols, top]);
  const max = Math.max(1e-9, ...units.flatMap((u) => u.map((x) => x.value)));
  let active = 0;
  for (const v of m.values) if (v > 0) active++;
  return (
    <PanelFrame
      title={props.title ?? `Most active hidden units per token (of dFF = ${m.cols})`}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'ffn-top-units'}
      data={() => ({ tokens: props.tokens, top: units })}
    >
      <div className="viz-toolbar">
        <label>
          Units per token
          <select value={top} onChange={(e) => setTop(Number(e.target.value))} data-testid="ffn-top">
            {[4, 8, 12, 16].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn viz-btn" aria-pressed={strip} onClick={() => setStrip((v) => !v)} data-testid="ffn-strip-toggle">
          Show as strip
        </button>
        <span className="pg-muted">
          {active} of {m.values.length} activations are above 0 ({((100 * active) / Math.max(1, m.values.length)).toFixed(0)}%).
        </span>
      </div>
      {strip && (
        <CellMap
          values={m.values}
          rows={m.rows}
          cols={m.cols}
          rowLabels={labels}
          colLabels={colLabels}
          rowTitle="Tokens (rows)"
          colTitle={`Hidden units (columns, 0…${m.cols - 1})`}
          rowNoun="token"
          colNoun="unit"
          scale={scale}
          legendTitle="activation"
          label={`All ${m.cols} hidden activations per token`}
          testId="ffn-strip"
        />
      )}
      <div className="core-ffn" data-row-px={ROW_PX} data-testid="ffn-top-units-grid" hidden={strip}>
        {units.map((u, r) => (
          <table key={r} className="core-ffn-token" data-testid="ffn-token">
            <caption>
              {labels[r]} <span className="pg-muted">(token {r})</span>
            </caption>
            <thead className="visually-hidden">
              <tr>
                <th scope="col">hidden unit</th>
                <th scope="col">activation</th>
              </tr>
            </thead>
            <tbody>
              {u.map(({ unit, value }) => (
                <tr key={unit} style={{ height: ROW_PX }}>
                  <th scope="row">unit {unit}</th>
                  <td>
                    <span className="core-ffn-bar" style={{ width: Math.max(0, (value / max) * 80) }} aria-hidden="true" />
                    <span className="core-ffn-value">{formatValue(value, 3)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      <p className="viz-desc">Bar length: the activation, relative to the largest shown ({formatValue(max, 2)}).</p>
    </PanelFrame>
  );
}
