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
}

export interface CellMapLayout {
  cell: number;
  /** Left edge of the cells (room for the row title and labels). */
  left: number;
  /** Top edge of the cells (room for the column title and rotated labels). */
  top: number;
  gridWidth: number;
  gridHeight: number;
  width: number;
  height: number;
  /** Show every n-th row / column label so that they never overlap. */
  rowEvery: number;
  colEvery: number;
  fontSize: number;
}

/** Monospace glyph width as a fraction of the font size (DejaVu Sans Mono ≈ 0.6). */
export const CHAR_WIDTH = 0.6;
const SIN45 = Math.SQRT1_2;

function longest(labels: readonly string[]): number {
  let m = 1;
  for (const l of labels) m = Math.max(m, l.length);
  return m;
}

/** Computes the layout of a cell map with row labels on the left and column labels on top at −45°. */
export function layoutCellMap(input: CellMapLayoutInput): CellMapLayout {
  const { rows, cols, fontSize } = input;
  const titleBand = fontSize * 1.6;
  const rowLabelW = longest(input.rowLabels) * fontSize * CHAR_WIDTH;
  const colLabelW = longest(input.colLabels) * fontSize * CHAR_WIDTH;
  const left = Math.ceil(titleBand + rowLabelW + 8);
  const top = Math.ceil(titleBand + colLabelW * SIN45 + fontSize + 6);
  const rightPad = Math.ceil(colLabelW * SIN45);
  let cell = (input.maxWidth - left - rightPad) / Math.max(1, cols);
  cell = Math.min(input.maxCell, Math.max(0.5, cell));
  if (cell >= 4) cell = Math.floor(cell); // whole pixels keep cell borders crisp
  const gridWidth = cell * cols;
  const gridHeight = cell * rows;
  const rowEvery = Math.max(1, Math.ceil((fontSize * 1.15) / cell));
  // Rotated labels are cell·sin45 apart perpendicular to the text.
  const colEvery = Math.max(1, Math.ceil((fontSize * 1.15) / (cell * SIN45)));
  return {
    cell,
    left,
    top,
    gridWidth,
    gridHeight,
    width: Math.ceil(left + gridWidth + rightPad + 4),
    height: Math.ceil(top + gridHeight + 4),
    rowEvery,
    colEvery,
    fontSize,
  };
}
