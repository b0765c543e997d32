// Vectors drawn as rows of coloured cells, one labelled row per token, at least 14 px high: the
// building block of the attention core, the multi-head split and the residual stream. Hovering a
// cell reports it (the panel shows the exact value and how it was computed).
import type { ColourScale } from '../scales';
import { ScrollRegion } from './ScrollRegion';

/** The smallest row height any of these figures draws (CSS px); exposed as data-row-px. */
export const ROW_PX = 16;

export interface VectorRowsProps {
  /** Row-major [rows, cols]. */
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  /** One label per row (already told apart, e.g. the₁, the₂). */
  rowLabels: readonly string[];
  scale: ColourScale;
  /** Width of one cell (CSS px); the row height is ROW_PX. */
  cellW: number;
  /** Draw a divider every `block` columns (e.g. dHead, to cut a dModel-wide row into heads). */
  block?: number;
  /** Rows drawn as highlighted (e.g. the chosen query). */
  highlightRow?: number;
  /** Accessible name of the figure (its numbers are in the table view). */
  label: string;
  onHover?: (cell: { row: number; col: number } | null) => void;
  testId?: string;
  labelWidth?: number;
}

/** A matrix as labelled rows of cells (an SVG image; "Show as table" gives the numbers). */
export function VectorRows(p: VectorRowsProps) {
  const labelW = p.labelWidth ?? 72;
  const width = labelW + p.cols * p.cellW + 2;
  const height = p.rows * ROW_PX + 2;
  const cells = [];
  for (let r = 0; r < p.rows; r++)
    for (let c = 0; c < p.cols; c++)
      cells.push(
        <rect
          key={r * p.cols + c}
          x={labelW + c * p.cellW}
          y={1 + r * ROW_PX}
          width={p.cellW}
          height={ROW_PX}
          fill={p.scale.css(p.values[r * p.cols + c])}
        />,
      );
  const dividers = [];
  if (p.block && p.block < p.cols)
    for (let c = p.block; c < p.cols; c += p.block)
      dividers.push(
        <line
          key={c}
          className="core-divider"
          x1={labelW + c * p.cellW}
          x2={labelW + c * p.cellW}
          y1={0}
          y2={height}
        />,
      );
  return (
    <ScrollRegion label={p.label} className="core-rows-box">
      <svg
        className="viz-svg core-rows"
        width={width}
        height={height}
        role="img"
        aria-label={p.label}
        data-testid={p.testId}
        data-row-px={ROW_PX}
        data-rows={p.rows}
        onPointerMove={(e) => {
          if (!p.onHover) return;
          const box = e.currentTarget.getBoundingClientRect();
          const col = Math.floor((e.clientX - box.left - labelW) / p.cellW);
          const row = Math.floor((e.clientY - box.top - 1) / ROW_PX);
          p.onHover(col >= 0 && col < p.cols && row >= 0 && row < p.rows ? { row, col } : null);
        }}
        onPointerLeave={() => p.onHover?.(null)}
      >
        {p.rowLabels.slice(0, p.rows).map((l, r) => (
          <text
            key={r}
            className="core-row-label"
            x={labelW - 6}
            y={1 + (r + 0.5) * ROW_PX}
            textAnchor="end"
            dominantBaseline="central"
            fontWeight={r === p.highlightRow ? 700 : 400}
            data-testid="row-label"
          >
            {l}
          </text>
        ))}
        {cells}
        {dividers}
        <rect className="viz-stroke" x={labelW} y={1} width={p.cols * p.cellW} height={p.rows * ROW_PX} />
        {p.highlightRow !== undefined && p.highlightRow < p.rows && (
          <rect
            className="core-highlight"
            x={labelW - 1}
            y={p.highlightRow * ROW_PX}
            width={p.cols * p.cellW + 2}
            height={ROW_PX + 2}
            fill="none"
          />
        )}
      </svg>
    </ScrollRegion>
  );
}

/** A signed bar centred at 0 (for dot products and scores), or from 0 (for weights). */
export function ValueBar({
  value,
  max,
  width = 90,
  signed = false,
  label,
}: {
  value: number;
  max: number;
  width?: number;
  signed?: boolean;
  label?: string;
}) {
  const h = 12;
  const m = Math.max(1e-9, max);
  const zero = signed ? width / 2 : 0;
  const len = (Math.min(Math.abs(value), m) / m) * (signed ? width / 2 : width);
  const x = signed && value < 0 ? zero - len : zero;
  return (
    <svg
      className="viz-svg core-bar"
      width={width}
      height={h + 2}
      aria-hidden={label ? undefined : 'true'}
      role={label ? 'img' : undefined}
      aria-label={label}
    >
      <rect className="core-bar-track" x={0} y={1} width={width} height={h} />
      <rect
        className={`core-bar-fill viz-anim ${value < 0 ? 'core-neg' : 'core-pos'}`}
        x={x}
        y={1}
        width={len}
        height={h}
      />
      {signed && <line className="viz-stroke" x1={zero} x2={zero} y1={0} y2={h + 2} />}
    </svg>
  );
}
