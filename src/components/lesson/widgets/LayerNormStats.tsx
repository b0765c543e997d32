// Lesson 8: what LayerNorm does to one token, on the live model. It takes the vector the model's
// first LayerNorm of the selected layer really receives (post-norm: x + SelfAttention(x); pre-norm:
// the stream x itself), computes its mean and spread, and normalises it with the model's own
// layerNorm function (γ = 1, β = 0, so the learned scale and shift are left out).
import { useMemo, useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { selectModelInfo } from '../../../store/selectors';
import { getTensor, tracePath, type StackName, type TraceMap } from '../../../model/trace';
import type { Tensor } from '../../../model/tensor';
import { add } from '../../../model/ops/elementwise';
import { layerNorm } from '../../../model/ops/layerNorm';
import { CellMap } from '../../../visualizations/CellMap';
import { divergingScale, niceMaxAbs } from '../../../visualizations/scales';
import { LiveState } from '../livePanels';
import { fmt, rowStats, useStackPieces } from './laterShared';
import './later.css';

/** The input of the layer's first LayerNorm [S, dModel] (see the file comment), or null. */
function normInput(trace: TraceMap, stack: StackName, layer: number, norm: string): Tensor | null {
  const x = layer === 0 ? getTensor<Tensor>(trace, tracePath.stack(stack, 'input')) : getTensor<Tensor>(trace, tracePath.layer(stack, layer - 1, 'output')); // [S, dModel]
  if (!x) return null;
  if (norm === 'pre') return x;
  const sa = getTensor<Tensor>(trace, tracePath.attention(stack, layer, 'selfAttention', 'output')); // [S, dModel]
  return sa ? add(x, sa) : null; // [S, dModel]
}

export function LayerNormStats() {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const trace = useAtlas((s) => s.trace);
  const pieces = useStackPieces(stack);
  const [picked, setPicked] = useState(0);
  const result = useMemo(() => {
    if (!info) return null;
    const x = normInput(trace, stack, layer, info.config.norm); // [S, dModel]
    if (!x) return null;
    const d = x.shape[1];
    const ones = { data: new Float32Array(d).fill(1), shape: [d] }; // [dModel], γ = 1
    const zeros = { data: new Float32Array(d), shape: [d] }; // [dModel], β = 0
    const eps = typeof info.config.layerNormEps === 'number' ? info.config.layerNormEps : 1e-5;
    const y = layerNorm(x, ones, zeros, eps); // [S, dModel]
    return { x, y, before: rowStats(x), after: rowStats(y), d };
  }, [info, trace, stack, layer]);
  const ready = !!result && pieces.length > 0 && result.x.shape[0] === pieces.length;
  const token = Math.min(picked, Math.max(0, pieces.length - 1));
  const strip = useMemo(() => {
    if (!result || !ready) return null;
    const { x, y, d } = result;
    const values = new Float32Array(2 * d); // [2, dModel]: the token before and after
    values.set(x.data.subarray(token * d, (token + 1) * d), 0);
    values.set(y.data.subarray(token * d, (token + 1) * d), d);
    return values;
  }, [result, ready, token]);
  const what = info?.config.norm === 'pre' ? 'the stream x entering the layer (pre-norm)' : 'x + SelfAttention(x) (post-norm)';
  return (
    <LiveState ready={ready}>
      {ready && result && strip && info && (
        <div data-testid="layer-norm-stats">
          <div className="later-btn-row" role="group" aria-label="Token to normalise">
            {pieces.map((p, i) => (
              <button key={i} type="button" className="btn" aria-pressed={i === token} data-testid={`ln-token-${i}`} onClick={() => setPicked(i)}>
                {p}
              </button>
            ))}
          </div>
          <p>
            Token <span className="mono">{pieces[token]}</span>, layer {layer}: LayerNorm receives {what}. Before: μ ={' '}
            <span className="mono" data-testid="ln-mean-before">{fmt(result.before[token].mean, 3)}</span>, σ ={' '}
            <span className="mono" data-testid="ln-std-before">{fmt(result.before[token].std, 3)}</span>. After: μ ={' '}
            <span className="mono" data-testid="ln-mean-after">{fmt(result.after[token].mean, 3)}</span>, σ ={' '}
            <span className="mono" data-testid="ln-std-after">{fmt(result.after[token].std, 3)}</span>.
          </p>
          <CellMap
            values={strip}
            rows={2}
            cols={result.d}
            rowLabels={['before', 'after']}
            colLabels={Array.from({ length: result.d }, (_, i) => String(i))}
            rowTitle="Before and after LayerNorm (rows)"
            colTitle={`Dimensions (columns, 0…${result.d - 1})`}
            rowNoun="row"
            colNoun="dimension"
            scale={divergingScale(niceMaxAbs(strip))}
            legendTitle="value (signed)"
            label={`The ${result.d} numbers of token ${pieces[token]} before and after LayerNorm`}
            digits={2}
            testId="ln-strip"
          />
        </div>
      )}
    </LiveState>
  );
}
