// The one engine client, used by the model worker and the training worker: starts the module
// worker, queues requests until the engine says it is ready, falls back to the same engine on the
// main thread where no worker can start (sandboxed iframes), and watches the worker's liveness: an
// uncaught error, an unreadable message, or a worker that stops answering pings (a worker that
// closed itself says nothing at all) ends that worker, starts a fresh one and reports it once.

export type EngineMode = 'worker' | 'main';

/** What differs between the engines: their protocol's messages and where their code lives. */
export interface EngineSpec<Req, Res> {
  init: Req;
  isResponse(x: unknown): x is Res;
  /** The engine's mode when `res` is its ready message, else null. */
  readyMode(res: Res): EngineMode | null;
  /** A liveness probe, answered by a message for which `pongId` returns the same id. */
  ping(id: number): Req;
  pongId(res: Res): number | null;
  /** Buffers a request moves to the worker instead of copying. */
  transfer?(req: Req): Transferable[];
  createWorker(): Worker;
  /** The engine itself, loaded only for the main-thread fallback (its own chunk). */
  loadEngine(): Promise<(post: (msg: Res) => void) => { handle(msg: unknown): void }>;
}

export interface EngineEvents<Res> {
  /** A valid message from the engine (checked for shape and version), not ready or pong. */
  onMessage(msg: Res): void;
  /** The worker failed and a fresh one is starting (its state is gone): `reason` says why, in words. */
  onRestart(reason: string): void;
  onMode?(mode: EngineMode): void;
}

export interface EngineClientOptions {
  /** How long a worker may take to say it is ready before the main thread takes over. */
  startTimeoutMs?: number;
  /** How often a ready worker is pinged. */
  pingEveryMs?: number;
  /** Silence (no message at all, pongs included) after which a worker counts as gone; doubled after each such restart. */
  silenceLimitMs?: number;
  /** Overrides worker construction (tests, or `() => { throw … }` to force the fallback). */
  createWorker?: () => Worker;
}

export interface EngineClient<Req> {
  /** Sends a request (queued until the engine is ready). */
  send(req: Req): void;
  /** Stops the engine for good. */
  dispose(): void;
}

export function createEngineClient<Req, Res>(spec: EngineSpec<Req, Res>, events: EngineEvents<Res>, options: EngineClientOptions = {}): EngineClient<Req> {
  const pingEvery = options.pingEveryMs ?? 2_000;
  let silenceLimit = options.silenceLimitMs ?? 10_000;
  let queue: Req[] = [];
  let worker: Worker | null = null;
  let mainEngine: { handle(msg: unknown): void } | null = null;
  let ready = false;
  let disposed = false;
  let fallingBack = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let lastHeard = 0;
  let pingId = 0;

  function deliver(data: unknown) {
    if (disposed || !spec.isResponse(data)) return; // not ours, or another protocol version
    const mode = spec.readyMode(data);
    if (mode) {
      ready = true;
      clearTimeout(startTimer);
      events.onMode?.(mode);
      const pending = queue;
      queue = [];
      for (const req of pending) post(req);
      return;
    }
    if (spec.pongId(data) !== null) return;
    events.onMessage(data);
  }

  function post(req: Req) {
    if (mainEngine) mainEngine.handle(req);
    else worker?.postMessage(req, spec.transfer?.(req) ?? []);
  }

  function stopWorker() {
    clearTimeout(startTimer);
    clearInterval(pingTimer);
    worker?.terminate();
    worker = null;
    ready = false;
  }

  function fallBackToMainThread() {
    if (fallingBack || disposed) return;
    fallingBack = true;
    stopWorker();
    void spec.loadEngine().then((create) => {
      if (disposed) return;
      // Deliver asynchronously, like a worker, so callers never see re-entrant callbacks.
      mainEngine = create((msg) => setTimeout(() => deliver(msg), 0));
      mainEngine.handle(spec.init);
    });
  }

  /** Replaces a worker that failed: requests sent to it are lost; the caller re-sends what matters. */
  function restart(reason: string) {
    stopWorker();
    queue = [];
    startWorker();
    events.onRestart(reason);
  }

  function startWorker() {
    let w: Worker;
    try {
      w = options.createWorker ? options.createWorker() : spec.createWorker();
    } catch {
      fallBackToMainThread();
      return;
    }
    worker = w;
    lastHeard = Date.now();
    w.addEventListener('message', (e: MessageEvent) => {
      if (w !== worker) return;
      lastHeard = Date.now();
      deliver(e.data);
    });
    w.addEventListener('error', (e: Event) => {
      e.preventDefault(); // handled here: no unhandled-error report in the console
      if (w !== worker) return;
      if (!ready) fallBackToMainThread(); // the worker could not even start
      else {
        const message = (e as { message?: unknown }).message; // an ErrorEvent's, when the browser gives one
        restart(typeof message === 'string' && message ? message : 'it stopped with an error');
      }
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) restart('a message from it could not be read');
    });
    startTimer = setTimeout(() => {
      if (!ready && w === worker) fallBackToMainThread();
    }, options.startTimeoutMs ?? 10_000);
    // Liveness: a busy worker still answers between tasks; one that closed itself never does.
    pingTimer = setInterval(() => {
      if (w !== worker || !ready) return;
      if (Date.now() - lastHeard > silenceLimit) {
        silenceLimit *= 2; // a worker that is only slow gets longer next time, so this cannot loop fast
        restart('it stopped answering');
        return;
      }
      w.postMessage(spec.ping(++pingId));
    }, pingEvery);
    w.postMessage(spec.init);
  }

  startWorker();

  return {
    send(req) {
      if (disposed) return;
      if (!ready) queue.push(req);
      else post(req);
    },
    dispose() {
      disposed = true;
      stopWorker();
      mainEngine = null;
    },
  };
}
