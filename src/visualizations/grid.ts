// The keyboard model of a cell grid (WAI-ARIA grid pattern): which cell the focus moves to for a key.
// Pure, so it is unit-tested; the React grid only reads keys and draws the result.

export interface Cell {
  row: number;
  col: number;
}

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** The focus cell after a key press, or null when the key is not a grid navigation key.
 *  Arrows move one cell (stopping at the edges); Home/End go to the row's first/last cell,
 *  with Ctrl to the grid's first/last cell; PageUp/PageDown move `pageRows` rows. */
export function moveCell(cell: Cell, e: GridKey, rows: number, cols: number, pageRows = 8): Cell | null {
  if (rows <= 0 || cols <= 0) return null;
  const clampR = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampC = (c: number) => Math.max(0, Math.min(cols - 1, c));
  const { row, col } = { row: clampR(cell.row), col: clampC(cell.col) };
  const ctrl = Boolean(e.ctrlKey || e.metaKey);
  switch (e.key) {
    case 'ArrowUp':
      return { row: clampR(row - 1), col };
    case 'ArrowDown':
      return { row: clampR(row + 1), col };
    case 'ArrowLeft':
      return { row, col: clampC(col - 1) };
    case 'ArrowRight':
      return { row, col: clampC(col + 1) };
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row, col: 0 };
    case 'End':
      return ctrl ? { row: rows - 1, col: cols - 1 } : { row, col: cols - 1 };
    case 'PageUp':
      return { row: clampR(row - pageRows), col };
    case 'PageDown':
      return { row: clampR(row + pageRows), col };
    default:
      return null;
  }
}

/** The cell under a point given in CSS pixels relative to the cell area (null outside). */
export function cellAt(
  x: number,
  y: number,
  cellW: number,
  cellH: number,
  rows: number,
  cols: number,
): Cell | null {
  if (x < 0 || y < 0) return null;
  const col = Math.floor(x / cellW);
  const row = Math.floor(y / cellH);
  if (row >= rows || col >= cols) return null;
  return { row, col };
}
