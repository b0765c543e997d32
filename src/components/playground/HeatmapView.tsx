// The selected head's attention weights from the latest run, drawn by the visualization kit's
// heatmap; rows are queries, columns are keys. Marks each drawn run for the keystroke benchmark.
import { useEffect } from 'react';
import { AttentionHeatmap } from '../../visualizations/AttentionHeatmap';
import { useAtlas } from '../../store/atlas';
import { piecesOf, selectModelInfo, useSelectedAttention } from '../../store/selectors';

/** The heatmap of the selected stack, layer, attention and head. */
export function HeatmapView() {
  const info = useAtlas(selectModelInfo);
  const head = useAtlas((s) => s.head);
  const stack = useAtlas((s) => s.stack);
  const layer = useAtlas((s) => s.layer);
  const attention = useAtlas((s) => s.attention);
  const colorMap = useAtlas((s) => s.colorMap);
  const runId = useAtlas((s) => s.traceRunId);
  const runStatus = useAtlas((s) => s.runStatus);
  const runError = useAtlas((s) => s.runError);
  const modelStatus = useAtlas((s) => s.modelStatus);
  const pinned = useAtlas((s) => s.pinned);
  const { weights, scores, mask, queryIds, keyIds } = useSelectedAttention();
  const queryTokens = piecesOf(queryIds, info?.vocab);
  const keyTokens = piecesOf(keyIds, info?.vocab);
  const ready = !!weights && queryTokens.length > 0;

  useEffect(() => {
    if (ready) performance.mark('atlas:heatmap', { detail: { runId } });
  }, [ready, runId, weights]);

  const kind = attention === 'crossAttention' ? 'cross-attention' : 'self-attention';
  return (
    <section className="pg-card pg-heatmap" aria-busy={runStatus === 'running'} data-testid="heatmap-view" data-run-id={runId} data-query-tokens={queryTokens.join('\u241f')}>
      <h2>Attention</h2>
      {runError && (
        <p className="error" role="alert" data-testid="run-error">
          {runError}
        </p>
      )}
      {ready && info ? (
        <AttentionHeatmap
          weights={weights}
          scores={scores}
          mask={mask}
          head={head}
          queryTokens={queryTokens}
          keyTokens={keyTokens}
          dHead={info.config.dModel / info.config.nHeads}
          colourMap={colorMap}
          title={`${stack} layer ${layer}, ${kind}, head ${head}`}
          headingLevel={3}
          testId="playground-heatmap"
          selected={pinned ? { row: pinned.query, col: pinned.key } : null}
          onSelectCell={(c) => useAtlas.getState().togglePinned({ query: c.row, key: c.col })}
        />
      ) : (
        <p className="pg-muted" data-testid="heatmap-empty">
          {info
            ? runStatus === 'running'
              ? 'Running the model…'
              : 'Type an input to see where each query looks.'
            : modelStatus === 'loading'
              ? 'Loading the model…'
              : 'Choose a model to begin.'}
        </p>
      )}
    </section>
  );
}
