// The request handler behind the protocol: loads models and runs the src/model API, posting the
// trace as it is computed. The same engine runs inside the module worker and, where no worker can
// be created (sandboxed iframes), on the main thread.
import { forward, generate, loadModel, type Model } from '../model';
import type { TraceEvent } from '../model/trace';
import { createTokenizer } from '../model/tokenizer';
import {
  PROTOCOL_VERSION,
  isWorkerRequest,
  transferables,
  type ErrorKind,
  type ModelInfo,
  type RunInput,
  type WorkerRequest,
  type WorkerResponse,
} from './protocol';

type Post = (msg: WorkerResponse, transfer: Transferable[]) => void;
type RunRequest = Extract<WorkerRequest, { type: 'run' | 'generate' }>;

export interface Engine {
  /** Handles one incoming message (anything: malformed messages are answered with an error). */
  handle(msg: unknown): void;
}

const v = PROTOCOL_VERSION;

/** Classifies a thrown error for the UI: a refused model file, bad input, or a bug. */
function kindOf(e: unknown): ErrorKind {
  const name = e instanceof Error ? e.name : '';
  if (name === 'ModelFileError') return 'model-file';
  if (name === 'ModelInputError' || name === 'RangeError') return 'input';
  return 'internal';
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Describes a loaded model for the UI (config, vocabulary, tokenizer), without weights. */
export function describeModel(name: string, model: Model): ModelInfo {
  const config = model.config;
  // Without a vocabulary, tokens are typed as their ids ("3 4 5").
  const vocab = model.vocab ?? Array.from({ length: config.vocabSize }, (_, i) => String(i));
  const tokenizer = createTokenizer({ vocab, tokenizer: model.tokenizer }).kind;
  return { name, arch: config.arch, config: { ...config }, vocab: [...vocab], tokenizer };
}

/** Creates an engine that answers requests through `post`. */
export function createEngine(postRaw: Post, mode: 'worker' | 'main'): Engine {
  const post = (msg: WorkerResponse) => postRaw(msg, transferables(msg));
  let testHooks = false;
  let model: Model | null = null;
  /** Resolves when every requested model has loaded (or failed): runs wait for it. */
  let loading: Promise<void> = Promise.resolve();
  /** The newest load that succeeded: an older load finishing later must not replace its model. */
  let acceptedLoad = 0;
  /** The run that may still post results; a newer run or a cancel replaces it. */
  let activeRun = 0;
  let pending: RunRequest | null = null;
  let scheduled = false;

  const fail = (runId: number | null, e: unknown) => post({ type: 'error', v, runId, kind: kindOf(e), message: messageOf(e) });

  async function load(req: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
    try {
      let bytes: Uint8Array;
      if (req.source.kind === 'bytes') bytes = new Uint8Array(req.source.bytes);
      else {
        const res = await fetch(req.source.url);
        if (!res.ok) throw new Error(`Could not fetch the model “${req.source.name}” (HTTP ${res.status}).`);
        bytes = new Uint8Array(await res.arrayBuffer());
      }
      const m = loadModel(bytes);
      if (req.runId < acceptedLoad) return; // a newer model is already in place
      acceptedLoad = req.runId;
      model = m;
      post({ type: 'loaded', v, runId: req.runId, info: describeModel(req.source.name, m) });
    } catch (e) {
      // A refused file leaves the current model (or one still loading) in place.
      fail(req.runId, e);
    }
  }

  /** Runs one forward pass, posting each traced array as soon as it exists. */
  function forwardStreaming(m: Model, runId: number, step: number, input: RunInput, req: RunRequest) {
    return forward(m, input, {
      ...req.options,
      // The tracer hands out its own copy of each array, so it can be transferred as is.
      onTrace: (e: TraceEvent) => post({ type: 'trace', v, runId, step, path: e.path, tensor: e.value }),
    });
  }

  async function execute(req: RunRequest): Promise<void> {
    await loading;
    if (req.runId !== activeRun) return;
    const m = model;
    if (!m) {
      post({ type: 'error', v, runId: req.runId, kind: 'no-model', message: 'No model is loaded yet.' });
      return;
    }
    const t0 = performance.now();
    try {
      if (req.type === 'run') {
        forwardStreaming(m, req.runId, 0, req.input, req);
      } else if (req.maxNewTokens > 0) {
        // The model's one decoder, greedy; each step's trace streams as it is computed.
        let step = 0;
        const steps = generate(m, req.input, {
          ...req.options,
          maxNewTokens: req.maxNewTokens,
          eosId: req.stopId ?? null,
          onTrace: (e: TraceEvent) => post({ type: 'trace', v, runId: req.runId, step, path: e.path, tensor: e.value }),
        });
        for (let r = steps.next(); !r.done; r = steps.next()) {
          post({ type: 'token', v, runId: req.runId, step, token: r.value.token });
          if (r.value.stop) break;
          step++;
          // Yield between tokens so a cancel or a newer request is seen before the next step.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (req.runId !== activeRun) return;
        }
      }
      if (req.runId === activeRun) post({ type: 'done', v, runId: req.runId, ms: performance.now() - t0 });
    } catch (e) {
      fail(req.runId, e);
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // Defer by one task: requests already queued behind this one arrive first, so a burst of
    // keystrokes computes only the last input.
    setTimeout(() => {
      scheduled = false;
      const req = pending;
      pending = null;
      if (req) void execute(req);
    }, 0);
  }

  return {
    handle(msg) {
      if (!isWorkerRequest(msg)) {
        const runId = typeof msg === 'object' && msg !== null && Number.isSafeInteger((msg as { runId?: unknown }).runId) ? (msg as { runId: number }).runId : null;
        post({ type: 'error', v, runId, kind: 'protocol', message: 'Malformed or wrong-version request.' });
        return;
      }
      switch (msg.type) {
        case 'init':
          testHooks = msg.testHooks;
          post({ type: 'ready', v, mode });
          return;
        case 'load':
          loading = Promise.all([loading, load(msg)]).then(() => undefined);
          return;
        case 'run':
        case 'generate':
          activeRun = msg.runId;
          pending = msg;
          schedule();
          return;
        case 'cancel':
          if (activeRun === msg.runId) activeRun = 0;
          if (pending?.runId === msg.runId) pending = null;
          return;
        case 'crash':
          if (!testHooks) return;
          // An uncaught error outside any handler: what a real crash looks like to the page.
          setTimeout(() => {
            throw new Error('Test hook: worker crashed on purpose.');
          }, 0);
          return;
      }
    },
  };
}
