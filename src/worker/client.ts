// The UI side of the protocol: starts the module worker, restarts it after a crash, and falls back
// to running the same engine on the main thread where no worker can start (sandboxed iframes).
import {
  PROTOCOL_VERSION,
  isWorkerResponse,
  transferables,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

export interface ClientEvents {
  /** A valid message from the engine (already checked for shape and version). */
  onMessage: (msg: WorkerResponse) => void;
  /** The worker died; a fresh one is starting. Re-send the model and the run. */
  onCrash: (message: string) => void;
  /** Where the engine runs, once known. */
  onMode?: (mode: 'worker' | 'main') => void;
}

export interface ModelClient {
  /** Sends a request (queued until the engine is ready). */
  send: (req: WorkerRequest) => void;
  /** Stops the worker for good. */
  dispose: () => void;
}

export interface ClientOptions {
  testHooks?: boolean;
  /** How long a worker may take to say it is ready before the main thread takes over. */
  startTimeoutMs?: number;
  /** Overrides worker construction (tests); the default is the module worker below. */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the engine in a worker (or on the main thread) and returns a handle to talk to it. */
export function createModelClient(events: ClientEvents, options: ClientOptions = {}): ModelClient {
  const testHooks = options.testHooks ?? false;
  const init: WorkerRequest = { type: 'init', v: PROTOCOL_VERSION, testHooks };
  let queue: WorkerRequest[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let disposed = false;
  let mainEngine: { handle(msg: unknown): void } | null = null;
  let fallingBack = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (data: unknown) => {
    if (disposed) return;
    if (!isWorkerResponse(data)) return; // not ours, or another protocol version
    if (data.type === 'ready') {
      ready = true;
      clearTimeout(startTimer);
      events.onMode?.(data.mode);
      const pending = queue;
      queue = [];
      for (const req of pending) post(req);
      return;
    }
    events.onMessage(data);
  };

  function post(req: WorkerRequest) {
    if (mainEngine) mainEngine.handle(req);
    else if (worker) worker.postMessage(req, transferables(req));
  }

  function fallBackToMainThread() {
    if (fallingBack || disposed) return;
    fallingBack = true;
    clearTimeout(startTimer);
    worker?.terminate();
    worker = null;
    ready = false;
    // The model code loads only now, as its own chunk, so it stays out of the initial bundle.
    void import('./engine').then(({ createEngine }) => {
      if (disposed) return;
      // Deliver asynchronously, like a worker, so callers never see re-entrant callbacks.
      mainEngine = createEngine((msg) => setTimeout(() => deliver(msg), 0), 'main');
      mainEngine.handle(init);
    });
  }

  /** Replaces a worker that failed: requests sent to it are lost; the bridge re-sends what matters. */
  function restart(message: string) {
    worker?.terminate();
    queue = [];
    startWorker();
    events.onCrash(message);
  }

  function startWorker() {
    ready = false;
    try {
      worker = options.createWorker ? options.createWorker() : defaultWorker();
    } catch {
      fallBackToMainThread();
      return;
    }
    const w = worker;
    w.addEventListener('message', (e: MessageEvent) => {
      if (w === worker) deliver(e.data);
    });
    w.addEventListener('error', (e: Event) => {
      e.preventDefault(); // handled here: no unhandled-error report in the console
      if (w !== worker) return;
      if (!ready) fallBackToMainThread(); // the worker could not even start
      else {
        const message = (e as { message?: unknown }).message; // an ErrorEvent's, when the browser gives one
        restart(typeof message === 'string' && message ? message : 'the worker stopped');
      }
    });
    w.addEventListener('messageerror', () => {
      if (w === worker) restart('a message from the worker could not be read');
    });
    startTimer = setTimeout(() => {
      if (!ready && w === worker) fallBackToMainThread();
    }, options.startTimeoutMs ?? 10_000);
    w.postMessage(init);
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
      clearTimeout(startTimer);
      worker?.terminate();
      worker = null;
    },
  };
}
