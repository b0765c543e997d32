// The training worker's entry: a module worker of its own, so training never delays the model
// worker that draws the rest of the app. All logic is in trainEngine.ts, shared with the fallback.
import { createTrainEngine } from './trainEngine';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = createTrainEngine((msg, transfer) => scope.postMessage(msg, transfer), 'worker');
scope.addEventListener('message', (e: MessageEvent) => engine.handle(e.data));
