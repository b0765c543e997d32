// A training run seen from React: starts the training worker for the component's lifetime, keeps
// the streamed curves in a ref, and re-renders at most once per animation frame (so a burst of
// updates costs one render, rendered as a transition so the main thread never holds a long task).
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import { createTrainClient, type TrainClient } from '../../worker/trainClient';
import { TRAIN_PROTOCOL_VERSION as v, type TrainResponse, type WireProbe } from '../../worker/trainProtocol';
import type { EvalPoint } from '../../worker/trainSession';
import type { TrainSettings } from '../../tasks/trainSettings';

/** Held-out exact match that counts as learned (issue 10: ≥ 95%). */
export const TARGET = 0.95;

export interface RunView {
  mode: 'worker' | 'main' | null;
  step: number;
  running: boolean;
  done: boolean;
  lr: number;
  stepsPerSecond: number;
  /** Every batch loss so far: `lossSteps[i]` ↔ `losses[i]` (arrays grow in place; `version` changes). */
  lossSteps: number[];
  losses: number[];
  evals: EvalPoint[];
  probe: WireProbe | null;
  /** Wall-clock time spent running (ms), and when the held-out curve first reached the target. */
  elapsedMs: number;
  reachedAt: { step: number; seconds: number } | null;
  error: string | null;
  version: number;
}

const fresh = (): RunView => ({
  mode: null, step: 0, running: false, done: false, lr: 0, stepsPerSecond: 0, lossSteps: [], losses: [], evals: [],
  probe: null, elapsedMs: 0, reachedAt: null, error: null, version: 0,
});

export interface TrainRun {
  view: RunView;
  play: () => void;
  pause: () => void;
  step: () => void;
  /** A new run (paused at step 0) with these settings. */
  reset: (settings: TrainSettings) => void;
  setLr: (lr: number) => void;
  /** The current weights as a .safetensors file. */
  exportModel: () => Promise<{ bytes: Uint8Array; step: number }>;
}

/** Runs training for `initial` settings in a worker of its own (disposed on unmount). */
export function useTrainRun(initial: TrainSettings, createWorker?: () => Worker): TrainRun {
  const [view, setView] = useState<RunView>(fresh);
  const data = useRef<RunView>(fresh());
  const client = useRef<TrainClient | null>(null);
  const runId = useRef(0);
  const runningSince = useRef<number | null>(null);
  const frame = useRef(0);
  const exports = useRef(new Map<number, (r: { bytes: Uint8Array; step: number }) => void>());
  const initialRef = useRef(initial);

  const publish = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const d = data.current;
      d.version++;
      const next = { ...d };
      // a transition renders in slices of a few ms, yielding to input: no long main-thread task
      startTransition(() => setView(next));
    });
  }, []);

  const onMessage = useCallback(
    (msg: TrainResponse) => {
      const d = data.current;
      if (msg.type === 'error') {
        if (msg.runId !== null && msg.runId !== runId.current) return;
        d.error = msg.message;
        d.running = false;
        runningSince.current = null;
        publish();
        return;
      }
      if (msg.type === 'ready' || msg.runId !== runId.current) return; // a stale run
      if (msg.type === 'exported') {
        exports.current.get(msg.runId)?.({ bytes: new Uint8Array(msg.bytes), step: msg.step });
        exports.current.delete(msg.runId);
        return;
      }
      const now = performance.now();
      if (runningSince.current !== null) d.elapsedMs += now - runningSince.current;
      runningSince.current = msg.running ? now : null;
      d.step = msg.step;
      d.running = msg.running;
      d.done = msg.done;
      d.lr = msg.lr;
      d.stepsPerSecond = msg.stepsPerSecond;
      for (let i = 0; i < msg.steps.length; i++) {
        d.lossSteps.push(msg.steps[i]);
        d.losses.push(msg.losses[i]);
      }
      for (const e of msg.evals) {
        d.evals.push(e);
        if (!d.reachedAt && e.heldOutAcc >= TARGET) d.reachedAt = { step: e.step, seconds: d.elapsedMs / 1000 };
      }
      if (msg.probe) d.probe = msg.probe;
      publish();
    },
    [publish],
  );

  const reset = useCallback(
    (settings: TrainSettings) => {
      runId.current++;
      const mode = data.current.mode;
      data.current = { ...fresh(), mode, version: data.current.version };
      runningSince.current = null;
      client.current?.send({ type: 'reset', v, runId: runId.current, settings });
      publish();
    },
    [publish],
  );

  useEffect(() => {
    const c = createTrainClient({
      onMessage,
      onMode: (mode) => {
        data.current.mode = mode;
        publish();
      },
      createWorker,
    });
    client.current = c;
    reset(initialRef.current);
    return () => {
      c.dispose();
      client.current = null;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [onMessage, publish, reset, createWorker]);

  const send = useCallback((type: 'play' | 'pause' | 'step') => client.current?.send({ type, v, runId: runId.current }), []);
  return {
    view,
    play: useCallback(() => send('play'), [send]),
    pause: useCallback(() => send('pause'), [send]),
    step: useCallback(() => send('step'), [send]),
    reset,
    setLr: useCallback((lr: number) => client.current?.send({ type: 'setLr', v, runId: runId.current, lr }), []),
    exportModel: useCallback(
      () =>
        new Promise<{ bytes: Uint8Array; step: number }>((resolve) => {
          exports.current.set(runId.current, resolve);
          client.current?.send({ type: 'export', v, runId: runId.current });
        }),
      [],
    ),
  };
}
