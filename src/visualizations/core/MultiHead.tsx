// Multi-head attention drawn: the dModel-wide Q, K and V cut into nHeads blocks of dHead columns,
// each head's weights side by side (every row and column labelled), then the heads' outputs
// concatenated back to dModel columns and mixed by W_O. All numbers are the trace's.
import { useMemo, useState, type ReactNode } from 'react';
import type { BoolTensor, Tensor } from '../../model/tensor';
import { PanelFrame } from '../PanelFrame';
import { Thumbnail } from '../Thumbnail';
import { Legend } from '../Legend';
import { divergingScale, niceMaxAbs, sequentialScale } from '../scales';
import { formatValue } from '../format';
import { headMatrix, maskBytes, type Matrix } from '../tensorView';
import { distinctLabels } from './attentionCore';
import { VectorRows } from './VectorRows';
import './core.css';

export type MultiHeadPart = 'split' | 'weights' | 'concat';

export interface MultiHeadProps {
  q: Tensor; // [nHeads, Sq, dHead]
  k: Tensor; // [nHeads, Sk, dHead]
  v: Tensor; // [nHeads, Sk, dHead]
  weights: Tensor; // [nHeads, Sq, Sk]
  headOutputs: Tensor; // [nHeads, Sq, dHead]
  output: Tensor; // [Sq, dModel]
  /** [Sq, Sk], 1 = blocked (hatched on the heads' maps). */
  mask?: BoolTensor | null;
  queryTokens: readonly string[];
  keyTokens: readonly string[];
  colourMap?: 'viridis' | 'cividis';
  /** Which parts to draw (default all): the split of Q, K, V; the heads' weights; concat and W_O. */
  parts?: readonly MultiHeadPart[];
  title?: string;
  description?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** [nHeads, S, dHead] laid side by side as [S, nHeads·dHead]: head h owns columns h·dHead … (h+1)·dHead − 1. */
export function concatHeads(t: Tensor): Matrix {
  const [nHeads, S, dHead] = t.shape;
  const out = new Float32Array(S * nHeads * dHead); // [S, dModel]
  for (let h = 0; h < nHeads; h++)
    for (let i = 0; i < S; i++)
      out.set(t.data.subarray((h * S + i) * dHead, (h * S + i + 1) * dHead), i * nHeads * dHead + h * dHead);
  return { values: out, rows: S, cols: nHeads * dHead };
}

/** Head labels over a row of blocks (one per dHead columns). */
function HeadRuler({ nHeads, dHead, cellW, labelW }: { nHeads: number; dHead: number; cellW: number; labelW: number }) {
  return (
    <svg className="viz-svg" width={labelW + nHeads * dHead * cellW + 2} height={18} aria-hidden="true">
      {Array.from({ length: nHeads }, (_, h) => (
        <text key={h} x={labelW + (h + 0.5) * dHead * cellW} y={13} textAnchor="middle" className="core-ruler">
          head {h}
        </text>
      ))}
    </svg>
  );
}

export function MultiHead(props: MultiHeadProps) {
  const [nHeads, Sq, dHead] = props.q.shape;
  const Sk = props.k.shape[1];
  const dModel = nHeads * dHead;
  const parts = props.parts ?? ['split', 'weights', 'concat'];
  const [detail, setDetail] = useState<string | null>(null);
  const qLabels = useMemo(() => distinctLabels(props.queryTokens.slice(0, Sq)), [props.queryTokens, Sq]);
  const kLabels = useMemo(() => distinctLabels(props.keyTokens.slice(0, Sk)), [props.keyTokens, Sk]);
  const wide = useMemo(
    () => ({ Q: concatHeads(props.q), K: concatHeads(props.k), V: concatHeads(props.v), concat: concatHeads(props.headOutputs) }),
    [props.q, props.k, props.v, props.headOutputs],
  );
  const out = headMatrix(props.output);
  const sig = useMemo(() => divergingScale(niceMaxAbs([...wide.Q.values, ...wide.K.values, ...wide.V.values])), [wide]);
  const outScale = useMemo(() => divergingScale(niceMaxAbs([...wide.concat.values, ...out.values])), [wide, out.values]);
  const wScale = useMemo(() => sequentialScale(props.colourMap ?? 'viridis'), [props.colourMap]);
  const cellW = Math.max(3, Math.min(10, Math.floor(448 / dModel)));
  const labelW = 72;
  const hover = (name: string, m: Matrix, labels: readonly string[]) => (c: { row: number; col: number } | null) =>
    setDetail(
      c
        ? `${name}[${labels[c.row]}, ${c.col}] = ${formatValue(m.values[c.row * m.cols + c.col], 4)}: head ${Math.floor(c.col / dHead)}, its column ${c.col % dHead}`
        : null,
    );
  const wideBlock = (name: string, m: Matrix, labels: readonly string[], scale = sig) => (
    <div className="core-block" key={name} data-testid={`multihead-${name}`}>
      <p className="viz-shape">
        {name} [S, dModel] = [{m.rows}, {m.cols}], cut into {nHeads} × dHead = {nHeads} × {dHead}
      </p>
      <HeadRuler nHeads={nHeads} dHead={dHead} cellW={cellW} labelW={labelW} />
      <VectorRows values={m.values} rows={m.rows} cols={m.cols} rowLabels={labels} scale={scale} cellW={cellW} block={dHead} label={`${name}: ${m.rows} rows of ${m.cols} numbers, cut into ${nHeads} heads of ${dHead}`} onHover={hover(name, m, labels)} testId={`multihead-${name}-rows`} />
    </div>
  );
  return (
    <PanelFrame
      title={props.title ?? `${nHeads} heads: split, attend, concatenate, mix`}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'multi-head'}
      data={() => ({ nHeads, dHead, dModel, queryTokens: props.queryTokens, keyTokens: props.keyTokens })}
    >
      <p className="core-detail" role="status" data-testid="multihead-detail">
        {detail ?? 'Hover a cell to see its value and which head owns it.'}
      </p>
      {parts.includes('split') && (
        <section className="core-stage" aria-label="Q, K and V cut into heads">
          <h4 className="viz-subtitle">Q, K and V are {dModel} wide; each head takes its own {dHead} columns</h4>
          <div className="core-qkv">
            {wideBlock('Q', wide.Q, qLabels)}
            {wideBlock('K', wide.K, kLabels)}
            {wideBlock('V', wide.V, kLabels)}
          </div>
          <Legend scale={sig} title="value of Q, K, V" />
        </section>
      )}
      {parts.includes('weights') && (
        <section className="core-stage" aria-label="Each head's weights">
          <h4 className="viz-subtitle">Each head attends on its own: weights [S, S] per head (rows are queries, columns are keys)</h4>
          <div className="core-heads">
            {Array.from({ length: nHeads }, (_, h) => (
              <figure key={h} className="core-head" data-testid={`multihead-weights-${h}`}>
                <figcaption>head {h}</figcaption>
                <Thumbnail matrix={headMatrix(props.weights, h)} scale={wScale} size={Sk * 16} rowLabels={qLabels} colLabels={kLabels} blocked={maskBytes(props.mask, Sq, Sk)} />
              </figure>
            ))}
          </div>
          <Legend scale={wScale} title="attention weight" showBlocked={!!maskBytes(props.mask, Sq, Sk)} />
        </section>
      )}
      {parts.includes('concat') && (
        <section className="core-stage" aria-label="Concatenate and mix with W_O">
          <h4 className="viz-subtitle">Concatenate the heads’ outputs, then mix them with W_O</h4>
          <div className="core-flow">
            {wideBlock('Concat(head₀…)', wide.concat, qLabels, outScale)}
            <div className="core-arrow" aria-hidden="true">· W_O + b_O →</div>
            <div className="core-block" data-testid="multihead-output">
              <p className="viz-shape">output [S, dModel] = [{out.rows}, {out.cols}]</p>
              <HeadRuler nHeads={0} dHead={dHead} cellW={cellW} labelW={labelW} />
              <VectorRows values={out.values} rows={out.rows} cols={out.cols} rowLabels={qLabels} scale={outScale} cellW={cellW} label={`Attention output: ${out.rows} rows of ${out.cols} numbers; every column mixes all heads`} onHover={(c) => setDetail(c ? `output[${qLabels[c.row]}, ${c.col}] = ${formatValue(out.values[c.row * out.cols + c.col], 4)}: row of Concat times column ${c.col} of W_O, plus bias (mixes every head)` : null)} />
            </div>
          </div>
          <Legend scale={outScale} title="value of the heads’ outputs and the attention output" />
        </section>
      )}
    </PanelFrame>
  );
}
