// Panel for lesson 5: one big projection X·W split into heads equals one small projection per
// head X·W[:, h·dHead:(h+1)·dHead]. X is the model's real layer input; W is a seeded random matrix
// (the identity holds for any W), so the panel is labelled an illustration.
import { useMemo } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { matmul } from '../../../model/ops/matmul';
import { createRng } from '../../../model/sample';
import { LiveState } from '../../../panels/LiveState';

export interface HeadSplitResult {
  nHeads: number;
  dHead: number;
  /** Largest |(X·W)[:, head h] − X·W_h| per head. */
  maxDiff: number[];
}

/** Computes both ways for an input X [S, dModel] and a seeded W [dModel, dModel]. */
export function compareHeadSplit(x: Tensor, nHeads: number, seed = 7): HeadSplitResult {
  const [S, dModel] = x.shape;
  const dHead = dModel / nHeads;
  const rand = createRng(seed); // seeded, so the illustration is the same on every load
  const w = { data: Float32Array.from({ length: dModel * dModel }, () => (rand() * 2 - 1) / Math.sqrt(dModel)), shape: [dModel, dModel] }; // [dModel, dModel]
  const big = matmul(x, w); // [S, dModel]
  const maxDiff: number[] = [];
  for (let h = 0; h < nHeads; h++) {
    const wh = new Float32Array(dModel * dHead); // [dModel, dHead]
    for (let r = 0; r < dModel; r++) wh.set(w.data.subarray(r * dModel + h * dHead, r * dModel + (h + 1) * dHead), r * dHead);
    const small = matmul(x, { data: wh, shape: [dModel, dHead] }); // [S, dHead]
    let d = 0;
    for (let s = 0; s < S; s++)
      for (let c = 0; c < dHead; c++) d = Math.max(d, Math.abs(big.data[s * dModel + h * dHead + c] - small.data[s * dHead + c]));
    maxDiff.push(d);
  }
  return { nHeads, dHead, maxDiff };
}

export function HeadSplit() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const x = useTraceTensor<Tensor>(tracePath.stack(stack, 'input')); // [S, dModel]
  const result = useMemo(() => (x && info ? compareHeadSplit(x, info.config.nHeads) : null), [x, info]);
  return (
    <LiveState ready={!!result}>
      {result && x && (
        <table className="data-table" data-testid="head-split-table">
          <caption>
            X = the real input of the first layer, [S, dModel] = [{x.shape[0]}, {x.shape[1]}]; one product X·W of [{x.shape[1]}, {x.shape[1]}] split into{' '}
            {result.nHeads} heads of dHead = {result.dHead}, against {result.nHeads} products X·W<sub>h</sub>.
          </caption>
          <thead>
            <tr>
              <th scope="col">head</th>
              <th scope="col">columns of X·W</th>
              <th scope="col">largest difference</th>
            </tr>
          </thead>
          <tbody>
            {result.maxDiff.map((d, h) => (
              <tr key={h}>
                <th scope="row">{h}</th>
                <td className="mono">
                  {h * result.dHead}…{(h + 1) * result.dHead - 1}
                </td>
                <td className="mono" data-testid={`head-split-diff-${h}`}>
                  {d === 0 ? '0 (identical)' : d.toExponential(1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </LiveState>
  );
}
