// The frame of a live panel: a status line while the model loads or fails, the model that produced
// the numbers, and the data-panel-ready marker (tests and screenshots wait for it).
import type { ReactNode } from 'react';
import { useAtlas } from '../store/atlas';
import { selectModelStatus } from '../store/selectors';

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
