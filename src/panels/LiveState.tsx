// The frame of a live panel: a status line while the model loads or fails, the model that produced
// the numbers, and the data-panel-ready marker (tests and screenshots wait for it).
import type { ReactNode } from 'react';
import { useAtlas } from '../store/atlas';
import { selectModelStatus } from '../store/selectors';
import { formatHeadRef } from '../model/interventions';
import '../visualizations/interventions/interventions.css';

export function LiveState({ ready, children }: { ready: boolean; children: ReactNode }) {
  const status = useAtlas(selectModelStatus);
  const error = useAtlas((s) => s.modelError);
  const runError = useAtlas((s) => s.runError);
  const name = useAtlas((s) => s.modelName);
  const ablate = useAtlas((s) => s.ablate);
  // An intervened run is marked on every live panel: words and a dashed outline, not colour alone.
  const intervened = ablate.length > 0;
  return (
    <div className={intervened ? 'live-panel iv-marked' : 'live-panel'} data-panel-ready={ready ? 'true' : 'false'} data-intervened={intervened ? 'true' : undefined}>
      {intervened && (
        <p className="iv-mark" data-testid="intervened-mark">
          <span aria-hidden="true">⚠ </span>Intervened run: {ablate.map(formatHeadRef).join(', ')} knocked out.
        </p>
      )}
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
