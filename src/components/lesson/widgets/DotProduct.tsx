// The computation behind one attention weight: q_i and k_j of the selected head from the trace,
// their element-wise products, the sum, the division by √dHead (= the traced score) and the weight.
import { useAtlas } from '../../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { Tex } from '../../../visualizations/Tex';
import { HeadRow } from '../../../visualizations/HeadRow';

const fmt = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) < 0.01 ? x.toPrecision(3) : x.toFixed(3));

/** The dot product behind the pinned cell (query row i, key column j) of the selected head. */
export function DotProduct() {
  const info = useAtlas(selectModelInfo);
  const pinned = useAtlas((s) => s.pinned);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const attention = useAtlas((s) => s.attention);
  const q = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'q')); // [nHeads, Sq, dHead]
  const k = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'k')); // [nHeads, Sk, dHead]
  const { scores, weights, mask, queryIds, keyIds } = useSelectedAttention();
  if (!info || !q || !k || !scores || !weights) return null;
  const [nHeads, Sq, dHead] = q.shape;
  const Sk = k.shape[1];
  if (!pinned || pinned.query >= Sq || pinned.key >= Sk || head >= nHeads)
    return (
      <p className="pg-muted" data-testid="dot-product-hint">
        Select a cell (click it, or move with the arrow keys and press Enter) to see the dot product behind it.
      </p>
    );
  const i = pinned.query;
  const j = pinned.key;
  const qi = q.data.subarray((head * Sq + i) * dHead, (head * Sq + i + 1) * dHead); // [dHead]
  const kj = k.data.subarray((head * Sk + j) * dHead, (head * Sk + j + 1) * dHead); // [dHead]
  let sum = 0;
  for (let m = 0; m < dHead; m++) sum += qi[m] * kj[m];
  const score = sum / Math.sqrt(dHead);
  const traced = scores.data[(head * Sq + i) * Sk + j];
  const weight = weights.data[(head * Sq + i) * Sk + j];
  const blocked = mask ? mask.data[i * Sk + j] === 1 : false;
  const qTok = piecesOf(queryIds, info.vocab)[i];
  const kTok = piecesOf(keyIds, info.vocab)[j];
  const shown = Math.min(dHead, 8);
  return (
    <div className="dot-product" data-testid="dot-product" data-query={i} data-key={j}>
      <p>
        Query {i} “{qTok}” → key {j} “{kTok}”, head {head} (dHead = {dHead}):
      </p>
      <table className="data-table">
        <caption>
          The first {shown} of {dHead} terms q<sub>i,m</sub>·k<sub>j,m</sub>
        </caption>
        <HeadRow cols={['m', 'q', 'k', 'q·k term']} />
        <tbody>
          {Array.from({ length: shown }, (_, m) => (
            <tr key={m}>
              <th scope="row">{m}</th>
              <td className="mono">{fmt(qi[m])}</td>
              <td className="mono">{fmt(kj[m])}</td>
              <td className="mono">{fmt(qi[m] * kj[m])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Tex display>{`\\frac{q_{${i}} \\cdot k_{${j}}}{\\sqrt{${dHead}}} = \\frac{${fmt(sum)}}{${fmt(Math.sqrt(dHead))}} = ${fmt(score)}`}</Tex>
      <p data-testid="dot-product-result">
        Recomputed score {fmt(score)}; the model’s traced score {fmt(traced)}.{' '}
        {blocked ? 'This cell is blocked by the mask: its weight is 0.' : `After the softmax over row ${i}: weight ${weight.toFixed(3)}.`}
      </p>
    </div>
  );
}
