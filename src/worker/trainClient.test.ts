// The training client falls back to the main thread when no worker can start, and still trains.
import { describe, expect, it } from 'vitest';
import { createTrainClient } from './trainClient';
import { TRAIN_PROTOCOL_VERSION as v, type TrainResponse } from './trainProtocol';
import { defaultSettings } from '../tasks/trainSettings';

describe('training client', () => {
  it('runs the engine on the main thread when the worker cannot be created', async () => {
    const got: TrainResponse[] = [];
    let mode: string | null = null;
    const client = createTrainClient({
      onMessage: (m) => got.push(m),
      onMode: (m) => (mode = m),
      createWorker: () => {
        throw new Error('no workers in this frame');
      },
    });
    client.send({ type: 'reset', v, runId: 1, settings: defaultSettings('sort') }); // queued until ready
    client.send({ type: 'step', v, runId: 1 });
    await expect.poll(() => got.filter((m) => m.type === 'update').length, { timeout: 20_000 }).toBe(2);
    expect(mode).toBe('main');
    const steps = got.flatMap((m) => (m.type === 'update' ? [m.step] : []));
    expect(steps).toEqual([0, 1]);
    client.dispose();
  }, 30_000);
});
