// A small heatmap drawn at data resolution (one pixel per cell), for the head and model overviews.
// With token labels it is a readable map: cells at least 14 px, every row and column labelled
// (columns upright), repeated tokens told apart (the₁, the₂).
import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import { blockedRuns } from './paint';
import { HatchPattern } from './HatchPattern';
import { paintCells } from './paint';
import type { ColourScale } from './scales';
import type { Matrix } from './tensorView';
import { CHAR_WIDTH, minRowPx } from './layout';
import { shortLabel } from './format';
import { distinctLabels } from './core/attentionCore';

export interface ThumbnailProps {
  matrix: Matrix;
  scale: ColourScale;
  /** Smallest width of the cells (CSS px); grows so that each cell is at least 14 px. */
  size: number;
  /** Token labels of the rows (queries) and columns (keys); without them the map is unlabelled. */
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  fontSize?: number;
  /** 1 = blocked, row-major rows × cols: drawn hatched grey, as on every map. */
  blocked?: ArrayLike<number> | null;
}

/** A canvas heatmap of a matrix, optionally with every row and column labelled. */
export function Thumbnail({ matrix, scale, size, rowLabels, colLabels, fontSize = 11, blocked }: ThumbnailProps) {
  const hatchId = useId().replace(/:/g, '');
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    // willReadFrequently: a CPU-backed canvas, since export reads the pixels back.
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const image = ctx.createImageData(matrix.cols, matrix.rows);
    paintCells(matrix.values, 0, matrix.rows, matrix.cols, scale, image.data);
    ctx.putImageData(image, 0, 0);
  }, [matrix, scale]);
  const rows = useMemo(() => (rowLabels ? distinctLabels(rowLabels.slice(0, matrix.rows).map((l) => shortLabel(l, 8))) : null), [rowLabels, matrix.rows]);
  const cols = useMemo(() => (colLabels ? distinctLabels(colLabels.slice(0, matrix.cols).map((l) => shortLabel(l, 8))) : null), [colLabels, matrix.cols]);
  const cell = Math.max(minRowPx(fontSize), size / Math.max(1, matrix.cols));
  const gridW = cell * matrix.cols;
  const gridH = cell * matrix.rows;
  const longest = (ls: readonly string[] | null) => (ls ? Math.max(1, ...ls.map((l) => l.length)) * fontSize * CHAR_WIDTH + 6 : 0);
  const left = Math.ceil(longest(rows));
  const top = Math.ceil(longest(cols));
  return (
    <span
      className="viz-thumb-map"
      style={{ width: left + gridW, height: top + gridH }}
      data-attention-map="true"
      data-row-px={cell}
      data-rows={matrix.rows}
      data-cols={matrix.cols}
      data-row-labels={rows ? rows.length : 0}
      data-col-labels={cols ? cols.length : 0}
    >
      <canvas
        ref={ref}
        width={matrix.cols}
        height={matrix.rows}
        style={{ left, top, width: gridW, height: gridH }}
        aria-hidden="true"
        data-testid="thumbnail"
      />
      {(rows || cols || blocked) && (
        <svg className="viz-svg viz-thumb-labels" width={left + gridW} height={top + gridH} aria-hidden="true" style={{ fontSize }}>
          {blocked && (
            <>
              <defs>
                <HatchPattern id={`${hatchId}-h`} size={6} />
              </defs>
              {blockedRuns(blocked, matrix.rows, matrix.cols).map((r) => (
                <rect key={`${r.row}-${r.col}`} x={left + r.col * cell} y={top + r.row * cell} width={r.length * cell} height={cell} fill={`url(#${hatchId}-h)`} />
              ))}
            </>
          )}
          {rows?.map((l, r) => (
            <text key={`r${r}`} x={left - 4} y={top + (r + 0.5) * cell} textAnchor="end" dominantBaseline="central">
              {l}
            </text>
          ))}
          {cols?.map((l, c) => (
            <text key={`c${c}`} transform={`translate(${left + (c + 0.5) * cell}, ${top - 4}) rotate(-90)`} dominantBaseline="central">
              {l}
            </text>
          ))}
        </svg>
      )}
    </span>
  );
}
