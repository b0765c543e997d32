// A small line/scatter plot (d3-scale + d3-shape compute, React renders SVG) with numeric axes.
import { useMemo, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { extent } from 'd3-array';
import { formatValue } from './format';
import { HEAD_COLOURS, HEAD_DASHES } from './TokenLines';
import { useThemeScale } from './useThemeScale';

export interface Series {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Draw points instead of a line. */
  points?: boolean;
  /** Index of a highlighted point. */
  highlight?: number;
}

export interface LinePlotProps {
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  /** Accessible description of what the plot shows. */
  label: string;
  yDomain?: [number, number];
  /** Offer a "show as table" toggle (default true). */
  tableToggle?: boolean;
  testId?: string;
}

/** Lines or points with axes, a legend naming each series (colour and dash, never colour alone). */
export function LinePlot({
  series,
  xLabel,
  yLabel,
  width = 420,
  height = 220,
  label,
  yDomain,
  tableToggle = true,
  testId,
}: LinePlotProps) {
  const k = useThemeScale();
  const [asTable, setAsTable] = useState(false);
  const fs = 12 * k;
  // One legend entry per line, so long series names never print over each other.
  const m = { l: fs * 4.2, r: 12, t: fs * 1.2 + series.length * fs * 1.4, b: fs * 3.2 };
  const { x, y } = useMemo(() => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of series) {
      for (let i = 0; i < s.x.length; i++) xs.push(s.x[i]);
      for (let i = 0; i < s.y.length; i++) ys.push(s.y[i]);
    }
    const [x0 = 0, x1 = 1] = extent(xs);
    const [y0 = 0, y1 = 1] = yDomain ?? extent(ys);
    return {
      x: scaleLinear()
        .domain([x0, x1 === x0 ? x0 + 1 : x1])
        .range([m.l, width - m.r])
        .nice(),
      y: scaleLinear()
        .domain([y0, y1 === y0 ? y0 + 1 : y1])
        .range([height - m.b, m.t])
        .nice(),
    };
  }, [series, width, height, yDomain, m.l, m.r, m.b, m.t]);
  const plot = (
    <svg
      className="viz-svg"
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ fontSize: fs }}
    >
      {series.map((s, si) => (
        <g
          key={s.name}
          transform={`translate(${m.l}, ${fs + si * fs * 1.4})`}
        >
          <line
            x1={0}
            x2={22}
            y1={-fs / 3}
            y2={-fs / 3}
            stroke={HEAD_COLOURS[si % 8]}
            strokeWidth={2.5 * k}
            strokeDasharray={s.points ? '1 4' : HEAD_DASHES[si % 8]}
          />
          <text x={26} y={0}>
            {s.name}
          </text>
        </g>
      ))}
      <g>
        {x.ticks(6).map((t) => (
          <g key={`x${t}`} transform={`translate(${x(t)}, ${height - m.b})`}>
            <line y2={5} className="viz-stroke" />
            <text y={fs + 6} textAnchor="middle">
              {formatValue(t, Number.isInteger(t) ? 0 : 1)}
            </text>
          </g>
        ))}
        {y.ticks(5).map((t) => (
          <g key={`y${t}`} transform={`translate(${m.l}, ${y(t)})`}>
            <line x2={-5} className="viz-stroke" />
            <line x2={width - m.l - m.r} stroke="var(--border)" strokeWidth={0.5} />
            <text x={-8} textAnchor="end" dominantBaseline="central">
              {formatValue(t, Math.abs(t) >= 10 || Number.isInteger(t) ? 0 : 1)}
            </text>
          </g>
        ))}
        <line x1={m.l} x2={width - m.r} y1={height - m.b} y2={height - m.b} className="viz-stroke" />
        <line x1={m.l} x2={m.l} y1={m.t} y2={height - m.b} className="viz-stroke" />
        <text x={(m.l + width - m.r) / 2} y={height - 4} textAnchor="middle" className="viz-axis-title">
          {xLabel}
        </text>
        <text
          transform={`translate(${fs}, ${(m.t + height - m.b) / 2}) rotate(-90)`}
          textAnchor="middle"
          className="viz-axis-title"
        >
          {yLabel}
        </text>
      </g>
      {series.map((s, si) => {
        const colour = HEAD_COLOURS[si % 8];
        if (s.points)
          return (
            <g key={s.name}>
              {Array.from({ length: s.x.length }, (_, i) => (
                <circle
                  key={i}
                  cx={x(s.x[i])}
                  cy={y(s.y[i])}
                  r={(i === s.highlight ? 6 : 3) * k}
                  fill={i === s.highlight ? 'none' : colour}
                  stroke={i === s.highlight ? 'var(--focus)' : 'none'}
                  strokeWidth={2.5 * k}
                  fillOpacity={0.6}
                />
              ))}
            </g>
          );
        const pts = Array.from({ length: s.x.length }, (_, i) => [x(s.x[i]), y(s.y[i])] as [number, number]);
        return (
          <path
            key={s.name}
            d={line()(pts) ?? ''}
            fill="none"
            stroke={colour}
            strokeWidth={2 * k}
            strokeDasharray={HEAD_DASHES[si % 8]}
          />
        );
      })}
    </svg>
  );
  if (!tableToggle) return plot;
  return (
    <div className="viz-plot" data-testid={testId ? `${testId}-wrap` : undefined}>
      <button
        type="button"
        className="btn viz-btn"
        aria-pressed={asTable}
        onClick={() => setAsTable((t) => !t)}
        data-testid="table-toggle"
      >
        Show as table
      </button>
      {asTable ? <SeriesTable series={series} xLabel={xLabel} yLabel={yLabel} label={label} /> : plot}
    </div>
  );
}

/** The plotted numbers as a table: one row per point, x then each series' y. */
function SeriesTable({
  series,
  xLabel,
  yLabel,
  label,
}: {
  series: readonly Series[];
  xLabel: string;
  yLabel: string;
  label: string;
}) {
  return (
    <div className="viz-table-wrap" tabIndex={0} role="region" aria-label={`${label} (table)`}>
      <table className="viz-table">
        <caption>
          {yLabel} against {xLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">series</th>
            <th scope="col">{xLabel}</th>
            <th scope="col">{yLabel}</th>
          </tr>
        </thead>
        <tbody>
          {series.flatMap((s) =>
            Array.from({ length: s.x.length }, (_, i) => (
              <tr key={`${s.name}-${i}`}>
                <th scope="row">{s.name}</th>
                <td>{formatValue(s.x[i], Number.isInteger(s.x[i]) ? 0 : 3)}</td>
                <td>{formatValue(s.y[i], 4)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
