// Matrix view: Q, K, V, embeddings, feed-forward activations… as signed values on RdBu centred at 0,
// with row and column labels and the shape written as [S, dHead].
import { useMemo, type ReactNode } from 'react';
import type { Tensor } from '../model/tensor';
import { CellMap } from './CellMap';
import { PanelFrame } from './PanelFrame';
import { divergingScale, niceMaxAbs } from './scales';
import { headMatrix, matrixRows } from './tensorView';

export interface MatrixViewProps {
  /** A [rows, cols] tensor, or [nHeads, rows, cols] with `head`. */
  matrix: Tensor;
  head?: number;
  /** Name of the matrix, e.g. "Q" or "FFN activations". */
  name: string;
  /** The shape in the paper's names, e.g. "[S, dHead]". */
  shapeLabel: string;
  rowLabels: readonly string[];
  /** Column labels; default "0", "1", … */
  colLabels?: readonly string[];
  rowTitle?: string;
  colTitle?: string;
  rowNoun?: string;
  colNoun?: string;
  /** Symmetric colour bound; default: a nice bound of the data. */
  maxAbs?: number;
  title?: string;
  description?: ReactNode;
  maxWidth?: number;
  headingLevel?: 2 | 3 | 4;
  testId?: string;
}

/** A signed matrix with its shape, e.g. Q of one head: [S, dHead]. */
export function MatrixView(props: MatrixViewProps) {
  const m = useMemo(() => headMatrix(props.matrix, props.head ?? 0), [props.matrix, props.head]);
  const colLabels = useMemo(
    () => props.colLabels ?? Array.from({ length: m.cols }, (_, i) => String(i)),
    [props.colLabels, m.cols],
  );
  const scale = useMemo(() => divergingScale(props.maxAbs ?? niceMaxAbs(m.values)), [props.maxAbs, m.values]);
  const title = props.title ?? `${props.name} ${props.shapeLabel}`;
  return (
    <PanelFrame
      title={title}
      description={props.description}
      headingLevel={props.headingLevel}
      testId={props.testId ?? 'matrix-view'}
      data={() => ({
        name: props.name,
        shape: props.shapeLabel,
        rows: props.rowLabels,
        values: matrixRows(m),
      })}
    >
      <p className="viz-shape" data-testid="matrix-shape">
        {props.name}: {props.shapeLabel} = [{m.rows}, {m.cols}]
      </p>
      <CellMap
        values={m.values}
        rows={m.rows}
        cols={m.cols}
        rowLabels={props.rowLabels}
        colLabels={colLabels}
        rowTitle={props.rowTitle ?? 'Tokens (rows)'}
        colTitle={props.colTitle ?? 'Dimensions (columns)'}
        rowNoun={props.rowNoun ?? 'token'}
        colNoun={props.colNoun ?? 'dimension'}
        scale={scale}
        legendTitle={`${props.name} value`}
        label={`${title}: rows are ${props.rowNoun ?? 'token'}s, columns are ${props.colNoun ?? 'dimension'}s`}
        maxWidth={props.maxWidth}
        maxCell={32}
      />
    </PanelFrame>
  );
}
