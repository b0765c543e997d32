// The client's lifecycle with a fake worker: requests wait until the engine is ready, a crash
// replaces the worker and reports it, and a worker that cannot start hands over to the main thread.
import { describe, expect, it } from 'vitest';
import { createModelClient } from './client';
import { PROTOCOL_VERSION as v, type WorkerRequest, type WorkerResponse } from './protocol';

/** A stand-in for a module worker: records what it is sent, and can answer, fail or crash. */
class FakeWorker extends EventTarget {
  sent: WorkerRequest[] = [];
  terminated = false;
  postMessage(msg: WorkerRequest) {
    this.sent.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: WorkerResponse) {
    this.dispatchEvent(new MessageEvent('message', { data: msg }));
  }
  crash(message: string) {
    // What a browser dispatches for an uncaught error in a worker (Node has no ErrorEvent).
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('model client', () => {
  it('queues requests until ready, then restarts a crashed worker and reports it', () => {
    const workers: FakeWorker[] = [];
    const got: WorkerResponse[] = [];
    const crashes: string[] = [];
    const client = createModelClient(
      { onMessage: (m) => got.push(m), onCrash: (m) => crashes.push(m) },
      { testHooks: true, createWorker: () => workers[workers.push(new FakeWorker()) - 1] as unknown as Worker },
    );
    const run: WorkerRequest = { type: 'run', v, runId: 1, input: { tokens: [1] }, options: {} };
    client.send(run);
    expect(workers[0].sent).toEqual([{ type: 'init', v, testHooks: true }]); // not yet: not ready
    workers[0].answer({ type: 'ready', v, mode: 'worker' });
    expect(workers[0].sent.at(-1)).toEqual(run);
    workers[0].answer({ type: 'done', v, runId: 1, modelId: 1, ms: 1 });
    workers[0].answer({ type: 'done', v: v + 1, runId: 1, modelId: 1, ms: 1 } as unknown as WorkerResponse); // another version: ignored
    expect(got).toEqual([{ type: 'done', v, runId: 1, modelId: 1, ms: 1 }]);

    workers[0].crash('boom');
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toEqual(['boom']);
    expect(workers).toHaveLength(2);
    const again: WorkerRequest = { type: 'run', v, runId: 2, input: { tokens: [2] }, options: {} };
    client.send(again);
    workers[1].answer({ type: 'ready', v, mode: 'worker' });
    expect(workers[1].sent).toEqual([{ type: 'init', v, testHooks: true }, again]);
    workers[0].answer({ type: 'done', v, runId: 1, modelId: 1, ms: 1 }); // the dead worker is not heard any more
    expect(got).toHaveLength(1);
    client.dispose();
  });

  it('runs the engine on the main thread when a worker cannot be created', async () => {
    const got: WorkerResponse[] = [];
    const modes: string[] = [];
    const client = createModelClient(
      { onMessage: (m) => got.push(m), onCrash: () => {}, onMode: (m) => modes.push(m) },
      {
        createWorker: () => {
          throw new DOMException('denied', 'SecurityError');
        },
      },
    );
    client.send({ type: 'run', v, runId: 1, input: { tokens: [1] }, options: {} });
    for (let i = 0; i < 50 && !got.length; i++) await tick();
    expect(modes).toEqual(['main']);
    // The main-thread engine answers like the worker: no model loaded yet.
    expect(got[0]).toMatchObject({ type: 'error', runId: 1, kind: 'no-model' });
    client.dispose();
  });

  it('hands over to the main thread when the worker fails before it is ready', async () => {
    const modes: string[] = [];
    const fake = new FakeWorker();
    const client = createModelClient({ onMessage: () => {}, onCrash: () => {}, onMode: (m) => modes.push(m) }, { createWorker: () => fake as unknown as Worker });
    fake.crash('cannot load script');
    expect(fake.terminated).toBe(true);
    for (let i = 0; i < 50 && !modes.length; i++) await tick();
    expect(modes).toEqual(['main']);
    client.dispose();
  });
});
