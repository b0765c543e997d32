// Lesson 10: where each output character looks in the input. For the decoder position that writes
// a character (its argmax), the cross-attention weights over the encoder's tokens — rows are the
// decoder's queries, columns the encoder's keys — are shown on the source text itself, for one
// head or averaged over the heads of the selected decoder layer.
import { useMemo, useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { IntTensor, Tensor } from '../../../model/tensor';
import { argmax } from '../../../model/sample';
import { sequentialScale, textOn } from '../../../visualizations/scales';
import { LiveState } from '../../../panels/LiveState';
import { fmt, useStackPieces } from './stats';
import { WidgetTable } from './WidgetTable';
import './widgets.css';

/** Cross-attention weights of one query row: one head's, or the mean over heads. [Sk] */
export function crossRow(weights: Tensor, row: number, head: number | 'mean'): Float32Array {
  const [nHeads, Sq, Sk] = weights.shape;
  const out = new Float32Array(Sk); // [Sk]
  const heads = head === 'mean' ? Array.from({ length: nHeads }, (_, h) => h) : [head];
  for (const h of heads) {
    const o = (h * Sq + row) * Sk;
    for (let j = 0; j < Sk; j++) out[j] += weights.data[o + j] / heads.length;
  }
  return out;
}

/** The key with the largest weight (lowest index on ties). */
const top = (row: Float32Array): number => argmax(row);

const show = (p: string) => (p === ' ' ? '␣' : p);

export function CrossAlignment() {
  const info = useAtlas(selectModelInfo);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const colorMap = useAtlas((s) => s.colorMap);
  const weights = useTraceTensor<Tensor>(tracePath.attention('decoder', layer, 'crossAttention', 'weights')); // [nHeads, Sq, Sk]
  const argmax = useTraceTensor<IntTensor>(tracePath.head('argmax')); // [Sq]
  const src = useStackPieces('encoder');
  const tgt = useStackPieces('decoder');
  const [mode, setMode] = useState<'mean' | 'head'>('mean');
  const [picked, setPicked] = useState(0);
  const ready = !!info && !!weights && !!argmax && src.length === weights.shape[2] && tgt.length === weights.shape[1] && argmax.shape[0] === tgt.length;
  const which: number | 'mean' = mode === 'mean' ? 'mean' : Math.min(head, (weights?.shape[0] ?? 1) - 1);
  const rows = useMemo(() => (ready && weights ? tgt.map((_, i) => crossRow(weights, i, which)) : []), [ready, weights, tgt, which]);
  const row = Math.min(picked, Math.max(0, tgt.length - 1));
  const scale = sequentialScale(colorMap === 'cividis' ? 'cividis' : 'viridis');
  const written = (i: number) => (info && argmax ? (info.vocab[argmax.data[i]] ?? String(argmax.data[i])) : '');
  return (
    <LiveState ready={ready}>
      {ready && info && rows.length > 0 && (
        <div data-testid="cross-alignment" data-rows={tgt.length} data-cols={src.length}>
          <div className="widget-controls" role="group" aria-label="Heads">
            <span>Heads:</span>
            <button type="button" className="btn" aria-pressed={mode === 'mean'} data-testid="cross-mode-mean" onClick={() => setMode('mean')}>
              mean of all {weights?.shape[0]}
            </button>
            <button type="button" className="btn" aria-pressed={mode === 'head'} data-testid="cross-mode-head" onClick={() => setMode('head')}>
              head {Math.min(head, (weights?.shape[0] ?? 1) - 1)} only
            </button>
          </div>
          <p className="widget-muted">Pick an output character (what the decoder writes at that position):</p>
          <div className="widget-btn-row" role="group" aria-label="Output character">
            {tgt.map((p, i) => (
              <button
                key={i}
                type="button"
                className="btn"
                aria-pressed={i === row}
                aria-label={`position ${i}: reads ${p}, writes ${written(i)}`}
                data-testid={`cross-out-${i}`}
                onClick={() => setPicked(i)}
              >
                {show(written(i))}
              </button>
            ))}
          </div>
          <p>
            Position {row} reads <span className="mono">{show(tgt[row])}</span> and writes <strong className="mono">{show(written(row))}</strong>; its
            query looks at the source like this (layer {layer}, {mode === 'mean' ? 'mean over heads' : `head ${which}`}):
          </p>
          <p className="widget-muted">
            Colour: the weight on each source character, from 0 (dark) to 1 (bright, {colorMap === 'cividis' ? 'cividis' : 'viridis'}); the number under each character is the
            weight itself and the one with the bold border gets the most.
          </p>
          <div className="widget-row" role="list" aria-label="Cross-attention weight on each source character" data-testid="cross-source">
            {src.map((p, j) => {
              const w = rows[row][j];
              const [r, g, b] = scale.rgb(w);
              return (
                <span role="listitem" key={j} className={`widget-chip${j === top(rows[row]) ? ' is-top' : ''}`} aria-label={`${p} at ${j}: weight ${fmt(w)}`}>
                  <span className="widget-chip-char" style={{ background: `rgb(${r}, ${g}, ${b})`, color: textOn([r, g, b]) }}>
                    {show(p)}
                  </span>
                  <span className="widget-chip-num">{fmt(w)}</span>
                  <span className="widget-chip-pos">{j}</span>
                </span>
              );
            })}
          </div>
          <WidgetTable
            label="Table of output characters and where they look"
            caption="Every output character and the source character it weights most (bold box above = that character)."
            cols={['position', 'reads', 'writes', 'looks most at', 'weight']}
            testId="cross-table"
          >
            {rows.map((r, i) => {
              const j = top(r);
              return (
                <tr key={i} data-testid={`cross-row-${i}`} data-top={j}>
                  <td className="mono">{i}</td>
                  <td className="mono">{show(tgt[i])}</td>
                  <td className="mono">{show(written(i))}</td>
                  <td className="mono">
                    {show(src[j])} <span className="widget-muted">(source position {j})</span>
                  </td>
                  <td className="mono">{fmt(r[j])}</td>
                </tr>
              );
            })}
          </WidgetTable>
        </div>
      )}
    </LiveState>
  );
}
