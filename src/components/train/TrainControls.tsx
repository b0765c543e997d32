// Play / pause, step and reset, and the run's settings, in the manner of TensorFlow Playground:
// changing the model resets the run; the learning rate applies to the running one.
import { useId } from 'react';
import { TOY_TASKS, toyTasks, type ToyTaskName } from '../../tasks/toy';
import {
  D_MODELS, HEADS, LAYERS, LEARNING_RATES, NORMS, POSITIONALS, STEP_BUDGET, defaultSettings,
  type PositionalChoice, type TrainSettings,
} from '../../tasks/trainSettings';
import type { RunView } from './useTrainRun';

const POS_NAMES: Record<PositionalChoice, string> = { sinusoidal: 'sinusoidal', learned: 'learned', rope: 'RoPE', none: 'none' };

export interface TrainControlsProps {
  settings: TrainSettings;
  view: RunView;
  onPlay: () => void;
  onPause: () => void;
  onStep: () => void;
  onReset: () => void;
  /** A new model: the run restarts with these settings. */
  onSettings: (s: TrainSettings) => void;
  onLr: (lr: number) => void;
}

function Select<T extends string | number>(props: { label: string; value: T; options: readonly T[]; name?: (v: T) => string; onChange: (v: T) => void; testId: string }) {
  return (
    <label className="train-field">
      <span>{props.label}</span>
      <select
        data-testid={props.testId}
        value={String(props.value)}
        onChange={(e) => props.onChange(props.options.find((o) => String(o) === e.target.value) ?? props.value)}
      >
        {props.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {props.name ? props.name(o) : String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The transport buttons, the status line and every setting. */
export function TrainControls({ settings: s, view, onPlay, onPause, onStep, onReset, onSettings, onLr }: TrainControlsProps) {
  const id = useId();
  const set = (patch: Partial<TrainSettings>) => onSettings({ ...s, ...patch });
  const lrs = (LEARNING_RATES as readonly number[]).includes(s.lr) ? LEARNING_RATES : [...LEARNING_RATES, s.lr].sort((a, b) => a - b);
  const ready = view.mode !== null;
  return (
    <section className="pg-card train-controls" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Train</h2>
      <div className="pg-row" role="group" aria-label="Training">
        {view.running ? (
          <button type="button" className="btn btn-primary" onClick={onPause} data-testid="train-play" aria-label="Pause training">
            ❚❚ Pause
          </button>
        ) : (
          <button type="button" className="btn btn-primary" onClick={onPlay} disabled={!ready || view.done} data-testid="train-play" aria-label="Start training">
            ▶ Train
          </button>
        )}
        <button type="button" className="btn" onClick={onStep} disabled={!ready || view.running || view.done} data-testid="train-step-once">
          Step
        </button>
        <button type="button" className="btn" onClick={onReset} data-testid="train-reset">
          Reset
        </button>
      </div>
      <p
        className="pg-status"
        role="status"
        data-testid="train-status"
        data-step={view.step}
        data-running={view.running}
        data-steps-per-second={view.stepsPerSecond.toFixed(2)}
        data-mode={view.mode ?? ''}
      >
        Step <strong data-testid="train-step">{view.step}</strong> of {STEP_BUDGET}
        {view.stepsPerSecond > 0 && ` · ${view.stepsPerSecond.toFixed(1)} steps/s`}
        {` · ${(view.elapsedMs / 1000).toFixed(1)} s`}
        {view.mode === 'main' && ' · on the page (no worker here)'}
        {view.done && ' · finished'}
      </p>
      {view.error && (
        <p className="error" role="alert">
          {view.error}
        </p>
      )}
      <div className="train-fields">
        <Select
          label="Task"
          testId="train-task"
          value={s.task}
          options={TOY_TASKS}
          name={(t: ToyTaskName) => `${toyTasks[t].title} (${toyTasks[t].arch})`}
          onChange={(task) => onSettings({ ...defaultSettings(task), lr: s.lr, seed: s.seed, pos: s.pos, norm: s.norm, dModel: s.dModel, heads: s.heads })}
        />
        <Select label="Learning rate" testId="train-lr" value={s.lr} options={lrs} onChange={onLr} />
        <Select label="Layers per stack" testId="train-layers" value={s.layers} options={LAYERS} onChange={(layers) => set({ layers })} />
        <Select label="Heads" testId="train-heads" value={s.heads} options={HEADS} onChange={(heads) => set({ heads })} />
        <Select label="dModel" testId="train-dmodel" value={s.dModel} options={D_MODELS} onChange={(dModel) => set({ dModel })} />
        <Select label="Positions" testId="train-pos" value={s.pos} options={POSITIONALS} name={(p) => POS_NAMES[p]} onChange={(pos) => set({ pos })} />
        <Select label="Norm" testId="train-norm" value={s.norm} options={NORMS} name={(n) => `${n}-norm`} onChange={(norm) => set({ norm })} />
        <label className="train-field">
          <span>Seed</span>
          <input
            type="number"
            min={0}
            max={999999999}
            step={1}
            data-testid="train-seed"
            defaultValue={s.seed}
            key={s.seed}
            onBlur={(e) => {
              const seed = Number(e.target.value);
              if (Number.isInteger(seed) && seed >= 0 && seed <= 999999999 && seed !== s.seed) set({ seed });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
            }}
          />
        </label>
      </div>
      <p className="pg-muted">Batches of 32 words of 3–8 letters; warm-up, then cosine decay over {STEP_BUDGET} steps. Changing the model starts a new run.</p>
    </section>
  );
}
