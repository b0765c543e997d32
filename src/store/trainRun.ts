// The training bridge, like bridge.ts for model runs: starts the training worker (through the one
// engine client) for the component's lifetime, keeps the streamed curves, and writes them to the
// store's train slice at most once per animation frame. The view is read deferred (a transition
// priority render), so a burst of updates never holds the main thread for a long task.
import { useCallback, useDeferredValue, useEffect, useRef } from 'react';
import { createTrainClient, type TrainClient } from '../worker/trainClient';
import { TRAIN_PROTOCOL_VERSION as v, type TrainResponse } from '../worker/trainProtocol';
import type { TrainSettings } from '../tasks/trainSettings';
import { useAtlas } from './atlas';
import { freshRun, type RunView } from './slices/trainSlice';

export type { RunView };

/** Held-out exact match that counts as learned (issue 10: ≥ 95%). */
export const TARGET = 0.95;

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
  const view = useDeferredValue(useAtlas((s) => s.train));
  const data = useRef<RunView>(freshRun());
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
      useAtlas.setState({ train: { ...d } });
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
      if (msg.type === 'ready' || msg.type === 'pong' || msg.runId !== runId.current) return; // a stale run
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
      data.current = { ...freshRun(), mode, version: data.current.version };
      runningSince.current = null;
      client.current?.send({ type: 'reset', v, runId: runId.current, settings });
      publish();
    },
    [publish],
  );

  useEffect(() => {
    const c = createTrainClient({
      onMessage,
      // The worker crashed or went silent and was replaced: its run is gone, so say exactly that
      // (never "running" with a frozen counter, never "stopped" while steps go on).
      onRestart: (reason) => {
        runId.current++; // anything still on its way from the old run is stale
        const d = data.current;
        d.error = `The training worker failed (${reason}) and was restarted; press Reset to train again.`;
        d.running = false;
        runningSince.current = null;
        publish();
      },
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
