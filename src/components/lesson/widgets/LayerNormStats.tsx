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
import { maxAbsOf } from '../../../visualizations/scales';
import { LiveState } from '../../../panels/LiveState';
import { fmt, rowStats, useStackPieces } from './stats';
import './widgets.css';

/** The input of the layer's first LayerNorm [S, dModel] (see the file comment), or null. */
function normInput(trace: TraceMap, stack: StackName, layer: number, norm: string): Tensor | null {
  const x = layer === 0 ? getTensor<Tensor>(trace, tracePath.stack(stack, 'input')) : getTensor<Tensor>(trace, tracePath.layer(stack, layer - 1, 'output')); // [S, dModel]
  if (!x) return null;
  if (norm === 'pre') return x;
  const sa = getTensor<Tensor>(trace, tracePath.attention(stack, layer, 'selfAttention', 'output')); // [S, dModel]
  return sa ? add(x, sa) : null; // [S, dModel]
}

const W = 8; // px per dimension
const H = 120;

/** One token's dModel values as bars around 0 (positive up in the accent colour, negative down in red), with its mean (solid) and mean ± σ (dashed) drawn across. */
function StatBars({ values, title, mean, std, scale }: { values: Float32Array; title: string; mean: number; std: number; scale: number }) {
  const y = (v: number) => H / 2 - (v / scale) * (H / 2 - 4);
  const width = values.length * W;
  return (
    <figure className="widget-statbars">
      <svg viewBox={`0 0 ${width} ${H}`} width="100%" style={{ maxWidth: width, display: 'block' }} role="img" aria-label={`${title}: ${values.length} values, mean ${fmt(mean, 3)}, standard deviation ${fmt(std, 3)}`}>
        <rect x={0} y={0} width={width} height={H} fill="var(--surface)" />
        {Array.from(values, (v, i) => (
          <rect key={i} x={i * W + 1} width={W - 2} y={Math.min(y(v), y(0))} height={Math.abs(y(v) - y(0))} fill={v >= 0 ? 'var(--accent)' : 'var(--danger)'} />
        ))}
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="var(--muted)" strokeWidth={1} />
        <line x1={0} x2={width} y1={y(mean)} y2={y(mean)} stroke="var(--fg)" strokeWidth={2} />
        <line x1={0} x2={width} y1={y(mean + std)} y2={y(mean + std)} stroke="var(--fg)" strokeWidth={1.5} strokeDasharray="5 3" />
        <line x1={0} x2={width} y1={y(mean - std)} y2={y(mean - std)} stroke="var(--fg)" strokeWidth={1.5} strokeDasharray="5 3" />
      </svg>
      <figcaption>
        {title}: μ = {fmt(mean)} (solid line), μ ± σ = {fmt(mean - std)} … {fmt(mean + std)} (dashed); axis ±{fmt(scale, 1)}
      </figcaption>
    </figure>
  );
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
  const scale = strip ? Math.max(3, maxAbsOf(strip)) : 3;
  const what = info?.config.norm === 'pre' ? 'the stream x entering the layer (pre-norm)' : 'x + SelfAttention(x) (post-norm)';
  return (
    <LiveState ready={ready}>
      {ready && result && strip && info && (
        <div data-testid="layer-norm-stats">
          <div className="widget-btn-row" role="group" aria-label="Token to normalise">
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
          <div className="widget-row">
            <StatBars values={strip.subarray(0, result.d)} title="before" mean={result.before[token].mean} std={result.before[token].std} scale={scale} />
            <StatBars values={strip.subarray(result.d)} title="after (γ = 1, β = 0)" mean={result.after[token].mean} std={result.after[token].std} scale={scale} />
          </div>
        </div>
      )}
    </LiveState>
  );
}
