// The request handler behind the protocol: loads models and runs the src/model API, posting the
// trace as it is computed. The same engine runs inside the module worker and, where no worker can
// be created (sandboxed iframes), on the main thread.
import { forward, generate, headPatchFrom, initKernels, loadModel, namedTensors, patchingSweep, type ForwardOptions, type Model, type Tensor } from '../model';
import { kernelChoice } from './kernelChoice';
import type { TraceEvent } from '../model/trace';
import { createTokenizer } from '../model/tokenizer';
import type { HfTokenizer } from '../model/tokenizers/hf';
import { describeHf, loadHfSource, tokenizeText } from './hf/loadHf';
import { buildVocabIndex } from './vocabIndex';
import {
  PROTOCOL_VERSION,
  isWorkerRequest,
  transferables,
  type ErrorKind,
  type ModelInfo,
  type RunInput,
  type RunOptions,
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
/** Vocabulary pieces per 'vocab' message: small enough that the page reads each in a few ms. */
export const VOCAB_SLICE = 5_000;

/** Classifies a thrown error for the UI: a refused model file, bad input, or a bug. */
function kindOf(e: unknown): ErrorKind {
  const name = e instanceof Error ? e.name : '';
  if (name === 'ModelFileError') return 'model-file';
  if (name === 'ModelInputError' || name === 'RangeError') return 'input';
  return 'internal';
}

/** A thrown error as one sentence for the page; the browser's out-of-memory errors in words. */
export function messageOf(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError && /allocation failed|invalid (typed )?array length|out of memory/i.test(raw))
    return 'This run needs more memory than the browser allows (the model or the input is too big): try a shorter input or a smaller model.';
  return raw.slice(0, 500);
}

/** Names of the tensors holding NaN or ±Infinity (a model file may carry them; the page says so). */
export function nonFiniteTensors(model: Model): string[] {
  const out: string[] = [];
  for (const [name, t] of namedTensors(model))
    for (let i = 0; i < t.data.length; i++)
      if (!Number.isFinite(t.data[i])) {
        out.push(name);
        break;
      }
  return out;
}

/** Describes a loaded model for the UI (config, vocabulary, tokenizer), without weights. */
export function describeModel(name: string, model: Model): ModelInfo {
  const config = model.config;
  // Without a vocabulary, tokens are typed as their ids ("3 4 5").
  const vocab = model.vocab ?? Array.from({ length: config.vocabSize }, (_, i) => String(i));
  const tokenizer = createTokenizer({ vocab, tokenizer: model.tokenizer }).kind;
  const nonFinite = nonFiniteTensors(model);
  return { name, arch: config.arch, config: { ...config }, vocab: [...vocab], tokenizer, ...(nonFinite.length ? { nonFinite } : {}) };
}

/** The protocol's run options as forward() options: ablations zero heads, patches come from a run of `from`. */
export function forwardOptions(m: Model, o: RunOptions): ForwardOptions {
  const { ablate, patch, ...rest } = o;
  if (!ablate?.length && !patch?.heads.length) return rest;
  const source = patch?.heads.length ? forward(m, patch.from, { ...rest, lens: false, trace: 'full' }).trace : undefined;
  return {
    ...rest,
    interventions: {
      ablate: (ablate ?? []).map((h) => ({ ...h, mode: 'zero' })),
      patchHead: source ? patch!.heads.map((h) => headPatchFrom(source, h)) : [],
    },
  };
}

/**
 * Creates an engine that answers requests through `post`. `exit` closes the worker silently (the
 * `close` test hook; the main-thread engine has none).
 */
export function createEngine(postRaw: Post, mode: 'worker' | 'main', exit?: () => void): Engine {
  const post = (msg: WorkerResponse) => postRaw(msg, transferables(msg));
  let testHooks = false;
  let model: Model | null = null;
  /** The Hugging Face tokenizer of the loaded checkpoint (text is tokenized here, off the main thread). */
  let hfTokenizer: HfTokenizer | null = null;
  /** Loads that can still be cancelled, by runId. */
  const loads = new Map<number, AbortController>();
  /** Resolves when every requested model has loaded (or failed): runs wait for it — and for the kernels. */
  let loading: Promise<void> = initKernels(kernelChoice).then(() => undefined);
  /** The newest load that succeeded: an older load finishing later must not replace its model. */
  let acceptedLoad = 0;
  /** The run that may still post results; a newer run or a cancel replaces it. */
  let activeRun = 0;
  let pending: RunRequest | null = null;
  let scheduled = false;

  const fail = (runId: number | null, e: unknown) => post({ type: 'error', v, runId, kind: kindOf(e), message: messageOf(e) });

  async function load(req: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
    const { source } = req;
    if (source.kind === 'files' || source.kind === 'hub') {
      const controller = new AbortController();
      loads.set(req.runId, controller);
      try {
        const checkpoint = await loadHfSource(source, req.runId, post, controller.signal);
        if (!checkpoint || req.runId < acceptedLoad) return; // sizes only, or a newer model is in place
        acceptedLoad = req.runId;
        model = checkpoint.model;
        hfTokenizer = checkpoint.tokenizer ?? null;
        post({ type: 'loaded', v, runId: req.runId, info: describeHf(checkpoint, describeModel(source.name, checkpoint.model)) });
      } catch (e) {
        // Cancelled or refused: the current model stays in place.
        if (controller.signal.aborted) post({ type: 'error', v, runId: req.runId, kind: 'cancelled', message: 'Cancelled.' });
        else fail(req.runId, e);
      } finally {
        loads.delete(req.runId);
      }
      return;
    }
    try {
      let bytes: Uint8Array;
      if (source.kind === 'bytes') bytes = new Uint8Array(source.bytes);
      else {
        const res = await fetch(source.url);
        if (!res.ok) throw new Error(`Could not fetch the model “${req.source.name}” (HTTP ${res.status}).`);
        bytes = new Uint8Array(await res.arrayBuffer());
      }
      const m = loadModel(bytes);
      if (req.runId < acceptedLoad) return; // a newer model is already in place
      acceptedLoad = req.runId;
      model = m;
      hfTokenizer = null;
      const info = describeModel(req.source.name, m);
      // The vocabulary goes first, in slices; 'loaded' follows with the rest of the info.
      for (let i = 0; i < info.vocab.length; i += VOCAB_SLICE) post({ type: 'vocab', v, runId: req.runId, pieces: info.vocab.slice(i, i + VOCAB_SLICE) });
      // A big vocabulary comes with its index, built here, so the page builds nothing.
      const vocabIndex = info.vocab.length > VOCAB_SLICE ? buildVocabIndex(info.vocab) : undefined;
      post({ type: 'loaded', v, runId: req.runId, info: { ...info, vocab: [] }, ...(vocabIndex ? { vocabIndex } : {}) });
    } catch (e) {
      // A refused file leaves the current model (or one still loading) in place.
      fail(req.runId, e);
    }
  }

  /** Runs one forward pass, posting each traced array as soon as it exists. */
  function forwardStreaming(m: Model, runId: number, step: number, input: RunInput, req: RunRequest) {
    return forward(m, input, {
      ...forwardOptions(m, req.options),
      // The tracer hands out its own copy of each array, so it can be transferred as is.
      onTrace: (e: TraceEvent) => post({ type: 'trace', v, runId, modelId: acceptedLoad, step, path: e.path, tensor: e.value }),
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
    // The page asked for another model than the one here (a load raced the run): never compute
    // numbers that would be drawn under the wrong model's name.
    if (req.modelId !== undefined && req.modelId !== acceptedLoad) {
      post({ type: 'error', v, runId: req.runId, kind: 'stale-model', message: 'The run was for another model than the one loaded.' });
      return;
    }
    const t0 = performance.now();
    try {
      if (req.type === 'run') {
        const input = 'text' in req.input || 'srcText' in req.input ? tokenizeText(m, hfTokenizer, req.input, req.runId, post) : req.input;
        forwardStreaming(m, req.runId, 0, input, req);
      } else if (req.maxNewTokens > 0) {
        // The model's one decoder, greedy; each step's trace streams as it is computed.
        let step = 0;
        const steps = generate(m, req.input, {
          // Knocked-out heads stay out while generating; a patch fits one length only, so it is not used here.
          ...forwardOptions(m, { ...req.options, patch: undefined }),
          maxNewTokens: req.maxNewTokens,
          eosId: req.stopId ?? null,
          onTrace: (e: TraceEvent) => post({ type: 'trace', v, runId: req.runId, modelId: acceptedLoad, step, path: e.path, tensor: e.value }),
        });
        for (let r = steps.next(); !r.done; r = steps.next()) {
          post({ type: 'token', v, runId: req.runId, modelId: acceptedLoad, step, token: r.value.token });
          if (r.value.stop) break;
          step++;
          // Yield between tokens so a cancel or a newer request is seen before the next step.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (req.runId !== activeRun) return;
        }
      }
      if (req.runId === activeRun) post({ type: 'done', v, runId: req.runId, modelId: acceptedLoad, ms: performance.now() - t0 });
    } catch (e) {
      fail(req.runId, e);
    }
  }

  /** A patching sweep: computed at once (it takes well under a second), answered with one message. */
  async function sweep(req: Extract<WorkerRequest, { type: 'sweep' }>): Promise<void> {
    await loading;
    const m = model;
    if (!m) {
      post({ type: 'error', v, runId: req.runId, kind: 'no-model', message: 'No model is loaded yet.' });
      return;
    }
    try {
      const t0 = performance.now();
      const { mask, prefix, positional } = req.options;
      const options = { mask, prefix, positional };
      const result = patchingSweep(m, { clean: req.clean, corrupted: req.corrupted, position: req.position, options });
      const ms = performance.now() - t0;
      // Both inputs' attention weights, for the two-input diff of every layer and head.
      const attention = (input: RunInput) => forward(m, input, { ...options, trace: 'attention' }).trace;
      const [a, b] = [attention(req.clean), attention(req.corrupted)];
      const weights = [...a.keys()]
        .filter((key) => key.endsWith('.weights'))
        .map((key) => ({ key, clean: a.get(key) as Tensor, corrupted: b.get(key) as Tensor }));
      post({ type: 'sweep', v, runId: req.runId, result, weights, ms });
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
        case 'sweep':
          void sweep(msg);
          return;
        case 'cancel':
          loads.get(msg.runId)?.abort();
          if (activeRun === msg.runId) activeRun = 0;
          if (pending?.runId === msg.runId) pending = null;
          return;
        case 'ping':
          post({ type: 'pong', v, id: msg.id });
          return;
        case 'close':
          // A worker that goes away without an error event: only the client's pings notice.
          if (testHooks) exit?.();
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
