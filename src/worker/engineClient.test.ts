// The one engine client's liveness, with fake workers: a worker that closes itself (silence), one
// with an uncaught error, and one whose message cannot be read are each replaced and reported once;
// a worker that answers pings is left alone, and pongs never reach the caller.
import { describe, expect, it } from 'vitest';
import { createEngineClient, type EngineSpec } from './engineClient';

type Req = { type: 'init' } | { type: 'ping'; id: number } | { type: 'work'; n: number };
type Res = { type: 'ready' } | { type: 'pong'; id: number } | { type: 'result'; n: number };

/** A stand-in for a module worker; `alive` workers answer init and pings as an engine does. */
class FakeWorker extends EventTarget {
  sent: Req[] = [];
  terminated = false;
  alive = true;
  postMessage(msg: Req) {
    this.sent.push(msg);
    if (!this.alive) return;
    if (msg.type === 'init') this.answer({ type: 'ready' });
    if (msg.type === 'ping') this.answer({ type: 'pong', id: msg.id });
  }
  terminate() {
    this.terminated = true;
  }
  answer(msg: Res) {
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: msg })));
  }
}

const spec = (): EngineSpec<Req, Res> => ({
  init: { type: 'init' },
  isResponse: (x): x is Res => typeof x === 'object' && x !== null && 'type' in x,
  readyMode: (r) => (r.type === 'ready' ? 'worker' : null),
  ping: (id) => ({ type: 'ping', id }),
  pongId: (r) => (r.type === 'pong' ? r.id : null),
  createWorker: () => {
    throw new Error('not used');
  },
  loadEngine: () => Promise.reject(new Error('not used')),
});

/** `silenceLimitMs`: tests that are not about silence give it a long limit, so a loaded machine's late timers cannot fire it. */
function start(silenceLimitMs = 400) {
  const workers: FakeWorker[] = [];
  const got: Res[] = [];
  const restarts: string[] = [];
  const client = createEngineClient(spec(), { onMessage: (m) => got.push(m), onRestart: (r) => restarts.push(r) }, {
    pingEveryMs: 10,
    silenceLimitMs,
    createWorker: () => workers[workers.push(new FakeWorker()) - 1] as unknown as Worker,
  });
  return { workers, got, restarts, client };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('engine client liveness', () => {
  it('leaves a worker alone while it answers pings, and keeps pongs to itself', async () => {
    const { workers, got, restarts, client } = start();
    await wait(600); // longer than the silence limit: a worker that answers is never replaced
    expect(workers).toHaveLength(1);
    expect(workers[0].sent.filter((m) => m.type === 'ping').length).toBeGreaterThan(5);
    expect(restarts).toEqual([]);
    expect(got).toEqual([]);
    client.dispose();
  });

  it('replaces a worker that goes silent (closed itself), tells once, and sends again to the new one', async () => {
    const { workers, restarts, client } = start();
    await wait(30);
    workers[0].alive = false; // self.close(): no error, no message, nothing
    await expect.poll(() => restarts, { timeout: 2_000 }).toEqual(['it stopped answering']);
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    await wait(20);
    client.send({ type: 'work', n: 1 });
    expect(workers[1].sent.at(-1)).toEqual({ type: 'work', n: 1 });
    expect(workers[0].sent.some((m) => m.type === 'work')).toBe(false);
    client.dispose();
  });

  it('replaces a worker after an uncaught error or an unreadable message', async () => {
    const { workers, restarts, client } = start(60_000);
    await wait(20);
    workers[0].dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Uncaught TypeError: boom' }));
    expect(restarts).toEqual(['Uncaught TypeError: boom']);
    await wait(20);
    workers[1].dispatchEvent(new Event('messageerror'));
    expect(restarts).toEqual(['Uncaught TypeError: boom', 'a message from it could not be read']);
    expect(workers.map((w) => w.terminated)).toEqual([true, true, false]);
    client.dispose();
  });
});
