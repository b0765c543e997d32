// The training worker's request handler: runs a TrainSession in short time slices (so a pause is
// seen within one slice), and streams batch losses, evaluations and the probe's attention. The same
// engine runs in the module worker and, where no worker can start, on the main thread.
import { TRAIN_PROTOCOL_VERSION, isTrainRequest, trainTransferables, type TrainRequest, type TrainResponse, type WireProbe } from './trainProtocol';
import { EVAL_ITEMS, createSession, evaluateSession, exportSession, probeSession, stepSession, type EvalPoint, type TrainSession } from './trainSession';
import { STEP_BUDGET } from '../tasks/trainSettings';

type Post = (msg: TrainResponse, transfer: Transferable[]) => void;

export interface TrainEngineOptions {
  /** Longest stretch of steps before yielding (ms). 0: one step per task (main-thread mode). */
  sliceMs?: number;
  /** Steps between evaluations and probe refreshes. */
  evalEvery?: number;
  /** Least time between two streamed updates while running (ms). */
  postEveryMs?: number;
  /** Items scored per side at each evaluation (fewer on the main thread, to keep each task short). */
  evalItems?: number;
  /** Runs `fn` as a new task (default setTimeout 0): where messages such as pause get in. */
  schedule?: (fn: () => void) => void;
}

export interface TrainEngine {
  handle(msg: unknown): void;
}

const v = TRAIN_PROTOCOL_VERSION;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** A copy of the probe that owns its buffers, ready to transfer. */
function wireProbe(s: TrainSession): WireProbe {
  const p = probeSession(s);
  return {
    step: s.trainer.step,
    input: p.input,
    expected: p.expected,
    predicted: p.predicted,
    maps: p.maps.map((m) => ({ ...m, weights: m.weights.slice() })),
  };
}

/** Creates an engine that answers train requests through `post`. */
export function createTrainEngine(postRaw: Post, mode: 'worker' | 'main', options: TrainEngineOptions = {}): TrainEngine {
  const sliceMs = options.sliceMs ?? (mode === 'worker' ? 40 : 0);
  const evalEvery = options.evalEvery ?? 25;
  const postEveryMs = options.postEveryMs ?? 200;
  const evalItems = options.evalItems ?? (mode === 'worker' ? EVAL_ITEMS : 50);
  const schedule = options.schedule ?? ((fn) => setTimeout(fn, 0));
  const post = (msg: TrainResponse) => postRaw(msg, trainTransferables(msg));

  let session: TrainSession | null = null;
  let runId = 0;
  let running = false;
  let ticking = false;
  let steps: number[] = [];
  let losses: number[] = [];
  let evals: EvalPoint[] = [];
  let probe: WireProbe | null = null;
  let lastPost = 0;

  const done = () => !!session && session.trainer.step >= STEP_BUDGET;

  /** Scores the run and refreshes the probe (at step 0, every `evalEvery` steps, and on demand). */
  function observe(s: TrainSession) {
    evals.push(evaluateSession(s, evalItems));
    probe = wireProbe(s);
  }

  function flush() {
    if (!session) return;
    const s = session;
    post({
      type: 'update', v, runId, step: s.trainer.step, running, done: done(),
      lr: s.trainer.options.lr, stepsPerSecond: s.stepMs > 0 ? s.trainer.step / (s.stepMs / 1000) : 0,
      steps, losses, evals, probe,
    });
    steps = [];
    losses = [];
    evals = [];
    probe = null;
    lastPost = performance.now();
  }

  /** Set when an evaluation is due; the worker does it at once, the main thread in a task of its own. */
  let observeDue = false;

  function advance(s: TrainSession) {
    const { loss } = stepSession(s);
    steps.push(s.trainer.step);
    losses.push(loss);
    if (s.trainer.step % evalEvery === 0 || done()) {
      if (sliceMs > 0) observe(s);
      else observeDue = true;
    }
  }

  /** One slice of steps, then yield; stops as soon as `running` is cleared by a pause or reset. */
  function tick() {
    ticking = false;
    const s = session;
    if (!running || !s) return;
    try {
      if (observeDue) {
        observeDue = false;
        observe(s);
      } else {
        const t0 = performance.now();
        do advance(s);
        while (running && !done() && performance.now() - t0 < sliceMs);
      }
      if (done() && !observeDue) running = false;
      if (!running || performance.now() - lastPost >= postEveryMs) flush();
      if (running) {
        ticking = true;
        schedule(tick);
      }
    } catch (e) {
      running = false;
      post({ type: 'error', v, runId, message: messageOf(e) });
    }
  }

  function handle(msg: unknown) {
    if (!isTrainRequest(msg)) {
      post({ type: 'error', v, runId: null, message: 'Malformed or wrong-version training request.' });
      return;
    }
    if (msg.type === 'init') {
      post({ type: 'ready', v, mode });
      return;
    }
    if (msg.type === 'reset') {
      running = false;
      runId = msg.runId;
      steps = [];
      losses = [];
      evals = [];
      try {
        session = createSession(msg.settings);
        observe(session);
        flush();
      } catch (e) {
        session = null;
        post({ type: 'error', v, runId, message: messageOf(e) });
      }
      return;
    }
    if (msg.runId !== runId || !session) return; // about an older run: ignore
    command(msg, session);
  }

  function command(msg: Exclude<TrainRequest, { type: 'init' | 'reset' }>, s: TrainSession) {
    switch (msg.type) {
      case 'play':
        if (running || done()) return;
        running = true;
        flush();
        if (!ticking) {
          ticking = true;
          schedule(tick);
        }
        return;
      case 'pause':
        if (!running) return;
        running = false; // the scheduled tick sees this and does no more work
        flush();
        return;
      case 'step':
        if (running || done()) return;
        try {
          advance(s);
          observeDue = false;
          observe(s); // a single step always shows its effect
          flush();
        } catch (e) {
          post({ type: 'error', v, runId, message: messageOf(e) });
        }
        return;
      case 'setLr':
        s.settings = { ...s.settings, lr: msg.lr };
        s.trainer.options = { ...s.trainer.options, lr: msg.lr };
        flush();
        return;
      case 'export': {
        const bytes = exportSession(s);
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        post({ type: 'exported', v, runId, bytes: buffer, step: s.trainer.step });
        return;
      }
    }
  }

  return { handle };
}
