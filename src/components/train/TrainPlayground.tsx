// Train a small transformer in the browser and watch its attention form: controls, curves, the
// probe's prediction and attention, notes on what the curves show, and export. Used by the
// playground's train mode, lesson 15's panel and the `train` embed.
import { useCallback, useState } from 'react';
import { download } from '../../visualizations/export';
import type { TrainSettings } from '../../tasks/trainSettings';
import { TrainAttention } from './TrainAttention';
import { TrainControls } from './TrainControls';
import { TrainCurves } from './TrainCurves';
import { trainNotes } from './trainNotes';
import { useTrainRun } from './useTrainRun';
import './train.css';

export interface TrainPlaygroundProps {
  initial: TrainSettings;
  /** Called when the learner changes a setting (hosts write it to the URL). */
  onSettingsChange?: (s: TrainSettings) => void;
  /** Offer "Open in the playground" (not inside embeds). */
  canOpenInPlayground?: boolean;
}

/** The whole train playground for one run at a time. */
export function TrainPlayground({ initial, onSettingsChange, canOpenInPlayground = true }: TrainPlaygroundProps) {
  const [settings, setSettings] = useState(initial);
  const run = useTrainRun(initial);
  const { view } = run;
  const [exportNote, setExportNote] = useState<string | null>(null);

  const change = useCallback(
    (s: TrainSettings) => {
      setSettings(s);
      run.reset(s);
      onSettingsChange?.(s);
    },
    [run, onSettingsChange],
  );
  const changeLr = (lr: number) => {
    const s = { ...settings, lr };
    setSettings(s);
    run.setLr(lr);
    onSettingsChange?.(s);
  };
  const fileName = `${settings.task}-trained-step${view.step}.safetensors`;
  const saveModel = async () => {
    const { bytes } = await run.exportModel();
    download(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }), fileName);
    setExportNote(`Saved ${fileName} (${(bytes.length / 1024).toFixed(0)} kB). Drop it on the playground to explore it.`);
  };
  const openInPlayground = async () => {
    run.pause();
    const { bytes } = await run.exportModel();
    const { atlasActions } = await import('../../store/runtime');
    await atlasActions.loadModelFile(new File([bytes as BlobPart], fileName));
    window.location.hash = '#/playground';
  };
  const notes = trainNotes(settings, view.evals, view.reachedAt);
  const probe = view.probe;
  const right = probe && probe.predicted === probe.expected;

  return (
    <div className="train-playground" data-testid="train-playground">
      <div className="train-grid">
        <div className="pg-col">
          <TrainControls
            settings={settings}
            view={view}
            onPlay={run.play}
            onPause={run.pause}
            onStep={run.step}
            onReset={() => run.reset(settings)}
            onSettings={change}
            onLr={changeLr}
          />
          {probe && (
            <section className="pg-card" aria-label="Example prediction" data-testid="train-prediction">
              <h2>Example</h2>
              <p className="train-prediction">
                <span className="pg-muted">input</span> <code>{probe.input}</code>
                <br />
                <span className="pg-muted">model</span> <code data-testid="train-predicted">{probe.predicted || '∅'}</code>{' '}
                <strong>{right ? '✓ right' : '✗ not yet'}</strong>
                <br />
                <span className="pg-muted">answer</span> <code>{probe.expected}</code>
              </p>
            </section>
          )}
          {notes.length > 0 && (
            <section className="pg-card" aria-label="What the curves say" data-testid="train-notes">
              <h2>What the curves say</h2>
              {notes.map((n) => (
                <p key={n.id} className={`train-note train-note-${n.tone}`} data-testid={`train-note-${n.id}`}>
                  {n.text}
                </p>
              ))}
            </section>
          )}
          <section className="pg-card" aria-label="Export the model">
            <h2>Export</h2>
            <div className="pg-row">
              <button type="button" className="btn" onClick={() => void saveModel()} data-testid="train-export-model">
                Download model (.safetensors)
              </button>
              {canOpenInPlayground && (
                <button type="button" className="btn" onClick={() => void openInPlayground()} data-testid="train-open-playground">
                  Open in the playground
                </button>
              )}
            </div>
            {exportNote && (
              <p className="pg-muted" role="status">
                {exportNote}
              </p>
            )}
            <p className="pg-muted">The curves export as SVG, PNG or JSON from their panels.</p>
          </section>
        </div>
        <div className="pg-col">
          <TrainCurves view={view} lossCount={view.losses.length} evalCount={view.evals.length} />
          {probe ? <TrainAttention probe={probe} /> : <p role="status">Starting the training worker…</p>}
        </div>
      </div>
    </div>
  );
}
