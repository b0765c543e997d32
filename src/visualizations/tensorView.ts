// Views of trace tensors as 2-D matrices for the panels (no copies: subarrays of the data).
import type { BoolTensor, Tensor } from '../model/tensor';

/** A row-major 2-D view: `values[r * cols + c]`. */
export interface Matrix {
  values: Float32Array;
  rows: number;
  cols: number;
}

/** The [rows, cols] matrix of head `head` of a [nHeads, rows, cols] tensor, or the tensor itself if 2-D. */
export function headMatrix(t: Tensor, head = 0): Matrix {
  if (t.shape.length === 2) return { values: t.data, rows: t.shape[0], cols: t.shape[1] };
  if (t.shape.length !== 3)
    throw new Error(`Expected a 2-D or 3-D tensor, got shape [${t.shape.join(', ')}]`);
  const [nHeads, rows, cols] = t.shape;
  if (head < 0 || head >= nHeads) throw new Error(`Head ${head} out of range (nHeads = ${nHeads})`);
  const n = rows * cols;
  return { values: t.data.subarray(head * n, (head + 1) * n), rows, cols }; // [rows, cols]
}

/** Number of heads of a [nHeads, Sq, Sk] tensor (1 for a 2-D one). */
export function headCount(t: Tensor): number {
  return t.shape.length === 3 ? t.shape[0] : 1;
}

/** The mask's bytes if it matches rows × cols (1 = blocked), else null. */
export function maskBytes(
  mask: BoolTensor | null | undefined,
  rows: number,
  cols: number,
): Uint8Array | null {
  if (!mask) return null;
  const m = mask.shape.length === 3 ? mask.data.subarray(0, rows * cols) : mask.data;
  return m.length === rows * cols ? m : null;
}

/** A matrix as nested arrays (for JSON export and tests). */
export function matrixRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, r) =>
    Array.from(m.values.subarray(r * m.cols, (r + 1) * m.cols)),
  );
}
