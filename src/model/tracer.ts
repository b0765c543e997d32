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
  /**
   * Records `value` at `path` if the level keeps it. Pass `handOver` when the forward pass will
   * never read or write `value` again: it is then passed on as is, without a copy.
   */
  emit(path: TracePath, value: AnyTensor, handOver?: boolean): void;
}

/**
 * A tracer for one run. A listener owns what it receives and may transfer it to another thread at
 * once, so an array the forward pass still reads (a layer's output is the next layer's input, one
 * mask serves every layer) is copied first; the rest are handed over without a copy.
 */
export function createTracer(level: TraceLevel, onTrace?: TraceListener): Tracer {
  const map: TraceMap = new Map();
  return {
    level,
    map,
    wants: (path) => keeps(level, path),
    emit(path, value, handOver = false) {
      if (!keeps(level, path)) return;
      const kept = handOver ? value : ({ data: value.data.slice(), shape: [...value.shape] } as AnyTensor);
      map.set(traceKey(path), kept);
      onTrace?.({ path, value: kept });
    },
  };
}
