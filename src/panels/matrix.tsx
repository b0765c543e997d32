// `matrix` and `ffn-activations`: a traced matrix ([S, width], or one head of [nHeads, S, dHead])
// of the selected stack and layer, on a diverging map centred at 0.
import type { ReactNode } from 'react';
import { useAtlas } from '../store/atlas';
import { piecesOf, selectModelInfo, useTraceTensor } from '../store/selectors';
import { tracePath, type AttentionField, type StackField, type StackName } from '../model/trace';
import type { IntTensor, Tensor } from '../model/tensor';
import { MatrixView } from '../visualizations/MatrixView';
import { headMatrix } from '../visualizations/tensorView';
import { LayerHeadPicker } from '../components/LayerHeadPicker';
import { LiveState } from './LiveState';
import { definePanel, type PanelContext } from './types';

/** A matrix a lesson can show: stack inputs, one attention sublayer's arrays, or one layer's. */
export type MatrixField = Extract<StackField, 'embeddings' | 'positional' | 'input'> | Extract<AttentionField, 'q' | 'k' | 'v' | 'headOutputs' | 'output'> | 'ffnHidden' | 'layerOutput';

/** The trace path of a matrix field for the selected stack and layer. */
function matrixPath(field: MatrixField, stack: StackName, layer: number, attention: 'selfAttention' | 'crossAttention') {
  switch (field) {
    case 'embeddings':
    case 'positional':
    case 'input':
      return tracePath.stack(stack, field);
    case 'ffnHidden':
      return tracePath.layer(stack, layer, 'ffnHidden');
    case 'layerOutput':
      return tracePath.layer(stack, layer, 'output');
    default:
      return tracePath.attention(stack, layer, attention, field);
  }
}

const FIELD_TITLES: Record<MatrixField, string> = {
  embeddings: 'Token embeddings (after scaling)',
  positional: 'Positional encoding added',
  input: 'Input to the first layer',
  q: 'Queries Q',
  k: 'Keys K',
  v: 'Values V',
  headOutputs: 'Head outputs',
  output: 'Attention output',
  ffnHidden: 'Feed-forward hidden activations',
  layerOutput: 'Layer output',
};

type Matrix = { values: Float32Array; rows: number; cols: number };

export function MatrixPanel({ field, ctx, children }: { field: MatrixField; ctx: PanelContext; children?: (m: Matrix) => ReactNode }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const attention = useAtlas((s) => s.attention);
  const tensor = useTraceTensor<Tensor>(matrixPath(field, stack, layer, attention));
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  const tokens = piecesOf(ids, info?.vocab);
  const perHead = !!tensor && tensor.shape.length === 3;
  const isReady = !!tensor && tokens.length > 0 && (!perHead || head < tensor.shape[0]);
  const m = isReady && tensor ? headMatrix(tensor, perHead ? head : 0) : null;
  const widthName = field === 'ffnHidden' ? 'dFF' : perHead ? 'dHead' : 'dModel';
  const name = FIELD_TITLES[field] ?? field;
  const perLayer = perHead || field === 'ffnHidden' || field === 'layerOutput' || field === 'output';
  return (
    <LiveState ready={isReady}>
      {perLayer && ctx.picker && <LayerHeadPicker testIdPrefix={ctx.place} />}
      {m && tensor && (
        <>
          <MatrixView
            matrix={tensor}
            head={perHead ? head : undefined}
            name={name}
            shapeLabel={`[S, ${widthName}] = [${m.rows}, ${m.cols}]`}
            rowLabels={tokens.slice(0, m.rows)}
            rowTitle="Tokens (rows)"
            colTitle={`Dimensions (columns, 0…${m.cols - 1})`}
            rowNoun="token"
            colNoun="dimension"
            title={`${name}${perHead ? `, head ${head}` : ''}`}
            headingLevel={ctx.headingLevel}
            testId={ctx.testId(`matrix-${field}`)}
          />
          {children?.(m)}
        </>
      )}
    </LiveState>
  );
}

export const matrixPanel = definePanel<{ field?: MatrixField }>({
  title: 'Matrix',
  selfTitled: true,
  render: (o, ctx) => <MatrixPanel field={o.field ?? 'embeddings'} ctx={ctx} />,
});

/** How many hidden units are switched off: exactly 0 (ReLU) or at most 0 (GELU dips slightly below 0). */
function ZeroShare({ m }: { m: Matrix }) {
  let zeros = 0;
  let atMostZero = 0;
  for (const v of m.values) {
    if (v === 0) zeros++;
    if (v <= 0) atMostZero++;
  }
  const pct = (n: number) => ((100 * n) / Math.max(1, m.values.length)).toFixed(0);
  return (
    <p className="pg-muted" data-testid="ffn-zero-share">
      Of {m.values.length} hidden activations ({m.rows} tokens × {m.cols} units): {zeros} exactly 0 ({pct(zeros)}%), {atMostZero} at or below 0 ({pct(atMostZero)}%).
    </p>
  );
}

export const ffnActivationsPanel = definePanel<{ summary?: boolean }>({
  title: 'Feed-forward activations',
  selfTitled: true,
  render: (o, ctx) => (
    <MatrixPanel field="ffnHidden" ctx={ctx}>
      {o.summary ? (m) => <ZeroShare m={m} /> : undefined}
    </MatrixPanel>
  ),
});
