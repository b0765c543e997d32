// The attention heatmap: one head's weights (after softmax) or scores (q_i·k_j/√dHead, before the mask),
// rows = queries, columns = keys, blocked cells hatched, each cell explained in its tooltip.
import { useMemo, type ReactNode } from 'react';
import type { BoolTensor, Tensor } from '../model/tensor';
import { CellMap } from './CellMap';
import { PanelFrame } from './PanelFrame';
import { divergingScale, niceMax, niceMaxAbs, sequentialScale } from './scales';
import { formatValue } from './format';
import { headMatrix, maskBytes, matrixRows } from './tensorView';
import type { Cell } from './grid';

export interface AttentionHeatmapProps {
  /** Attention weights after softmax, [nHeads, Sq, Sk] or [Sq, Sk]. */
  weights: Tensor;
  /** Scores q·kᵀ/√dHead before the mask, same shape as weights (optional: shown in tooltips, or drawn with show="scores"). */
  scores?: Tensor;
  /** The combined mask [Sq, Sk], 1 = blocked. */
  mask?: BoolTensor | null;
  /** Which head of a 3-D tensor (default 0). */
  head?: number;
  /** Token labels of the queries (rows) and keys (columns). */
  queryTokens: readonly string[];
  keyTokens: readonly string[];
  /** dHead, for the formula in the tooltip. */
  dHead?: number;
  /** Axis titles (default "Queries (rows)" / "Keys (columns)"), e.g. "Keys: encoder output (columns)" for cross-attention. */
  rowTitle?: string;
  colTitle?: string;
  /** Draw the weights (viridis/cividis) or the scores (RdBu centred at 0). */
  show?: 'weights' | 'scores';
  colourMap?: 'viridis' | 'cividis';
  /** Colour domain of the weights: [0, 1] (default), or [0, the largest weight] for long sequences. */
  weightDomain?: 'unit' | 'data';
  title?: string;
  description?: ReactNode;
  onSelectCell?: (c: Cell) => void;
  selected?: Cell | null;
  maxWidth?: number;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** An attention heatmap panel (with export, legend, table view and keyboard grid). */
export function AttentionHeatmap(props: AttentionHeatmapProps) {
  const { weights, scores, mask, head = 0, queryTokens, keyTokens, show = 'weights' } = props;
  const w = useMemo(() => headMatrix(weights, head), [weights, head]);
  const s = useMemo(() => (scores ? headMatrix(scores, head) : null), [scores, head]);
  const blocked = useMemo(() => maskBytes(mask, w.rows, w.cols), [mask, w.rows, w.cols]);
  const shown = show === 'scores' && s ? s : w;
  const scale = useMemo(
    () =>
      show === 'scores' && s
        ? divergingScale(niceMaxAbs(s.values))
        : sequentialScale(
            props.colourMap ?? 'viridis',
            props.weightDomain === 'data' ? [0, niceMax(w.values)] : [0, 1],
          ),
    [show, s, w, props.colourMap, props.weightDomain],
  );
  const dHead = props.dHead ? String(props.dHead) : 'd_head';
  const title = props.title ?? `Attention ${show === 'scores' ? 'scores' : 'weights'}, head ${head}`;
  const details = (c: Cell) => {
    const score = s ? s.values[c.row * s.cols + c.col] : undefined;
    const weight = w.values[c.row * w.cols + c.col];
    const isBlocked = !!blocked && blocked[c.row * w.cols + c.col] === 1;
    return (
      <div className="viz-tip-formula">
        {score !== undefined && props.dHead && (
          <div>
            q<sub>{c.row}</sub>·k<sub>{c.col}</sub> = {formatValue(score * Math.sqrt(props.dHead), 4)}
          </div>
        )}
        {score !== undefined && (
          <div>
            score = q<sub>{c.row}</sub>·k<sub>{c.col}</sub> / √{dHead} = {formatValue(score, 4)} (before the
            mask)
          </div>
        )}
        {isBlocked ? (
          <div>blocked: score + (−∞) → weight 0 after softmax</div>
        ) : (
          <div>
            weight = softmax of row {c.row} at column {c.col} = {formatValue(weight, 4)}
          </div>
        )}
      </div>
    );
  };
  const data = () => ({
    head,
    show,
    queryTokens,
    keyTokens,
    weights: matrixRows(w),
    scores: s ? matrixRows(s) : undefined,
    mask: blocked
      ? matrixRows({ values: Float32Array.from(blocked), rows: w.rows, cols: w.cols })
      : undefined,
  });
  return (
    <PanelFrame
      title={title}
      description={props.description}
      data={data}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'attention-heatmap'}
    >
      <CellMap
        values={shown.values}
        rows={w.rows}
        cols={w.cols}
        rowLabels={queryTokens}
        colLabels={keyTokens}
        rowTitle={props.rowTitle ?? 'Queries (rows)'}
        colTitle={props.colTitle ?? 'Keys (columns)'}
        rowNoun="query"
        colNoun="key"
        scale={scale}
        legendTitle={show === 'scores' ? 'score q·k/√dHead' : 'attention weight'}
        blocked={blocked}
        label={`${title}: rows are queries, columns are keys`}
        details={details}
        digits={2}
        onSelectCell={props.onSelectCell}
        selected={props.selected}
        maxWidth={props.maxWidth}
        labelAll
      />
    </PanelFrame>
  );
}
