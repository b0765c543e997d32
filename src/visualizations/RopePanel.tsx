// RoPE (RoFormer §3.2): a real query and key, each 2-D pair rotated by position × θ_i; and a plot
// showing that q_m·k_n depends only on m − n. Rotation from src/model (rotateAt).
import { useMemo, useState, type ReactNode } from 'react';
import { rotateAt } from '../model';
import { PanelFrame } from './PanelFrame';
import { LinePlot } from './LinePlot';
import { HEAD_COLOURS } from './TokenLines';
import { formatValue } from './format';
import { useThemeScale } from './useThemeScale';

export interface RopePanelProps {
  /** An unrotated query and key of one head (e.g. at position 0 of a trace, where RoPE is the identity), [dHead]. */
  q: ArrayLike<number>;
  k: ArrayLike<number>;
  qLabel?: string;
  kLabel?: string;
  /** Largest position offered. */
  maxPos?: number;
  /** The positions the query and key really hold in the run (the sliders start there). */
  qPos?: number;
  kPos?: number;
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** A labelled slider for one position (0 … max): the query's m and the key's n are set the same way. */
function PositionSlider(props: {
  name: string;
  value: number;
  max: number;
  onChange: (v: number) => void;
  testId: string;
}) {
  return (
    <label>
      {props.name} = {props.value}
      <input
        type="range"
        min={0}
        max={props.max}
        value={props.value}
        onChange={(e) => props.onChange(Number(e.target.value))}
        data-testid={props.testId}
      />
    </label>
  );
}

/** Rotating pairs of q and k, and q_m·k_n against m − n. */
export function RopePanel(props: RopePanelProps) {
  const maxPos = props.maxPos ?? 8;
  const dHead = props.q.length;
  const [m, setM] = useState(props.qPos ?? 3);
  const [n, setN] = useState(props.kPos ?? 1);
  const [pair, setPair] = useState(0);
  const k = useThemeScale();
  const qm = useMemo(() => rotateAt(Array.from(props.q), m), [props.q, m]); // [dHead]
  const kn = useMemo(() => rotateAt(Array.from(props.k), n), [props.k, n]); // [dHead]
  const scatter = useMemo(() => {
    const xs: number[] = [];
    const ys: number[] = [];
    let highlight = 0;
    for (let a = 0; a <= maxPos; a++)
      for (let b = 0; b <= maxPos; b++) {
        if (a === m && b === n) highlight = xs.length;
        xs.push(a - b);
        ys.push(dot(rotateAt(Array.from(props.q), a), rotateAt(Array.from(props.k), b)));
      }
    return { xs, ys, highlight };
  }, [props.q, props.k, maxPos, m, n]);
  const size = 220 * Math.min(k, 1.3);
  const c = size / 2;
  const r = Math.max(
    1e-6,
    ...Array.from({ length: dHead / 2 }, (_, i) =>
      Math.max(
        Math.hypot(props.q[2 * i], props.q[2 * i + 1]),
        Math.hypot(props.k[2 * i], props.k[2 * i + 1]),
      ),
    ),
  );
  const sc = (size / 2 - 16) / r;
  const arrow = (v: ArrayLike<number>, colour: string, dash: string, faded: boolean, key: string) => (
    <line
      key={key}
      x1={c}
      y1={c}
      x2={c + v[2 * pair] * sc}
      y2={c - v[2 * pair + 1] * sc}
      stroke={colour}
      strokeWidth={(faded ? 1.5 : 3) * k}
      strokeDasharray={dash}
      strokeOpacity={faded ? 0.45 : 1}
      markerEnd={faded ? undefined : 'url(#rope-head)'}
    />
  );
  const title = props.title ?? 'RoPE: rotating query and key pairs';
  const qDotK = dot(qm, kn);
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'rope'}
      data={() => ({
        q: Array.from(props.q),
        k: Array.from(props.k),
        m,
        n,
        pair,
        qm: Array.from(qm),
        kn: Array.from(kn),
        dot: qDotK,
        scatter,
      })}
    >
      <div className="viz-toolbar" role="group" aria-label="Positions">
        <PositionSlider name="query position m" value={m} max={maxPos} onChange={setM} testId="rope-m" />
        <PositionSlider name="key position n" value={n} max={maxPos} onChange={setN} testId="rope-n" />
        <label>
          pair
          <select value={pair} onChange={(e) => setPair(Number(e.target.value))}>
            {Array.from({ length: dHead / 2 }, (_, i) => (
              <option key={i} value={i}>
                ({2 * i}, {2 * i + 1}), θ = 10000^(−{2 * i}/{dHead})
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="viz-row">
        <svg
          className="viz-svg"
          width={size}
          height={size}
          role="img"
          aria-label={`Pair ${pair}: the query ${props.qLabel ?? ''} rotated by m = ${m} steps (solid) and the key rotated by n = ${n} steps (dashed); faded arrows are the unrotated vectors`}
          data-testid="rope-circle"
        >
          <defs>
            <marker
              id="rope-head"
              viewBox="0 0 10 10"
              refX="8"
              refY="5"
              markerWidth="5"
              markerHeight="5"
              orient="auto-start-reverse"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--fg)" />
            </marker>
          </defs>
          <circle cx={c} cy={c} r={r * sc} fill="none" stroke="var(--border)" />
          <line x1={0} x2={size} y1={c} y2={c} stroke="var(--border)" />
          <line y1={0} y2={size} x1={c} x2={c} stroke="var(--border)" />
          {arrow(props.q, HEAD_COLOURS[0], '', true, 'q0')}
          {arrow(props.k, HEAD_COLOURS[1], '5 3', true, 'k0')}
          {arrow(qm, HEAD_COLOURS[0], '', false, 'qm')}
          {arrow(kn, HEAD_COLOURS[1], '5 3', false, 'kn')}
        </svg>
        <div>
          <p className="viz-desc">
            Solid: query {props.qLabel ? `‘${props.qLabel}’ ` : ''}at position m; dashed: key{' '}
            {props.kLabel ? `‘${props.kLabel}’ ` : ''}at position n; faded: before rotation.
          </p>
          <p className="mono" data-testid="rope-dot">
            q_m · k_n = {formatValue(qDotK, 4)} with m − n = {m - n}
          </p>
          <LinePlot
            series={[
              {
                name: 'q_m · k_n for m, n in 0…' + maxPos,
                x: scatter.xs,
                y: scatter.ys,
                points: true,
                highlight: scatter.highlight,
              },
            ]}
            xLabel="m − n"
            yLabel="q_m · k_n"
            width={400}
            label="Every pair of positions m, n: points with the same m − n share one value, so the score depends only on the offset"
            testId="rope-scatter"
          />
        </div>
      </div>
    </PanelFrame>
  );
}
