// The module worker entry: the model runs here, off the main thread. All logic is in engine.ts,
// shared with the main-thread fallback.
import { createEngine } from './engine';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = createEngine((msg, transfer) => scope.postMessage(msg, transfer), 'worker', () => scope.close());
scope.addEventListener('message', (e: MessageEvent) => engine.handle(e.data));
