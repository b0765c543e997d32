// The residual connection drawn, per token: the stream x, what a sublayer adds (its output), and
// their sum, as vectors (rows of dModel cells) and as norms ‖x‖, ‖Δ‖, ‖x + Δ‖ (bars for every token).
import { useMemo, useState, type ReactNode } from 'react';
import type { Tensor } from '../../model/tensor';
import { PanelFrame } from '../PanelFrame';
import { Legend } from '../Legend';
import { divergingScale, niceMaxAbs } from '../scales';
import { formatValue } from '../format';
import { headMatrix } from '../tensorView';
import { distinctLabels } from './attentionCore';
import { ValueBar, VectorRows } from './VectorRows';
import './core.css';

export interface ResidualAddProps {
  /** The stream entering the sublayer, [S, dModel]. */
  x: Tensor;
  /** What the sublayer adds, [S, dModel]. */
  delta: Tensor;
  tokens: readonly string[];
  /** Name of the sublayer, e.g. "self-attention" or "feed-forward". */
  sublayer: string;
  /** 'post' adds "then LayerNorm" after the sum; 'pre' says the sublayer read LayerNorm(x). */
  norm?: 'pre' | 'post';
  initialToken?: number;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

const norm2 = (v: ArrayLike<number>, start: number, n: number) => {
  let s = 0;
  for (let i = 0; i < n; i++) s += v[start + i] ** 2;
  return Math.sqrt(s);
};

export function ResidualAdd(props: ResidualAddProps) {
  const x = headMatrix(props.x);
  const d = headMatrix(props.delta);
  const S = Math.min(x.rows, d.rows);
  const dModel = x.cols;
  const labels = useMemo(() => distinctLabels(props.tokens.slice(0, S)), [props.tokens, S]);
  const [token, setToken] = useState(() => Math.min(props.initialToken ?? S - 1, S - 1));
  const [detail, setDetail] = useState<string | null>(null);
  const sum = useMemo(() => {
    const out = new Float32Array(S * dModel); // [S, dModel]
    for (let i = 0; i < S * dModel; i++) out[i] = x.values[i] + d.values[i];
    return out;
  }, [x.values, d.values, S, dModel]);
  const norms = useMemo(
    () =>
      Array.from({ length: S }, (_, i) => ({
        x: norm2(x.values, i * dModel, dModel),
        d: norm2(d.values, i * dModel, dModel),
        sum: norm2(sum, i * dModel, dModel),
      })),
    [x.values, d.values, sum, S, dModel],
  );
  const t = Math.min(token, S - 1);
  const three = useMemo(() => {
    const out = new Float32Array(3 * dModel); // [3, dModel]
    out.set(x.values.subarray(t * dModel, (t + 1) * dModel), 0);
    out.set(d.values.subarray(t * dModel, (t + 1) * dModel), dModel);
    out.set(sum.subarray(t * dModel, (t + 1) * dModel), 2 * dModel);
    return out;
  }, [x.values, d.values, sum, t, dModel]);
  const scale = useMemo(() => divergingScale(niceMaxAbs(three)), [three]);
  const maxNorm = Math.max(...norms.flatMap((n) => [n.x, n.d, n.sum]), 1e-9);
  const cellW = Math.max(3, Math.min(10, Math.floor(448 / dModel)));
  const names = ['x', `+ ${props.sublayer}`, '= x + Δ'];
  const [asTable, setAsTable] = useState(false);
  return (
    <PanelFrame
      title={props.title ?? `The residual connection around ${props.sublayer}`}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'residual-add'}
      data={() => ({ tokens: props.tokens, norms })}
    >
      <div className="viz-toolbar">
        <label>
          Token
          <select value={t} onChange={(e) => setToken(Number(e.target.value))} data-testid="residual-token">
            {labels.map((l, i) => (
              <option key={i} value={i}>
                {i}: {l}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn viz-btn" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)} data-testid="table-toggle">
          Show as table
        </button>
      </div>
      <p className="core-detail" role="status" data-testid="residual-detail">
        {detail ?? `Token ‘${labels[t]}’: x + Δ adds the two rows number by number${props.norm === 'post' ? ', then LayerNorm rescales the sum' : ''}. Hover a cell for its value.`}
      </p>
      {!asTable && (
        <div className="core-block" data-testid="residual-vectors">
          <p className="viz-shape">one token, dModel = {dModel} numbers per row</p>
          <VectorRows values={three} rows={3} cols={dModel} rowLabels={names} labelWidth={120} scale={scale} cellW={cellW} label={`For ${labels[t]}: the stream x, what ${props.sublayer} adds, and their sum`} onHover={(c) => setDetail(c ? `dimension ${c.col}: x = ${formatValue(three[c.col], 4)}, Δ = ${formatValue(three[dModel + c.col], 4)}, x + Δ = ${formatValue(three[2 * dModel + c.col], 4)}` : null)} testId="residual-rows" />
          <Legend scale={scale} title="value" />
        </div>
      )}
      <div className="viz-scroll" tabIndex={0} role="region" aria-label="Norms per token">
        <table className="core-keys" data-testid="residual-norms">
          <caption className="viz-shape">Length of each row, every token: ‖x‖, ‖Δ‖ (what {props.sublayer} adds), ‖x + Δ‖</caption>
          <thead>
            <tr>
              <th scope="col">token</th>
              <th scope="col">‖x‖</th>
              <th scope="col">‖Δ‖</th>
              <th scope="col">‖x + Δ‖</th>
            </tr>
          </thead>
          <tbody>
            {norms.map((n, i) => (
              <tr key={i} data-current={i === t}>
                <th scope="row">{labels[i]}</th>
                {[n.x, n.d, n.sum].map((v, k) => (
                  <td className="core-num" key={k}>
                    <span>{formatValue(v, 2)}</span> {!asTable && <ValueBar value={v} max={maxNorm} width={70} />}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.norm === 'pre' && <p className="viz-desc">Pre-norm: {props.sublayer} read LayerNorm(x); its output is added to x itself.</p>}
      {props.norm === 'post' && <p className="viz-desc">Post-norm: the sum x + Δ then goes through LayerNorm.</p>}
    </PanelFrame>
  );
}
