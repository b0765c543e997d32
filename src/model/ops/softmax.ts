// Softmax over the unblocked cells of each row (Attention Is All You Need §3.2.1: masked cells are
// "set to −∞", i.e. get weight 0). A row with every cell blocked gets all-zero weights, never NaN.
import type { BoolTensor, Tensor } from '../tensor';

/**
 * out[r, :] = softmax(x[r, :] / temperature) over cells where mask[r % maskRows, c] is 0; blocked
 * cells get 0. `x` and `out` are blocks of `rows × cols` at their offsets; the mask (optional)
 * is [maskRows, cols] and repeats every maskRows rows (one mask shared by all heads).
 */
export function softmaxRowsInto(
  x: Float32Array,
  xOff: number,
  out: Float32Array,
  outOff: number,
  rows: number,
  cols: number,
  mask?: Uint8Array,
  maskRows = rows,
  temperature = 1,
): void {
  const inv = 1 / temperature;
  for (let r = 0; r < rows; r++) {
    const xr = xOff + r * cols;
    const or = outOff + r * cols;
    const mr = (r % maskRows) * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) {
      if (mask && mask[mr + c]) continue;
      const v = x[xr + c] * inv;
      if (v > max) max = v;
    }
    if (max === -Infinity) {
      // Every key blocked: no distribution to take, so the row attends to nothing.
      for (let c = 0; c < cols; c++) out[or + c] = 0;
      continue;
    }
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = mask && mask[mr + c] ? 0 : Math.exp(x[xr + c] * inv - max); // subtract max: no overflow
      out[or + c] = e;
      sum += e;
    }
    for (let c = 0; c < cols; c++) out[or + c] /= sum;
  }
}

/** Softmax along the last axis of x [..., cols], optionally masked by a [rows, cols] mask and tempered. */
export function softmax(x: Tensor, mask?: BoolTensor, temperature = 1): Tensor {
  const cols = x.shape[x.shape.length - 1];
  const rows = x.data.length / cols;
  const out = new Float32Array(x.data.length); // same shape as x
  softmaxRowsInto(x.data, 0, out, 0, rows, cols, mask?.data, mask ? mask.shape[0] : rows, temperature);
  return { data: out, shape: [...x.shape] };
}
