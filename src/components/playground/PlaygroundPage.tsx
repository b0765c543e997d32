// #/playground: choose a model (shipped or your own), type the input, pick layer, head and mask, and
// watch tokens, attention and output update live. Loaded lazily (see index.tsx).
import { useAtlas } from '../../store/atlas';
import { useAtlasRuntime } from '../../store/runtime';
import { selectEngineNotice } from '../../store/selectors';
import { HeatmapView } from './HeatmapView';
import { ShareTools } from '../../embed/ShareTools';
import { InputEditor } from './InputEditor';
import { ModelChooser } from './ModelChooser';
import { OutputBars } from './OutputBars';
import { ViewControls } from './ViewControls';
import { InsideSection, LiveInterventionBanner } from '../interventions/InsideSection';
import { LivePanel } from '../../panels/LivePanel';
import { PLAYGROUND } from '../../panels/context';
import './playground.css';
import { testHooksOn } from '../testHooks';
import { ErrorBoundary } from '../ErrorBoundary';

export default function PlaygroundPage() {
  const actions = useAtlasRuntime();
  const notice = useAtlas(selectEngineNotice);
  const engineMode = useAtlas((s) => s.engineMode);
  const intervened = useAtlas((s) => s.ablate.length > 0);
  const testHooks = testHooksOn();
  return (
    <main id="main" className="page playground" tabIndex={-1} data-testid="playground" data-engine={engineMode}>
      <h1>Playground</h1>
      <p className="lede">
        A real transformer runs in your browser{engineMode === 'main' ? ' (on the page itself: this frame cannot start a worker)' : ', off the main thread'}.
        Type, and every panel follows.
      </p>
      {notice && (
        <div className="error pg-row" role="alert" data-testid="engine-notice">
          <span>{notice}</span>
          <button type="button" className="btn" onClick={() => useAtlas.getState().dismissEngineNotice()}>
            Dismiss
          </button>
        </div>
      )}
      <ShareTools widgets={['attention-heatmap', 'next-token']} />
      <LiveInterventionBanner />
      <div className={intervened ? 'pg-grid iv-marked' : 'pg-grid'} data-intervened={intervened ? 'true' : undefined}>
        <div className="pg-col">
          <ModelChooser />
          <InputEditor />
          <ViewControls />
        </div>
        <div className="pg-col">
          <HeatmapView />
          <ErrorBoundary what="The next-token card">
            <OutputBars />
          </ErrorBoundary>
        </div>
      </div>
      <div className="pg-wide" data-testid="playground-figures">
        <LivePanel spec={{ panel: 'attention-core' }} ctx={PLAYGROUND} />
        <LivePanel spec={{ panel: 'multi-head' }} ctx={PLAYGROUND} />
        <LivePanel spec={{ panel: 'residual-add', options: { sublayer: 'attention' } }} ctx={PLAYGROUND} />
      </div>
      <InsideSection />
      {testHooks && (
        <p>
          <button type="button" className="btn" data-testid="crash-worker" onClick={() => actions.crashWorker()}>
            Crash the worker (test hook)
          </button>{' '}
          <button type="button" className="btn" data-testid="close-worker" onClick={() => actions.closeWorker()}>
            Close the worker silently (test hook)
          </button>
        </p>
      )}
    </main>
  );
}
