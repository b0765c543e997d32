// Output: logits → softmax(logits / temperature) → argmax, as bars of the top tokens, with temperature
// and top-k controls. Softmax from src/model.
import { useMemo, useState, type ReactNode } from 'react';
import { softmax, topKIds, type Tensor } from '../model';
import { PanelFrame } from './PanelFrame';
import { formatValue, shortLabel } from './format';
import { useThemeScale } from './useThemeScale';
import { TableToggle } from './TableToggle';
import { HeadRow } from './HeadRow';

export interface OutputBarsProps {
  /** Logits [T, V] (before temperature). */
  logits: Tensor;
  /** Which position (row of logits) to show; default the last. */
  position?: number;
  vocab: readonly string[];
  /** Initial temperature and top-k (the panel keeps its own after that unless controlled). */
  temperature?: number;
  topK?: number;
  onTemperatureChange?: (t: number) => void;
  onTopKChange?: (k: number) => void;
  /** Label of the position, e.g. the token the model just read. */
  positionLabel?: string;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** The top tokens of one position: logit, probability at the temperature, and the top-k renormalised share. */
export function topTokens(logits: Tensor, position: number, temperature: number, topK: number) {
  const V = logits.shape[1];
  const row: Tensor = { data: logits.data.subarray(position * V, (position + 1) * V), shape: [1, V] }; // [1, V]
  const probs = softmax(row, undefined, temperature).data; // [V]
  const kept = topKIds(probs, topK); // [min(topK, V)], most probable first
  const mass = kept.reduce((s, i) => s + probs[i], 0);
  return kept.map((id) => ({ id, logit: row.data[id], prob: probs[id], renormalised: probs[id] / mass }));
}

/** Bars of the top-k next tokens with temperature and top-k controls. */
export function OutputBars(props: OutputBarsProps) {
  const T = props.logits.shape[0];
  const V = props.logits.shape[1];
  const position = Math.min(T - 1, props.position ?? T - 1);
  const [temperature, setTemperature] = useState(props.temperature ?? 1);
  const [topK, setTopK] = useState(props.topK ?? Math.min(8, V));
  const [asTable, setAsTable] = useState(false);
  const rows = useMemo(
    () => topTokens(props.logits, position, temperature, topK),
    [props.logits, position, temperature, topK],
  );
  const k = useThemeScale();
  const fs = 12.5 * k;
  const rowH = 24 * k;
  const labelW =
    Math.max(...rows.map((r) => shortLabel(props.vocab[r.id] ?? String(r.id), 12).length), 4) * fs * 0.62 +
    12;
  const barW = 260 * Math.min(k, 1.3);
  const width = labelW + barW + fs * 9;
  const height = rowH * rows.length + fs * 2;
  const title =
    props.title ??
    `Next token after ${props.positionLabel ? `‘${props.positionLabel}’` : `position ${position}`}`;
  const argmax = rows[0];
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'output-bars'}
      data={() => ({
        position,
        temperature,
        topK,
        rows: rows.map((r) => ({ ...r, token: props.vocab[r.id] })),
      })}
    >
      <div className="viz-toolbar" role="group" aria-label="Sampling">
        <label>
          temperature {temperature.toFixed(2)}
          <input
            type="range"
            min={0.1}
            max={3}
            step={0.05}
            value={temperature}
            onChange={(e) => {
              setTemperature(Number(e.target.value));
              props.onTemperatureChange?.(Number(e.target.value));
            }}
            data-testid="temperature"
          />
        </label>
        <label>
          top-k
          <input
            type="number"
            min={1}
            max={V}
            value={topK}
            onChange={(e) => {
              const v = Math.max(1, Math.min(V, Math.round(Number(e.target.value) || 1)));
              setTopK(v);
              props.onTopKChange?.(v);
            }}
            data-testid="top-k"
          />
        </label>
        <TableToggle asTable={asTable} onToggle={() => setAsTable((t) => !t)} />
      </div>
      <p className="viz-desc">
        argmax: <strong data-testid="argmax">{props.vocab[argmax.id] ?? argmax.id}</strong> (temperature
        changes the probabilities but never the argmax). Bars: probability after softmax(logits / T); the last
        column is the share among the top {rows.length}, which sampling uses.
      </p>
      {asTable ? (
        <table className="viz-table" data-testid="output-table">
          <caption>
            Top {rows.length} tokens at temperature {temperature.toFixed(2)}
          </caption>
          <HeadRow cols={['token', 'logit', 'probability', 'top-k share']} />
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{props.vocab[r.id] ?? r.id}</th>
                <td>{formatValue(r.logit, 4)}</td>
                <td>{formatValue(r.prob, 4)}</td>
                <td>{formatValue(r.renormalised, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <svg
          className="viz-svg"
          width={width}
          height={height}
          role="img"
          aria-label={`Top ${rows.length} tokens: ${rows.map((r) => `${props.vocab[r.id] ?? r.id} ${formatValue(r.prob)}`).join(', ')}`}
          style={{ fontSize: fs }}
          data-testid="bars"
        >
          <text x={labelW} y={fs} className="viz-axis-title">
            probability
          </text>
          <text x={labelW + barW + fs * 4.5} y={fs} className="viz-axis-title">
            top-k share
          </text>
          {rows.map((r, i) => {
            const y = fs * 1.6 + i * rowH;
            return (
              <g key={r.id} data-testid="bar" data-token={props.vocab[r.id]} data-prob={r.prob}>
                <text
                  x={labelW - 8}
                  y={y + rowH / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                  fontWeight={i === 0 ? 700 : 400}
                >
                  {shortLabel(props.vocab[r.id] ?? String(r.id), 12)}
                </text>
                <rect
                  x={labelW}
                  y={y + 3}
                  width={Math.max(1, r.prob * barW)}
                  height={rowH - 6}
                  fill={i === 0 ? 'var(--accent)' : 'var(--muted)'}
                />
                <rect
                  x={labelW}
                  y={y + 3}
                  width={barW}
                  height={rowH - 6}
                  fill="none"
                  stroke="var(--border)"
                />
                <text x={labelW + barW + 6} y={y + rowH / 2} dominantBaseline="central">
                  {formatValue(r.prob, 3)}
                </text>
                <text x={labelW + barW + fs * 4.5} y={y + rowH / 2} dominantBaseline="central">
                  {formatValue(r.renormalised, 3)}
                  {i === 0 ? ' ← argmax' : ''}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </PanelFrame>
  );
}
