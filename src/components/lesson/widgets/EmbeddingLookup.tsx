// Live panel for lesson 2: pick a token of the input; see its one-hot vector over the vocabulary
// and the row of the embedding matrix it selects (the traced embedding divided by the scale).
import { useState } from 'react';
import { useAtlas } from '../../../store/atlas';
import { piecesOf, selectModelInfo, useTraceTensor } from '../../../store/selectors';
import { tracePath } from '../../../model/trace';
import type { IntTensor, Tensor } from '../../../model/tensor';
import { CellMap } from '../../../visualizations/CellMap';
import { divergingScale, niceMaxAbs, sequentialScale } from '../../../visualizations/scales';
import { LiveState } from '../../../panels/LiveState';

export function EmbeddingLookup({ show = 'row' }: { show?: 'one-hot' | 'row' }) {
  const info = useAtlas(selectModelInfo);
  const stack = useAtlas((s) => s.stack);
  const ids = useTraceTensor<IntTensor>(tracePath.stack(stack, 'tokens')); // [S]
  const embeddings = useTraceTensor<Tensor>(tracePath.stack(stack, 'embeddings')); // [S, dModel], scaled
  const [picked, setPicked] = useState(0);
  const tokens = piecesOf(ids, info?.vocab);
  const ready = !!info && !!ids && !!embeddings && tokens.length > 0;
  if (!ready || !info || !ids || !embeddings) return <LiveState ready={false}>{null}</LiveState>;
  const pos = Math.min(picked, tokens.length - 1);
  const id = ids.data[pos];
  const V = info.config.vocabSize;
  const dModel = info.config.dModel;
  const scale = info.config.scaleEmbedding === true ? Math.sqrt(dModel) : 1;
  const oneHot = new Float32Array(V); // [V]
  oneHot[id] = 1;
  const row = embeddings.data.slice(pos * dModel, (pos + 1) * dModel).map((x) => x / scale); // [dModel], E[id]
  return (
    <LiveState ready>
      <div className="panel-controls" role="group" aria-label="Choose a token">
        <span>Token:</span>
        {tokens.map((t, i) => (
          <button key={i} type="button" className="btn mono" aria-pressed={i === pos} onClick={() => setPicked(i)} data-testid={`pick-token-${i}`}>
            {t === ' ' ? '␣' : t}
          </button>
        ))}
      </div>
      <p data-testid="lookup-summary">
        Position {pos}: token <code>{tokens[pos]}</code> has id <strong>{id}</strong> in a vocabulary of V = {V}.
      </p>
      {show === 'one-hot' ? (
        <CellMap
          values={oneHot}
          rows={1}
          cols={V}
          rowLabels={[`e_${id}`]}
          colLabels={info.vocab.slice(0, V)}
          rowTitle="One-hot vector"
          colTitle={`Vocabulary entries (columns, 0…${V - 1})`}
          rowNoun="vector"
          colNoun="entry"
          scale={sequentialScale('viridis', [0, 1])}
          legendTitle="0 or 1"
          label={`One-hot vector of id ${id}: a 1 at entry ${id}, 0 elsewhere`}
          digits={0}
        />
      ) : (
        <>
          <p>
            Row {id} of the embedding matrix E (the {dModel} numbers the lookup returns
            {scale !== 1 ? `; the model then multiplies them by √${dModel} ≈ ${scale.toFixed(2)}` : ''}):
          </p>
          <CellMap
            values={row}
            rows={1}
            cols={dModel}
            rowLabels={[`E[${id}]`]}
            colLabels={Array.from({ length: dModel }, (_, i) => String(i))}
            rowTitle="Embedding row"
            colTitle={`Dimensions (columns, 0…${dModel - 1})`}
            rowNoun="row"
            colNoun="dimension"
            scale={divergingScale(niceMaxAbs(row))}
            legendTitle="value (signed)"
            label={`Row ${id} of the embedding matrix`}
            digits={2}
          />
        </>
      )}
    </LiveState>
  );
}
