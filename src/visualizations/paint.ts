// Painting a matrix at data resolution (one pixel per cell) and finding blocked runs for hatching.
// Pure functions on typed arrays, so the benchmark and tests run them without a browser.
import type { ColourScale } from './scales';

/** Writes RGBA bytes for `rows × cols` values (row-major, starting at `offset`) into `out`.
 *  The colour of each cell is exactly `scale.rgb(value)`; NaN cells are mid grey. */
export function paintCells(
  values: ArrayLike<number>,
  offset: number,
  rows: number,
  cols: number,
  scale: ColourScale,
  out: Uint8ClampedArray,
): void {
  const n = rows * cols;
  const lut = scale.lut;
  const lo = scale.domain[0];
  const k = 256 / (scale.domain[1] - lo || 1); // bins per unit value
  for (let i = 0; i < n; i++) {
    const v = values[offset + i];
    let b = Math.floor((v - lo) * k);
    const o = i * 4;
    if (b !== b) {
      out[o] = out[o + 1] = out[o + 2] = 128;
    } else {
      b = b < 0 ? 0 : b > 255 ? 255 : b;
      const l = b * 3;
      out[o] = lut[l];
      out[o + 1] = lut[l + 1];
      out[o + 2] = lut[l + 2];
    }
    out[o + 3] = 255;
  }
}

/** A horizontal run of blocked cells in one row. */
export interface Run {
  row: number;
  col: number;
  length: number;
}

/** Blocked cells (1 = blocked) merged into horizontal runs: a causal 512×512 mask is 511 runs, not 130 816 rects. */
export function blockedRuns(blocked: ArrayLike<number>, rows: number, cols: number, offset = 0): Run[] {
  const runs: Run[] = [];
  for (let r = 0; r < rows; r++) {
    let start = -1;
    for (let c = 0; c <= cols; c++) {
      const on = c < cols && blocked[offset + r * cols + c] === 1;
      if (on && start < 0) start = c;
      else if (!on && start >= 0) {
        runs.push({ row: r, col: start, length: c - start });
        start = -1;
      }
    }
  }
  return runs;
}
