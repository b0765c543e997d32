// Layout of a cell map: cell size, margins for the axis labels and titles, and which labels fit.
// Pure (estimates text width from a monospace font), so it is unit-tested.

export interface CellMapLayoutInput {
  rows: number;
  cols: number;
  rowLabels: readonly string[];
  colLabels: readonly string[];
  /** Width available for the whole map including labels (CSS px). */
  maxWidth: number;
  /** Largest cell side (CSS px). */
  maxCell: number;
  /** Font size of the labels (CSS px). */
  fontSize: number;
  /** Label every row and every column (attention maps): cells are then at least minRow wide, and
   *  the map may grow wider than maxWidth (its container scrolls). */
  labelAll?: boolean;
}

export interface CellMapLayout {
  /** Cell width (CSS px). */
  cellW: number;
  /** Cell height (CSS px): never below minRow, so every row stays readable and labelled. */
  cellH: number;
  /** Left edge of the cells (room for the row title and labels). */
  left: number;
  /** Top edge of the cells (room for the column title and rotated labels). */
  top: number;
  gridWidth: number;
  gridHeight: number;
  width: number;
  height: number;
  /** Show every n-th row / column label so that they never overlap (1 for rows, and for columns of attention maps). */
  rowEvery: number;
  colEvery: number;
  /** Rotation of the column labels: −45° when they fit, −90° (upright) for narrow cells. */
  colAngle: -45 | -90;
  fontSize: number;
}

/** Monospace glyph width as a fraction of the font size (DejaVu Sans Mono ≈ 0.6). */
export const CHAR_WIDTH = 0.6;
const SIN45 = Math.SQRT1_2;

/** The smallest row height a map draws: a label's line height, and never under 14 px. */
export function minRowPx(fontSize: number): number {
  return Math.max(14, Math.ceil(fontSize * 1.15));
}

function longest(labels: readonly string[]): number {
  let m = 1;
  for (const l of labels) m = Math.max(m, l.length);
  return m;
}

/** Computes the layout of a cell map with row labels on the left and column labels on top. */
export function layoutCellMap(input: CellMapLayoutInput): CellMapLayout {
  const { rows, cols, fontSize } = input;
  const minRow = minRowPx(fontSize);
  const titleBand = fontSize * 1.6;
  const rowLabelW = longest(input.rowLabels) * fontSize * CHAR_WIDTH;
  const colLabelW = longest(input.colLabels) * fontSize * CHAR_WIDTH;
  const left = Math.ceil(titleBand + rowLabelW + 8);
  const fit = (rightPad: number) => {
    let c = (input.maxWidth - left - rightPad) / Math.max(1, cols);
    c = Math.min(input.maxCell, Math.max(0.5, c));
    if (input.labelAll) c = Math.max(c, minRow);
    return c >= 4 ? Math.floor(c) : c; // whole pixels keep cell borders crisp
  };
  // Labels at −45° while they fit (spaced cell·sin45 apart), else upright (spaced one cell apart).
  let colAngle: -45 | -90 = -45;
  let rightPad = Math.ceil(colLabelW * SIN45);
  let cellW = fit(rightPad);
  if (cellW * SIN45 < fontSize * 1.15) {
    colAngle = -90;
    rightPad = Math.ceil(fontSize / 2);
    cellW = fit(rightPad);
  }
  const cellH = Math.max(cellW, minRow);
  const top = Math.ceil(titleBand + (colAngle === -45 ? colLabelW * SIN45 : colLabelW) + fontSize + 6);
  const gridWidth = cellW * cols;
  const gridHeight = cellH * rows;
  const rowEvery = Math.max(1, Math.ceil((fontSize * 1.15) / cellH));
  const spacing = colAngle === -45 ? cellW * SIN45 : cellW;
  const colEvery = Math.max(1, Math.ceil((fontSize * 1.15) / spacing - 1e-9));
  return {
    cellW,
    cellH,
    left,
    top,
    gridWidth,
    gridHeight,
    width: Math.ceil(left + gridWidth + rightPad + 4),
    height: Math.ceil(top + gridHeight + 4),
    rowEvery,
    colEvery,
    colAngle,
    fontSize,
  };
}
