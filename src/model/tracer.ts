// Collects a run's intermediates: keeps what the TraceLevel asks for (keeps() in trace.ts), in a
// TraceMap and streamed through onTrace in the order they are computed.
import type { AnyTensor } from './tensor';
import { keeps, traceKey, type TraceEvent, type TraceLevel, type TraceMap, type TracePath } from './trace';

/** Receives each kept array once; the array is the caller's to keep, transfer or mutate. */
export type TraceListener = (event: TraceEvent) => void;

export interface Tracer {
  readonly level: TraceLevel;
  readonly map: TraceMap;
  /** Whether `path` is kept, so a caller can skip building an array nobody will see. */
  wants(path: TracePath): boolean;
  /** Records `value` at `path` if the level keeps it. */
  emit(path: TracePath, value: AnyTensor): void;
}

/**
 * A tracer for one run. Kept arrays are copied before they are handed out: the forward pass goes
 * on reading its own arrays (a layer's output is the next layer's input), while a listener may
 * transfer its copy to another thread at once.
 */
export function createTracer(level: TraceLevel, onTrace?: TraceListener): Tracer {
  const map: TraceMap = new Map();
  return {
    level,
    map,
    wants: (path) => keeps(level, path),
    emit(path, value) {
      if (!keeps(level, path)) return;
      const copy = { data: value.data.slice(), shape: [...value.shape] } as AnyTensor;
      map.set(traceKey(path), copy);
      onTrace?.({ path, value: copy });
    },
  };
}
