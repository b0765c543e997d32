// The training engine's commands: reset posts step 0, play streams until paused, pause stops the
// work, step advances exactly one step, stale runIds and malformed messages are refused.
import { describe, expect, it } from 'vitest';
import { createTrainEngine } from './trainEngine';
import { TRAIN_PROTOCOL_VERSION as v, isTrainRequest, isTrainResponse, type TrainResponse } from './trainProtocol';
import { defaultSettings } from '../tasks/trainSettings';
import { loadModel } from '../model';

type Update = Extract<TrainResponse, { type: 'update' }>;

function harness() {
  const out: TrainResponse[] = [];
  const tasks: (() => void)[] = [];
  const engine = createTrainEngine((m) => out.push(m), 'worker', { sliceMs: 0, evalEvery: 5, postEveryMs: 0, schedule: (fn) => tasks.push(fn) });
  const runTasks = (n: number) => {
    for (let i = 0; i < n && tasks.length; i++) tasks.shift()!();
  };
  const updates = () => out.filter((m): m is Update => m.type === 'update');
  return { engine, out, tasks, runTasks, updates };
}

describe('training engine', () => {
  it('resets to step 0 with a probe for every attention map', () => {
    const h = harness();
    h.engine.handle({ type: 'reset', v, runId: 1, settings: defaultSettings('copy') });
    const u = h.updates()[0];
    expect(u.step).toBe(0);
    expect(u.running).toBe(false);
    expect(u.evals).toHaveLength(1);
    expect(u.probe?.maps.map((m) => m.key)).toEqual(['encoder.layers.0.selfAttention.weights', 'decoder.layers.0.selfAttention.weights', 'decoder.layers.0.crossAttention.weights']);
    expect(isTrainResponse(u)).toBe(true);
  });

  it('plays one step per task until paused, then does no more work', () => {
    const h = harness();
    h.engine.handle({ type: 'reset', v, runId: 1, settings: defaultSettings('copy') });
    h.engine.handle({ type: 'play', v, runId: 1 });
    h.runTasks(7); // steps 1–5, the evaluation at step 5 (a task of its own), step 6
    const last = h.updates().at(-1)!;
    expect(last.step).toBe(6);
    expect(h.updates().some((u) => u.evals.some((e) => e.step === 5))).toBe(true);
    h.engine.handle({ type: 'pause', v, runId: 1 });
    expect(h.updates().at(-1)!.running).toBe(false);
    h.runTasks(10); // the scheduled slice sees the pause and returns
    expect(h.tasks).toHaveLength(0);
    expect(Math.max(...h.updates().map((u) => u.step))).toBe(6);
  });

  it('steps exactly once while paused, ignores a stale run and malformed messages', () => {
    const h = harness();
    h.engine.handle({ type: 'reset', v, runId: 2, settings: defaultSettings('reverse') });
    h.engine.handle({ type: 'step', v, runId: 2 });
    expect(h.updates().at(-1)!.step).toBe(1);
    expect(h.updates().at(-1)!.losses).toHaveLength(1);
    h.engine.handle({ type: 'step', v, runId: 1 }); // an older run
    expect(h.updates().at(-1)!.step).toBe(1);
    h.engine.handle({ type: 'step', v: 99, runId: 2 });
    expect(h.out.at(-1)!.type).toBe('error');
    h.engine.handle({ type: 'reset', v, runId: 3, settings: defaultSettings('reverse') });
    expect(h.updates().at(-1)!.step).toBe(0);
  });

  it('exports a model file and checks requests', () => {
    const h = harness();
    h.engine.handle({ type: 'reset', v, runId: 1, settings: defaultSettings('induction') });
    h.engine.handle({ type: 'export', v, runId: 1 });
    const e = h.out.at(-1)!;
    expect(e.type).toBe('exported');
    // a decoder-only file the app's loader accepts, with the toy vocabulary
    const model = loadModel(new Uint8Array((e as Extract<TrainResponse, { type: 'exported' }>).bytes));
    expect(model.config.arch).toBe('decoder-only');
    expect(model.vocab).toContain('|');
    expect(isTrainRequest({ type: 'reset', v, runId: 1, settings: { ...defaultSettings(), heads: 3 } })).toBe(false);
    expect(isTrainRequest({ type: 'setLr', v, runId: 1, lr: 0 })).toBe(false);
    expect(isTrainRequest({ type: 'play', v, runId: 1 })).toBe(true);
  });
});
