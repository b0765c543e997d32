// The playground's attention card: the registered heatmap panel (src/panels) for the selected
// stack, layer, attention and head, in a card that reports the run (aria-busy, run id, tokens).
import { useAtlas } from '../../store/atlas';
import { LivePanel } from '../../panels/LivePanel';
import { PLAYGROUND } from '../../panels/context';
import { useAttentionAxes } from '../../panels/axes';

export function HeatmapView() {
  const { info, weights, queryTokens } = useAttentionAxes();
  const runId = useAtlas((s) => s.traceRunId);
  const runStatus = useAtlas((s) => s.runStatus);
  const runError = useAtlas((s) => s.runError);
  const modelStatus = useAtlas((s) => s.modelStatus);
  const ready = !!weights && queryTokens.length > 0;
  return (
    <section className="pg-card pg-heatmap" aria-busy={runStatus === 'running'} data-testid="heatmap-view" data-run-id={runId} data-query-tokens={queryTokens.join('\u241f')}>
      <h2>Attention</h2>
      {runError && (
        <p className="error" role="alert" data-testid="run-error">
          {runError}
        </p>
      )}
      {ready && info ? (
        <LivePanel spec={{ panel: 'attention-heatmap', options: { pin: true } }} ctx={PLAYGROUND} />
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
