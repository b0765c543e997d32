// The UI side of the training protocol: starts the training worker (its own module worker) and
// falls back to running the same engine on the main thread, one step per task, where no worker
// can start (sandboxed iframes).
import { TRAIN_PROTOCOL_VERSION, isTrainResponse, type TrainRequest, type TrainResponse } from './trainProtocol';

export interface TrainClient {
  /** Sends a request (queued until the engine is ready). */
  send: (req: TrainRequest) => void;
  /** Stops the worker for good. */
  dispose: () => void;
}

export interface TrainClientOptions {
  onMessage: (msg: TrainResponse) => void;
  onMode?: (mode: 'worker' | 'main') => void;
  /** How long the worker may take to say it is ready before the main thread takes over. */
  startTimeoutMs?: number;
  /** Overrides worker construction (tests, or `() => { throw … }` to force the fallback). */
  createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts the training engine in a worker (or on the main thread) and returns a handle. */
export function createTrainClient(options: TrainClientOptions): TrainClient {
  const init: TrainRequest = { type: 'init', v: TRAIN_PROTOCOL_VERSION };
  let queue: TrainRequest[] = [];
  let worker: Worker | null = null;
  let mainEngine: { handle(msg: unknown): void } | null = null;
  let ready = false;
  let disposed = false;
  let fallingBack = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;

  const deliver = (data: unknown) => {
    if (disposed || !isTrainResponse(data)) return;
    if (data.type === 'ready') {
      ready = true;
      clearTimeout(startTimer);
      options.onMode?.(data.mode);
      const pending = queue;
      queue = [];
      for (const req of pending) post(req);
      return;
    }
    options.onMessage(data);
  };

  function post(req: TrainRequest) {
    if (mainEngine) mainEngine.handle(req);
    else worker?.postMessage(req);
  }

  function fallBackToMainThread() {
    if (fallingBack || disposed) return;
    fallingBack = true;
    clearTimeout(startTimer);
    worker?.terminate();
    worker = null;
    ready = false;
    void import('./trainEngine').then(({ createTrainEngine }) => {
      if (disposed) return;
      // Deliver asynchronously, like a worker, so callers never see re-entrant callbacks.
      mainEngine = createTrainEngine((msg) => setTimeout(() => deliver(msg), 0), 'main');
      mainEngine.handle(init);
    });
  }

  try {
    worker = options.createWorker ? options.createWorker() : defaultWorker();
    const w = worker;
    w.addEventListener('message', (e: MessageEvent) => {
      if (w === worker) deliver(e.data);
    });
    w.addEventListener('error', (e: Event) => {
      e.preventDefault(); // handled here: no unhandled-error report in the console
      if (w !== worker) return;
      if (!ready) fallBackToMainThread();
      else options.onMessage({ type: 'error', v: TRAIN_PROTOCOL_VERSION, runId: null, message: 'The training worker stopped; press Reset to start again.' });
    });
    startTimer = setTimeout(() => {
      if (!ready && w === worker) fallBackToMainThread();
    }, options.startTimeoutMs ?? 10_000);
    w.postMessage(init);
  } catch {
    fallBackToMainThread();
  }

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
      mainEngine = null;
    },
  };
}
