// Lesson panels that read the live run from the store: the input editor, the attention heatmap,
// traced matrices, output bars. Each marks its root with data-panel-ready once drawn with data.
import type { ReactNode } from 'react';
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, selectModelStatus, useSelectedAttention, useTraceTensor } from '../../store/selectors';
import { tracePath, type AttentionField, type StackField, type LayerField } from '../../model/trace';
import type { IntTensor, Tensor } from '../../model/tensor';
import { AttentionHeatmap } from '../../visualizations/AttentionHeatmap';
import { MatrixView } from '../../visualizations/MatrixView';
import { headMatrix, headCount } from '../../visualizations/tensorView';
import { InputEditor } from '../playground/InputEditor';
import { ViewControls } from '../playground/ViewControls';
import { DotProduct } from './widgets/DotProduct';
import '../playground/playground.css';
import { LayerHeadPicker } from '../LayerHeadPicker';

/** Wraps a live panel: a status line while the model loads or fails, and the ready marker. */
export function LiveState({ ready, children }: { ready: boolean; children: ReactNode }) {
  const status = useAtlas(selectModelStatus);
  const error = useAtlas((s) => s.modelError);
  const runError = useAtlas((s) => s.runError);
  const name = useAtlas((s) => s.modelName);
  return (
    <div className="live-panel" data-panel-ready={ready ? 'true' : 'false'}>
      {status === 'error' && (
        <p className="error" role="status">
          The model “{name}” could not be loaded: {error}
        </p>
      )}
      {runError && <p className="error" role="status">{runError}</p>}
      {!ready && status !== 'error' && (
        <p className="pg-muted" role="status">
          {status === 'loading' ? `Loading the ${name ?? ''} model…` : 'Waiting for the model to run…'}
        </p>
      )}
      {children}
    </div>
  );
}

/** The input box and token chips; optionally a model picker and the mask/layer/head controls. */
export function InputPanel({ pickModel, pickMask }: { pickModel?: boolean; pickMask?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const input = useAtlas((s) => s.input);
  const ready = !!info && !!input;
  return (
    <LiveState ready={ready}>
      {pickModel && <ModelPicker />}
      <InputEditor />
      {pickMask && <ViewControls />}
    </LiveState>
  );
}

function ModelPicker() {
  const catalog = useAtlas((s) => s.catalog);
  const name = useAtlas((s) => s.modelName);
  return (
    <div className="model-picker" role="group" aria-label="Model">
      <span>Model:</span>
      {catalog.map((m) => (
        <button
          key={m.name}
          type="button"
          className="btn"
          aria-pressed={m.name === name}
          data-testid={`pick-model-${m.name}`}
          onClick={() => useAtlas.getState().applyView({ model: m.name, layer: 0, head: 0 })}
        >
          {m.name}
        </button>
      ))}
    </div>
  );
}


/** One head's weights or scores of the selected layer (rows are queries, columns are keys). */
export function HeatmapPanel({ show = 'weights', explain = false }: { show?: 'weights' | 'scores'; explain?: boolean }) {
  const info = useAtlas(selectModelInfo);
  const head = useAtlas((s) => s.head);
  const layer = useAtlas((s) => s.layer);
  const stack = useAtlas((s) => s.stack);
  const attention = useAtlas((s) => s.attention);
  const colorMap = useAtlas((s) => s.colorMap);
  const pinned = useAtlas((s) => s.pinned);
  const { weights, scores, mask, queryIds, keyIds } = useSelectedAttention();
  const queryTokens = piecesOf(queryIds, info?.vocab);
  const keyTokens = piecesOf(keyIds, info?.vocab);
  const ready = !!info && !!weights && queryTokens.length > 0 && head < headCount(weights);
  const kind = attention === 'crossAttention' ? 'cross-attention' : 'self-attention';
  return (
    <LiveState ready={ready}>
      <LayerHeadPicker testIdPrefix="lesson" />
      {ready && info && weights && (
        <AttentionHeatmap
          weights={weights}
          scores={scores}
          mask={mask}
          head={head}
          show={show}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          dHead={info.config.dModel / info.config.nHeads}
          colourMap={colorMap}
          title={`${show === 'scores' ? 'Scores' : 'Weights'}: ${stack} layer ${layer}, ${kind}, head ${head}`}
          headingLevel={3}
          testId="lesson-heatmap"
          selected={explain && pinned ? { row: pinned.query, col: pinned.key } : null}
          onSelectCell={explain ? (c) => useAtlas.getState().togglePinned({ query: c.row, key: c.col }) : undefined}
        />
      )}
      {explain && ready && <DotProduct />}
    </LiveState>
  );
}

type MatrixField = StackField | LayerField | AttentionField | 'ffnHidden' | 'layerOutput';

/** The trace path of a matrix field for the selected stack and layer. */
function matrixPath(field: string, stack: 'encoder' | 'decoder', layer: number, attention: 'selfAttention' | 'crossAttention') {
  switch (field) {
    case 'embeddings':
    case 'positional':
    case 'input':
      return tracePath.stack(stack, field);
    case 'ffnHidden':
      return tracePath.layer(stack, layer, 'ffnHidden');
    case 'layerOutput':
      return tracePath.layer(stack, layer, 'output');
    case 'q':
    case 'k':
    case 'v':
    case 'headOutputs':
    case 'output':
      return tracePath.attention(stack, layer, attention, field);
    default:
      return null;
  }
}

const FIELD_TITLES: Record<string, string> = {
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

/** A traced matrix ([S, width], or one head of [nHeads, S, dHead]) on a diverging map centred at 0. */
export function MatrixPanel({ field, children }: { field: MatrixField | string; children?: (m: { values: Float32Array; rows: number; cols: number }) => ReactNode }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const head = useAtlas((s) => s.head);
  const attention = useAtlas((s) => s.attention);
  const tensor = useTraceTensor<Tensor>(matrixPath(field, stack, layer, attention));
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens'));
  const tokens = piecesOf(ids, info?.vocab);
  const perHead = !!tensor && tensor.shape.length === 3;
  const ready = !!tensor && tokens.length > 0 && (!perHead || head < tensor.shape[0]);
  const m = ready && tensor ? headMatrix(tensor, perHead ? head : 0) : null;
  const widthName = field === 'ffnHidden' ? 'dFF' : perHead ? 'dHead' : 'dModel';
  const title = `${FIELD_TITLES[field] ?? field}${perHead ? `, head ${head}` : ''}`;
  return (
    <LiveState ready={ready}>
      {(perHead || field === 'ffnHidden' || field === 'layerOutput' || field === 'output') && <LayerHeadPicker testIdPrefix="lesson" />}
      {m && tensor && (
        <>
          <MatrixView
            matrix={tensor}
            head={perHead ? head : undefined}
            name={FIELD_TITLES[field] ?? field}
            shapeLabel={`[S, ${widthName}] = [${m.rows}, ${m.cols}]`}
            rowLabels={field === 'positional' ? tokens.slice(0, m.rows).map((t, i) => `pos ${i} (${t})`) : tokens.slice(0, m.rows)}
            rowTitle={field === 'positional' ? 'Positions (rows; the token there in brackets)' : 'Tokens (rows)'}
            colTitle={`Dimensions (columns, 0…${m.cols - 1})`}
            rowNoun="token"
            colNoun="dimension"
            title={title}
            headingLevel={3}
            testId={`lesson-matrix-${field}`}
          />
          {children?.(m)}
        </>
      )}
    </LiveState>
  );
}

