// The cell map every matrix panel is built on: a canvas at data resolution (one pixel per cell,
// scaled by CSS), an SVG overlay for axes, labels and hatched blocked cells, an ARIA grid with one
// tab stop and arrow keys, a tooltip, a legend and a "show as table" toggle.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { layoutCellMap } from './layout';
import { blockedRuns, paintCells } from './paint';
import { textOn, type ColourScale } from './scales';
import { cellAt, moveCell, type Cell } from './grid';
import { createCursorStore } from './cursorStore';
import { CursorTooltip, GridCursor, type CursorProps } from './CursorLayer';
import { HatchPattern } from './HatchPattern';
import { Legend } from './Legend';
import { CellTable } from './CellTable';
import { announceCell, formatValue, shortLabel } from './format';
import { distinctLabels } from './core/attentionCore';
import { useThemeScale } from './useThemeScale';
import './viz.css';
import { TableToggle } from './TableToggle';

export interface CellMapProps {
  /** Row-major values; the map shows rows × cols of them starting at `offset`. */
  values: ArrayLike<number>;
  offset?: number;
  rows: number;
  cols: number;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Axis titles, e.g. "Queries (rows)" and "Keys (columns)". */
  rowTitle: string;
  colTitle: string;
  /** Nouns for announcements: "query ‘the’ → key ‘cat’: 0.42". */
  rowNoun: string;
  colNoun: string;
  scale: ColourScale;
  legendTitle: string;
  /** 1 = blocked (hatched), row-major rows × cols, or null. */
  blocked?: ArrayLike<number> | null;
  /** Accessible name of the grid and caption of the table. */
  label: string;
  /** Extra tooltip lines for a cell (e.g. the computation behind it). */
  details?: (c: Cell) => ReactNode;
  /** Called on click, Enter or Space on a cell. */
  onSelectCell?: (c: Cell) => void;
  /** A cell drawn as selected. */
  selected?: Cell | null;
  maxWidth?: number;
  maxCell?: number;
  /** Write each value in its cell when the cells are large enough (default: when they fit). */
  showValues?: boolean;
  digits?: number;
  /** Label every row and every column (attention maps): cells stay ≥ 14 px and the figure scrolls when wider than its panel. */
  labelAll?: boolean;
  testId?: string;
}

/** A matrix as a colour-coded, keyboard-navigable grid with a legend and a table view. */
export function CellMap(props: CellMapProps) {
  const { values, rows, cols, rowLabels, colLabels, scale, blocked = null, digits = 2 } = props;
  const offset = props.offset ?? 0;
  const themeScale = useThemeScale();
  const fontSize = 12 * themeScale;
  const idPrefix = useId().replace(/:/g, '');
  const [store] = useState(createCursorStore);
  const [asTable, setAsTable] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const renders = useRef(0);
  const [available, setAvailable] = useState(Infinity);

  // Abbreviated, and repeated tokens told apart (the₁, the₂).
  const shortRows = useMemo(() => distinctLabels(rowLabels.map((l) => shortLabel(l))), [rowLabels]);
  const shortCols = useMemo(() => distinctLabels(colLabels.map((l) => shortLabel(l))), [colLabels]);
  const layout = useMemo(
    () =>
      layoutCellMap({
        rows,
        cols,
        rowLabels: shortRows,
        colLabels: shortCols,
        maxWidth: (props.maxWidth ?? 560) * themeScale,
        maxCell: (props.maxCell ?? 40) * themeScale,
        fontSize,
        labelAll: props.labelAll,
      }),
    [rows, cols, shortRows, shortCols, props.maxWidth, props.maxCell, fontSize, themeScale, props.labelAll],
  );
  const { cellW, cellH, left, top, gridWidth, gridHeight } = layout;
  const cell = Math.min(cellW, cellH);
  const runs = useMemo(() => (blocked ? blockedRuns(blocked, rows, cols) : []), [blocked, rows, cols]);
  const showValues = props.showValues ?? (cell >= fontSize * 2.6 && rows * cols <= 400);

  // Count commits (the hover benchmark checks that hovering does not re-render the map).
  useEffect(() => {
    renders.current++;
    if (rootRef.current) rootRef.current.dataset.renders = String(renders.current);
  });

  // The width the map may use (the tooltip goes beside the grid when it fits, below it otherwise).
  useEffect(() => {
    const el = rootRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setAvailable(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Paint the cells: one pixel per cell; the time is recorded for the benchmark.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const t0 = performance.now();
    // willReadFrequently: a CPU-backed canvas, since export (and tests) read the pixels back.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const image = ctx.createImageData(cols, rows);
    paintCells(values, offset, rows, cols, scale, image.data);
    ctx.putImageData(image, 0, 0);
    canvas.dataset.drawMs = (performance.now() - t0).toFixed(3);
  }, [values, offset, rows, cols, scale, asTable]);

  const value = (c: Cell) => values[offset + c.row * cols + c.col];
  const isBlocked = (c: Cell) => !!blocked && blocked[c.row * cols + c.col] === 1;
  const announce = (c: Cell) =>
    announceCell(
      props.rowNoun,
      rowLabels[c.row] ?? String(c.row),
      props.colNoun,
      colLabels[c.col] ?? String(c.col),
      formatValue(value(c), digits),
      isBlocked(c),
    );

  const onKeyDown = (e: React.KeyboardEvent) => {
    const s = store.get();
    if (e.key === 'Escape') {
      store.set({ dismissed: true, hover: null });
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      props.onSelectCell?.(s.focus);
      return;
    }
    const next = moveCell(s.focus, e, rows, cols, Math.max(1, Math.round(160 / cellH)));
    if (!next) return;
    e.preventDefault();
    store.set({ focus: next, hover: null, dismissed: false });
  };
  const pointerCell = (e: React.PointerEvent | React.MouseEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return cellAt(e.clientX - r.left, e.clientY - r.top, r.width / cols, r.height / rows, rows, cols);
  };
  const leaveTimer = useRef<number | undefined>(undefined);

  const rowTicks: number[] = [];
  for (let r = 0; r < rows; r += layout.rowEvery) rowTicks.push(r);
  const colTicks: number[] = [];
  for (let c = 0; c < cols; c += layout.colEvery) colTicks.push(c);
  const hatchId = `${idPrefix}-hatch`;
  const sel = props.selected;
  // The outlines and the tooltip follow one cursor over one grid geometry: given to both at once.
  const cursor: CursorProps = { store, cellW, cellH, idPrefix };

  return (
    <div
      className="viz-cellmap"
      ref={rootRef}
      data-testid={props.testId}
      data-row-px={asTable ? undefined : cellH}
      data-attention-map={props.labelAll ? 'true' : undefined}
      data-rows={rows}
      data-cols={cols}
      data-row-labels={asTable ? undefined : rowTicks.length}
      data-col-labels={asTable ? undefined : colTicks.length}
    >
      <div className="viz-toolbar">
        <TableToggle asTable={asTable} onToggle={() => setAsTable((t) => !t)} />
      </div>
      {asTable ? (
        <CellTable {...props} offset={offset} digits={4} />
      ) : (
        <div className="viz-scroll" tabIndex={layout.width > available ? 0 : undefined} role={layout.width > available ? 'region' : undefined} aria-label={layout.width > available ? `${props.label} (scrolls sideways)` : undefined} data-scrolls={layout.width > available}>
        <div className="viz-figure" style={{ width: layout.width, height: layout.height }}>
          <canvas
            ref={canvasRef}
            width={cols}
            height={rows}
            className="viz-canvas"
            data-testid="cellmap-canvas"
            aria-hidden="true"
            style={{ left, top, width: gridWidth, height: gridHeight }}
          />
          <svg
            className="viz-overlay"
            width={layout.width}
            height={layout.height}
            aria-hidden="true"
            style={{ fontSize }}
          >
            <defs>
              <HatchPattern id={hatchId} size={Math.max(4, Math.min(8, cell / 2))} />
            </defs>
            <text className="viz-axis-title" x={left + gridWidth / 2} y={fontSize * 1.1} textAnchor="middle">
              {props.colTitle}
            </text>
            <text
              className="viz-axis-title"
              transform={`translate(${fontSize * 1.1}, ${top + gridHeight / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {props.rowTitle}
            </text>
            {rowTicks.map((r) => (
              <text
                key={r}
                className="viz-label"
                x={left - 6}
                y={top + (r + 0.5) * cellH}
                textAnchor="end"
                dominantBaseline="central"
              >
                {shortRows[r]}
              </text>
            ))}
            {colTicks.map((c) => (
              <text
                key={c}
                className="viz-label"
                transform={`translate(${left + (c + 0.5) * cellW}, ${top - 6}) rotate(${layout.colAngle})`}
                dominantBaseline={layout.colAngle === -90 ? 'central' : undefined}
              >
                {shortCols[c]}
              </text>
            ))}
            <g data-testid="blocked-hatch">
              {runs.map((run) => (
                <rect
                  key={`${run.row}-${run.col}`}
                  x={left + run.col * cellW}
                  y={top + run.row * cellH}
                  width={run.length * cellW}
                  height={cellH}
                  fill={`url(#${hatchId})`}
                />
              ))}
            </g>
            {showValues && (
              <g className="viz-cell-values">
                {Array.from({ length: rows * cols }, (_, i) => {
                  const r = Math.floor(i / cols);
                  const c = i % cols;
                  const v = values[offset + i];
                  if (blocked && blocked[i] === 1) return null; // the hatch says it; the tooltip and table give the value
                  return (
                    <text
                      key={i}
                      x={left + (c + 0.5) * cellW}
                      y={top + (r + 0.5) * cellH}
                      textAnchor="middle"
                      dominantBaseline="central"
                      style={{ fontSize: Math.min(fontSize, cell / 3.2), fill: textOn(scale.rgb(v)) }}
                    >
                      {formatValue(v, digits)}
                    </text>
                  );
                })}
              </g>
            )}
            <rect
              className="viz-grid-border"
              x={left}
              y={top}
              width={gridWidth}
              height={gridHeight}
              fill="none"
            />
            {sel && (
              <rect
                className="viz-selected-cell"
                x={left + sel.col * cellW}
                y={top + sel.row * cellH}
                width={cellW}
                height={cellH}
                fill="none"
              />
            )}
          </svg>
          <div
            ref={gridRef}
            role="grid"
            tabIndex={0}
            aria-label={props.label}
            aria-rowcount={rows}
            aria-colcount={cols}
            aria-describedby={`${idPrefix}-help`}
            className="viz-grid"
            data-testid="cellmap-grid"
            style={{ left, top, width: gridWidth, height: gridHeight }}
            onKeyDown={onKeyDown}
            onFocus={() => store.set({ focused: true, dismissed: false })}
            onBlur={() => store.set({ focused: false })}
            onPointerMove={(e) => {
              window.clearTimeout(leaveTimer.current);
              const c = pointerCell(e);
              const s = store.get();
              if (c && (s.hover?.row !== c.row || s.hover?.col !== c.col))
                store.set({ hover: c, dismissed: false });
            }}
            onPointerLeave={() => {
              leaveTimer.current = window.setTimeout(() => {
                if (!store.get().overTip) store.set({ hover: null });
              }, 200);
            }}
            onClick={(e) => {
              const c = pointerCell(e);
              if (!c) return;
              store.set({ focus: c });
              props.onSelectCell?.(c);
            }}
          >
            <GridCursor
              {...cursor}
              rows={rows}
              cols={cols}
              announce={announce}
              gridRef={gridRef}
            />
          </div>
          <span id={`${idPrefix}-help`} hidden>
            Arrow keys move between cells; Home and End go to the ends of a row; Escape hides the tooltip.
          </span>
          <CursorTooltip
            {...cursor}
            gridRef={gridRef}
            content={(c) => (
              <>
                <div className="viz-tip-value">
                  <span
                    className="viz-swatch"
                    style={{ background: scale.css(value(c)) }}
                    aria-hidden="true"
                  />
                  <strong>{formatValue(value(c), 4)}</strong>
                  {isBlocked(c) && <span className="viz-tip-blocked"> blocked</span>}
                </div>
                <div>
                  {props.rowNoun} ‘{rowLabels[c.row]}’ (row {c.row}) → {props.colNoun} ‘{colLabels[c.col]}’
                  (column {c.col})
                </div>
                {props.details?.(c)}
              </>
            )}
          />
        </div>
        </div>
      )}
      <Legend
        scale={scale}
        title={props.legendTitle}
        width={Math.max(200 * themeScale, Math.min(320 * themeScale, gridWidth))}
        fontSize={fontSize}
        showBlocked={runs.length > 0}
      />
    </div>
  );
}
