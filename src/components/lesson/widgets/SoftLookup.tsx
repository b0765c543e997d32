// Lesson 14: attention as a search, on the live model. For one query of the selected head, a hard
// lookup would return the value of the single best-matching key; attention returns a blend of every
// value, weighted by softmax(scores). The panel recomputes the blend from weights and V and compares
// it with the model's own head output and with the best key's value.
import { useMemo, useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useSelectedAttention, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { argmax } from '../../../model/sample';
import { LiveState } from '../../../panels/LiveState';
import { fmt, useStackPieces } from './stats';
import './widgets.css';

export interface LookupResult {
  weights: Float32Array; // [Sk] of the chosen query
  best: number; // the key a hard lookup would pick
  blend: Float32Array; // [dHead] Σ_j weights_j v_j
  maxDiff: number; // largest |blend − the model's head output|
  cosineToBest: number; // cosine(blend, v_best)
  effectiveKeys: number; // 1 / Σ w² (1 = one key, Sk = all equal)
}

/** The soft lookup of query `i` in head `h`: weights [nHeads, Sq, Sk], v [nHeads, Sk, dHead], out [nHeads, Sq, dHead]. */
export function softLookup(weights: Tensor, v: Tensor, out: Tensor, h: number, i: number): LookupResult {
  const [, Sq, Sk] = weights.shape;
  const dHead = v.shape[2];
  const w = weights.data.slice((h * Sq + i) * Sk, (h * Sq + i + 1) * Sk); // [Sk]
  const best = argmax(w);
  const blend = new Float32Array(dHead); // [dHead]
  for (let j = 0; j < Sk; j++) for (let c = 0; c < dHead; c++) blend[c] += w[j] * v.data[(h * Sk + j) * dHead + c];
  let maxDiff = 0;
  let dot = 0;
  let nb = 0;
  let nv = 0;
  for (let c = 0; c < dHead; c++) {
    maxDiff = Math.max(maxDiff, Math.abs(blend[c] - out.data[(h * Sq + i) * dHead + c]));
    const vb = v.data[(h * Sk + best) * dHead + c];
    dot += blend[c] * vb;
    nb += blend[c] * blend[c];
    nv += vb * vb;
  }
  const sumSq = w.reduce((s, x) => s + x * x, 0);
  return { weights: w, best, blend, maxDiff, cosineToBest: dot / Math.sqrt(nb * nv || 1), effectiveKeys: sumSq > 0 ? 1 / sumSq : 0 };
}

export function SoftLookup() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const attention = useAtlas((s) => s.attention);
  const { weights } = useSelectedAttention();
  const v = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'v')); // [nHeads, Sk, dHead]
  const out = useTraceTensor<Tensor>(tracePath.attention(stack, layer, attention, 'headOutputs')); // [nHeads, Sq, dHead]
  const pieces = useStackPieces(stack);
  const keyPieces = useStackPieces(attention === 'crossAttention' ? 'encoder' : stack);
  const [picked, setPicked] = useState<number | null>(null);
  const ready = !!info && !!weights && !!v && !!out && pieces.length === weights.shape[1] && keyPieces.length === weights.shape[2] && head < weights.shape[0];
  const i = Math.min(picked ?? pieces.length - 1, pieces.length - 1);
  const r = useMemo(() => (ready && weights && v && out && i >= 0 ? softLookup(weights, v, out, head, i) : null), [ready, weights, v, out, head, i]);
  return (
    <LiveState ready={ready}>
      {ready && r && (
        <div data-testid="soft-lookup" data-max-diff={r.maxDiff.toExponential(2)}>
          <div className="widget-btn-row" role="group" aria-label="Query token">
            {pieces.map((p, j) => (
              <button key={j} type="button" className="btn" aria-pressed={j === i} data-testid={`lookup-q-${j}`} onClick={() => setPicked(j)}>
                {p}
              </button>
            ))}
          </div>
          <p>
            Query <span className="mono">{pieces[i]}</span> (position {i}), {stack} layer {layer}, head {head}.
          </p>
          <ol className="widget-bars" aria-label="Weight on each key">
            {Array.from(r.weights, (w, j) => (
              <li key={j} className={w === 0 ? 'is-out' : ''}>
                <span className="mono">
                  {keyPieces[j]} <span className="widget-muted">{j}</span>
                </span>
                <span className="widget-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * w).toFixed(1)}%` }} />
                </span>
                <span className="mono">{fmt(w)}</span>
              </li>
            ))}
          </ol>
          <table className="data-table widget-table">
            <caption>A hard lookup against what attention actually returns</caption>
            <tbody>
              <tr>
                <th scope="row">a dictionary lookup would return</th>
                <td>
                  only <span className="mono">v</span> of <span className="mono">{keyPieces[r.best]}</span> (position {r.best})
                </td>
              </tr>
              <tr>
                <th scope="row">attention returns</th>
                <td>
                  Σ weights × v over all {r.weights.length} keys; it takes {fmt(100 * r.weights[r.best], 0)}% from the best key
                </td>
              </tr>
              <tr>
                <th scope="row">keys really used (1 / Σ w²)</th>
                <td className="mono" data-testid="lookup-effective">
                  {fmt(r.effectiveKeys)}
                </td>
              </tr>
              <tr>
                <th scope="row">cosine(result, v of the best key)</th>
                <td className="mono">{fmt(r.cosineToBest)}</td>
              </tr>
              <tr>
                <th scope="row">largest difference from the model’s own head output</th>
                <td className="mono" data-testid="lookup-diff">
                  {r.maxDiff.toExponential(1)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </LiveState>
  );
}
