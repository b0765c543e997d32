// The model engine's client: the one engine client (engineClient.ts) with the model protocol. The
// worker is restarted after a crash or silence, and the engine runs on the main thread where no
// worker can start (sandboxed iframes).
import { createEngineClient, type EngineClientOptions, type EngineMode } from './engineClient';
import { PROTOCOL_VERSION, isWorkerResponse, transferables, type WorkerRequest, type WorkerResponse } from './protocol';

export interface ClientEvents {
  /** A valid message from the engine (already checked for shape and version). */
  onMessage: (msg: WorkerResponse) => void;
  /** The worker died or went silent; a fresh one is starting. Re-send the model and the run. */
  onCrash: (message: string) => void;
  /** Where the engine runs, once known. */
  onMode?: (mode: EngineMode) => void;
}

export interface ModelClient {
  /** Sends a request (queued until the engine is ready). */
  send: (req: WorkerRequest) => void;
  /** Stops the worker for good. */
  dispose: () => void;
}

export interface ClientOptions extends EngineClientOptions {
  testHooks?: boolean;
}

const v = PROTOCOL_VERSION;

/** Starts the engine in a worker (or on the main thread) and returns a handle to talk to it. */
export function createModelClient(events: ClientEvents, options: ClientOptions = {}): ModelClient {
  return createEngineClient<WorkerRequest, WorkerResponse>(
    {
      init: { type: 'init', v, testHooks: options.testHooks ?? false },
      isResponse: isWorkerResponse,
      readyMode: (res) => (res.type === 'ready' ? res.mode : null),
      ping: (id) => ({ type: 'ping', v, id }),
      pongId: (res) => (res.type === 'pong' ? res.id : null),
      transfer: transferables,
      createWorker: () => new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' }),
      // The model code loads only now, as its own chunk, so it stays out of the initial bundle.
      loadEngine: () => import('./engine').then(({ createEngine }) => (post) => createEngine((msg) => post(msg), 'main')),
    },
    { onMessage: events.onMessage, onRestart: events.onCrash, onMode: events.onMode },
    options,
  );
}
