// The training engine's client: the one engine client (engineClient.ts) with the training protocol.
// Its own module worker, so training never delays the model worker that draws the rest of the app.
import { createEngineClient, type EngineClientOptions, type EngineMode } from './engineClient';
import { TRAIN_PROTOCOL_VERSION, isTrainResponse, type TrainRequest, type TrainResponse } from './trainProtocol';

export interface TrainClient {
  /** Sends a request (queued until the engine is ready). */
  send: (req: TrainRequest) => void;
  /** Stops the worker for good. */
  dispose: () => void;
}

export interface TrainClientOptions extends EngineClientOptions {
  onMessage: (msg: TrainResponse) => void;
  /** The worker failed (an uncaught error, or it went silent) and was replaced: the run is gone. */
  onRestart: (reason: string) => void;
  onMode?: (mode: EngineMode) => void;
}

const v = TRAIN_PROTOCOL_VERSION;

/** Starts the training engine in a worker (or on the main thread) and returns a handle. */
export function createTrainClient(options: TrainClientOptions): TrainClient {
  return createEngineClient<TrainRequest, TrainResponse>(
    {
      init: { type: 'init', v },
      isResponse: isTrainResponse,
      readyMode: (res) => (res.type === 'ready' ? res.mode : null),
      ping: (id) => ({ type: 'ping', v, id }),
      pongId: (res) => (res.type === 'pong' ? res.id : null),
      createWorker: () => new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' }),
      loadEngine: () => import('./trainEngine').then(({ createTrainEngine }) => (post) => createTrainEngine((msg) => post(msg), 'main')),
    },
    { onMessage: options.onMessage, onRestart: options.onRestart, onMode: options.onMode },
    options,
  );
}
