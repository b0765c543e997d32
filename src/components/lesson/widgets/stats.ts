// Small helpers shared by the widgets of lessons 8–14: token pieces of a stack, layer counts,
// and per-row statistics (mean and standard deviation, as LayerNorm computes them).
import { useAtlas } from '../../../store/atlas';
import { piecesOf, selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath, type StackName } from '../../../model/trace';
import type { IntTensor, Tensor } from '../../../model/tensor';
import type { ModelInfo } from '../../../store/types';

/** The token pieces of one stack of the current run ([] until the run arrives). */
export function useStackPieces(stack: StackName): string[] {
  const info = useAtlas(selectModelInfo);
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  return piecesOf(ids, info?.vocab);
}

/** How many layers a stack of the model has. */
export function layersOf(info: ModelInfo, stack: StackName): number {
  const c = info.config;
  if (info.arch === 'encoder-decoder' && stack === 'decoder') return c.nDecoderLayers ?? c.nLayers;
  return c.nLayers;
}

export interface RowStats {
  mean: number;
  std: number;
}

/** Mean and (biased, as LayerNorm) standard deviation of each row of x [S, d]. */
export function rowStats(x: Tensor): RowStats[] {
  const d = x.shape[x.shape.length - 1];
  const rows = x.data.length / d;
  const out: RowStats[] = [];
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let c = 0; c < d; c++) mean += x.data[r * d + c];
    mean /= d;
    let variance = 0;
    for (let c = 0; c < d; c++) variance += (x.data[r * d + c] - mean) ** 2;
    out.push({ mean, std: Math.sqrt(variance / d) });
  }
  return out;
}

/** A number with two decimals and a true minus sign (never "−0.00"). */
export function fmt(v: number, digits = 2): string {
  const s = v.toFixed(digits);
  return (/^-0\.?0*$/.test(s) ? s.slice(1) : s).replace('-', '−');
}
