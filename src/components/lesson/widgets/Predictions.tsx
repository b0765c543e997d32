// Lessons 9, 11, 13: the model's probabilities for one position, live. The temperature slider sets
// the run's temperature, so the worker recomputes probs = softmax(logits / T); top-k keeps the k
// most likely tokens and renormalises them; "Draw" samples with the model's own seeded sampler.
import { useEffect, useMemo, useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { createRng, sampleToken } from '../../../model/sample';
import { LiveState } from '../../../panels/LiveState';
import { ModelPair } from './ModelPair';
import { fmt, useStackPieces } from './stats';
import './widgets.css';

export interface PredictionsProps {
  /** Which position: the last, the first `<mask>`, or one the learner picks. */
  position?: 'last' | 'mask' | 'choose';
  /** Show temperature, top-k and the sampler. */
  sampling?: boolean;
  /** Show the buttons that switch between the two grammar models. */
  pair?: boolean;
}

const SHOWN = 8;
const TOPK_CHOICES = [1, 2, 3, 5, 10, 0]; // 0 = all

/** The ids of row `pos` of probs [T, V], most probable first, with their probabilities. */
export function ranked(probs: Tensor, pos: number): { id: number; p: number }[] {
  const V = probs.shape[1];
  const row = probs.data.subarray(pos * V, (pos + 1) * V); // [V]
  return Array.from(row, (p, id) => ({ id, p })).sort((a, b) => b.p - a.p || a.id - b.id);
}

export function Predictions({ position = 'last', sampling = false, pair = false }: PredictionsProps) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const temperature = useAtlas((s) => s.temperature);
  const probs = useTraceTensor<Tensor>(tracePath.head('probs')); // [T, V]
  const logits = useTraceTensor<Tensor>(tracePath.head('logits')); // [T, V]
  const pieces = useStackPieces(stack);
  const [chosen, setChosen] = useState<number | null>(null);
  const [topK, setTopK] = useState(0);
  const [draws, setDraws] = useState<number[]>([]);
  const [seed, setSeed] = useState(1);
  // The temperature belongs to this panel: put it back to 1 when the panel goes away.
  useEffect(() => () => useAtlas.getState().setTemperature(1), []);
  const T = probs?.shape[0] ?? 0;
  const maskAt = pieces.indexOf('<mask>');
  const pos = Math.max(0, Math.min(T - 1, position === 'mask' && maskAt >= 0 ? maskAt : position === 'choose' && chosen !== null ? chosen : T - 1));
  const ready = !!info && !!probs && !!logits && T > 0 && pieces.length === T;
  const rows = useMemo(() => (ready && probs ? ranked(probs, pos) : []), [ready, probs, pos]);
  const k = topK === 0 ? rows.length : Math.min(topK, rows.length);
  const keptMass = rows.slice(0, k).reduce((s, r) => s + r.p, 0);
  const piece = (id: number) => info?.vocab[id] ?? String(id);
  const draw = (n: number) => {
    if (!logits) return;
    const V = logits.shape[1];
    const row = logits.data.subarray(pos * V, (pos + 1) * V); // [V]
    const rng = createRng(seed);
    const out = Array.from({ length: n }, () => sampleToken(row, { temperature, topK: topK === 0 ? undefined : topK, rng }));
    setSeed(seed + 1);
    setDraws(out);
  };
  return (
    <LiveState ready={ready}>
      {pair && <ModelPair />}
      {ready && info && (
        <div data-testid="predictions" data-position={pos} data-temperature={temperature}>
          {position === 'choose' && (
            <div className="widget-btn-row" role="group" aria-label="Position">
              {pieces.map((p, i) => (
                <button key={i} type="button" className="btn" aria-pressed={i === pos} data-testid={`pred-pos-${i}`} onClick={() => setChosen(i)}>
                  {p}
                </button>
              ))}
            </div>
          )}
          <p>
            Position {pos} (the token <span className="mono">{pieces[pos]}</span>
            {position === 'mask' && maskAt < 0 ? '; no <mask> in the input, so the last position' : ''}): the {SHOWN} most probable next tokens
            {sampling ? ` at temperature ${fmt(temperature)}` : ''}. The first bar is the argmax.
          </p>
          {sampling && (
            <div className="widget-controls">
              <label>
                temperature T = <span className="mono">{fmt(temperature)}</span>{' '}
                <input
                  type="range"
                  min={0.1}
                  max={3}
                  step={0.1}
                  value={temperature}
                  data-testid="pred-temperature"
                  onChange={(e) => useAtlas.getState().setTemperature(Number(e.target.value))}
                />
              </label>
              <label>
                top-k{' '}
                <select value={topK} data-testid="pred-topk" onChange={(e) => setTopK(Number(e.target.value))}>
                  {TOPK_CHOICES.map((c) => (
                    <option key={c} value={c}>
                      {c === 0 ? `all (${rows.length})` : c}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          <table className="data-table widget-prob-table" data-testid="pred-bars">
            <caption className="visually-hidden">Most probable next tokens at position {pos}</caption>
            <thead>
              <tr>
                <th scope="col">token</th>
                <th scope="col">share</th>
                <th scope="col">{sampling && topK !== 0 ? `probability → after top-${k}` : 'probability'}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, Math.min(rows.length, Math.max(SHOWN, topK))).map((r, i) => {
                const inTopK = i < k;
                const renorm = inTopK ? r.p / keptMass : 0;
                return (
                  <tr key={r.id} className={inTopK ? '' : 'is-out'} data-testid={`pred-bar-${i}`} data-p={r.p.toFixed(6)} data-token={piece(r.id)}>
                    <th scope="row" className="mono">
                      {piece(r.id)}
                    </th>
                    <td>
                      <span className="widget-bar" aria-hidden="true">
                        <span style={{ width: `${(100 * (sampling ? renorm : r.p)).toFixed(1)}%` }} />
                      </span>
                    </td>
                    <td className="mono">
                      {(100 * r.p).toFixed(1)}%{sampling && topK !== 0 ? (inTopK ? ` → ${(100 * renorm).toFixed(1)}%` : ' → 0') : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sampling && topK !== 0 && (
            <p className="widget-muted">
              Top-{k} keeps {(100 * keptMass).toFixed(1)}% of the probability and rescales it to 100% (the number after the arrow); greyed tokens can no
              longer be drawn.
            </p>
          )}
          {sampling && (
            <div className="widget-controls">
              <button type="button" className="btn" data-testid="pred-draw" onClick={() => draw(20)}>
                Draw 20 tokens
              </button>
              {draws.length > 0 && (
                <span className="widget-out" data-testid="pred-draws" aria-live="polite">
                  {draws.map(piece).join(' ')}
                </span>
              )}
            </div>
          )}
        </div>
      )}
    </LiveState>
  );
}
