// The bridge between the engine (worker or main-thread fallback) and the store, outside React.
// It watches the store for the model and input, sends load/run requests, drops results of any
// superseded run, and writes what arrives to the store at most once per animation frame.
import { createModelClient, type ModelClient } from '../worker/client';
import { PROTOCOL_VERSION, type TextInput, type WorkerRequest, type WorkerResponse } from '../worker/protocol';
import { traceKey, type TraceMap } from '../model/trace';
import type { AnyTensor } from '../model/tensor';
import { useAtlas, type AtlasState } from './atlas';
import type { ModelInfo, TokenizedSequence } from './types';
import { checkpointName, hfTokenized } from './hfInput';
import { detokenize, vocabularyFromIndex, vocabularyOf, type Vocabulary } from './tokenize';
import { MAX_TEXT } from './slices/runSlice';
import { clampSelection, defaultMask, exampleText, parseCatalog, runInputOf, tokenizeInput } from './runInput';

/** The largest model file the page reads (the engine holds the whole model in memory as float32). */
export const MAX_MODEL_FILE_BYTES = 100 * 2 ** 20;

export { defaultMask, exampleText, runInputOf, tokenizeInput } from './runInput';

const v = PROTOCOL_VERSION;
/** Performance marks (and the flush measure) the app leaves for DevTools and bench:ui. */
const MARKS = ['atlas:input', 'atlas:run-sent', 'atlas:flush', 'atlas:done', 'atlas:heatmap'] as const;

type Store = typeof useAtlas;

/** The run option for a positional override; none when the model runs with its own scheme. */
const positionalOf = (s: AtlasState) => (s.positional ? { positional: s.positional } : {});
/** Interventions and the lens, when asked for (docs/interventions.md). */
const interventionsOf = (s: AtlasState) => ({ ...(s.ablate.length ? { ablate: s.ablate } : {}), ...(s.lens ? { lens: true } : {}) });

/**
 * A load on its way to the engine: a shipped model's name, a user's file (kept to reload it), or a
 * Hugging Face checkpoint (`checkpoint.files` when picked or dropped, null when from the Hub).
 */
interface PendingLoad {
  name: string;
  file: Blob | null;
  checkpoint?: { files: File[] | null };
}

/** A Hugging Face checkpoint being sized, downloaded or read; the previous model stays meanwhile. */
interface PendingCheckpoint {
  loadId: number;
  name: string;
  files?: File[];
  repo?: string;
  download: boolean;
  /** The load the page waited for before, which it waits for again if this one stops. */
  previousLoad: number;
}

export interface BridgeOptions {
  /** Honour test hooks (the `crash` request); the app passes true only with `?testhooks=1`. */
  testHooks?: boolean;
  /** The page offers a model list and a file picker (the app); an embed does not. Default true. */
  canChooseModel?: boolean;
  /** Base URL of public/ (models/index.json, models/NAME.safetensors); default document.baseURI. */
  baseUrl?: string;
  /** Injected for tests: the engine client and the frame scheduler. */
  createClient?: typeof createModelClient;
  requestFrame?: (cb: () => void) => void;
  fetch?: typeof fetch;
  /** Where the Hugging Face Hub is (tests point it at a local server); default https://huggingface.co. */
  hubBase?: string;
}

export interface Bridge {
  /** Loads a model from a dropped or picked file; the model's own checks decide if it is accepted. */
  loadModelFile: (file: Blob & { name: string }) => Promise<void>;
  /** Generates tokens one by one (target of an encoder-decoder, continuation of a decoder-only input). */
  generate: (maxNewTokens?: number) => void;
  /** Stops the current run or generation. */
  cancel: () => void;
  /** Patching sweep of the current input (clean) against the store's `corrupt` text; the result lands in `sweep`. */
  sweep: () => void;
  /** Test hook: makes the worker crash (ignored unless test hooks are on). */
  crashWorker: () => void;
  /** Test hook: makes the worker close itself without a word (ignored unless test hooks are on). */
  closeWorker: () => void;
  /** Opens a Hugging Face checkpoint from picked or dropped files (config.json, weights, tokenizer). */
  loadCheckpointFiles: (files: File[]) => void;
  /** Finds a Hub model (sizes first); `download` then fetches and loads it. */
  openHub: (repo: string, download: boolean) => void;
  /** Stops a checkpoint being sized, downloaded or read; the current model stays. */
  cancelCheckpoint: () => void;
  /** Stops the engine and unsubscribes (tests). */
  dispose: () => void;
}

/** Starts the bridge for a store: the engine, the store subscription and the catalog fetch. */
/**
 * The message for a linked model name that the shipped catalog does not list. Only where the page
 * has a model list and a file picker (not in an embed) does it point to them.
 */
export function unknownModelMessage(name: string, canChoose = true): string {
  return canChoose ? `There is no shipped model called “${name}”: choose one from the list, or open your own file.` : `There is no shipped model called “${name}”.`;
}

export function createBridge(store: Store, options: BridgeOptions = {}): Bridge {
  const baseUrl = options.baseUrl ?? (typeof document !== 'undefined' ? document.baseURI : 'http://localhost/');
  const requestFrame =
    options.requestFrame ??
    ((cb: () => void) => {
      // The next frame — or 100 ms, whichever comes first: a browser pauses animation frames in
      // hidden tabs and in cross-origin iframes out of view (an embed below the fold still draws).
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        cb();
      };
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
      setTimeout(once, typeof requestAnimationFrame === 'function' ? 100 : 16);
    });

  const hubBase = options.hubBase ?? 'https://huggingface.co';
  let nextId = 1;
  /** The load the page waits for (the newest requested, or an older one still on its way). */
  let currentLoad = 0;
  let currentRun = 0;
  /** Bytes of a user's file, kept to reload it after a crash (the sent copy is transferred). */
  let fileBlob: Blob | null = null;
  /** Loads sent to the engine and not yet answered, by load id. */
  const pendingLoads = new Map<number, PendingLoad>();
  /**
   * The model the engine holds, as its last 'loaded' said. The engine keeps the newest model that
   * loaded, even one the page no longer waited for: after a refusal the page shows this one, so its
   * name and numbers always belong together (issue 13's load race).
   */
  let held: (PendingLoad & { loadId: number; info: ModelInfo; vocabulary: Vocabulary }) | null = null;
  /** Vocabulary slices of loads whose 'loaded' has not come yet. */
  const vocabParts = new Map<number, string[]>();
  /** A Hugging Face checkpoint sent to the engine and not yet loaded, refused or cancelled. */
  let pendingCheckpoint: PendingCheckpoint | null = null;
  /** The loaded checkpoint's files, to reload it after a crash. */
  let checkpointFiles: File[] | null = null;
  /** Pieces the engine's tokenizer sent for the current run (Hugging Face models). */
  let hfPieces: { runId: number; seqs: Partial<Record<'text' | 'src' | 'tgt', TokenizedSequence>> } = { runId: 0, seqs: {} };

  /** True while the bridge adopts the engine's model into the store (not a user's model choice). */
  let adopting = false;
  let vocab: Vocabulary | null = null;
  let lastRunKey = '';
  /** Counts loaded models, so the same input on a new model is a new run. */
  let modelEpoch = 0;
  let crashReload = false;
  let generating = false;

  // ---- one store write per animation frame -------------------------------------------------
  let patch: Partial<AtlasState> = {};
  let traceEvents: { runId: number; modelId: number; step: number; entries: [string, AnyTensor][] } | null = null;
  /** Which run and step the trace map in the store belongs to. */
  let traceOwner = { runId: 0, step: 0 };
  let frameQueued = false;
  /** True while the bridge writes its own results (the store watcher ignores those). */
  let selfWriting = false;
  /** The text being generated, token by token. */
  let genText = '';

  function flush() {
    frameQueued = false;
    const next: Partial<AtlasState> = patch;
    patch = {};
    // Arrays of a run superseded since they arrived are dropped here, before anyone sees them.
    if (traceEvents && traceEvents.runId !== currentRun) traceEvents = null;
    if (traceEvents && traceEvents.modelId !== store.getState().modelLoadId) traceEvents = null; // another model's numbers
    if (traceEvents) {
      const { runId, modelId, step, entries } = traceEvents;
      traceEvents = null;
      const same = traceOwner.runId === runId && traceOwner.step === step;
      const map: TraceMap = same ? new Map(store.getState().trace) : new Map();
      for (const [key, tensor] of entries) map.set(key, tensor);
      traceOwner = { runId, step };
      Object.assign(next, { trace: map, traceRunId: runId, traceModelId: modelId, traceStep: step });
    }
    if (Object.keys(next).length) {
      const t0 = typeof performance !== 'undefined' ? performance.now() : 0;
      selfWriting = true;
      try {
        store.setState(next); // React re-renders the subscribed panels synchronously here
      } finally {
        selfWriting = false;
      }
      // React renders a store update in a microtask queued by setState; this one runs after it.
      // Visible in DevTools' Performance panel, and read by bench:ui.
      const runId = traceOwner.runId;
      if (next.trace && t0) queueMicrotask(() => performance.measure('atlas:flush', { start: t0, detail: { runId } }));
    }
  }

  function write(p: Partial<AtlasState>) {
    Object.assign(patch, p);
    if (!frameQueued) {
      frameQueued = true;
      requestFrame(flush);
    }
  }

  // ---- the engine ---------------------------------------------------------------------------
  const client: ModelClient = (options.createClient ?? createModelClient)(
    {
      onMessage,
      onCrash: (message) => {
        // Until the model is back in the new worker, nothing runs (a run sent now would find no model).
        store.setState({ engineNotice: `The model engine stopped unexpectedly (${message}) and was restarted.`, modelStatus: 'loading' });
        lastRunKey = '';
        generating = false;
        write({ generating: false });
        // The new worker holds nothing, and answers none of the old one's loads.
        held = null;
        pendingLoads.clear();
        vocabParts.clear();
        pendingCheckpoint = null;
        crashReload = true;
        reloadModel();
        // The current input runs again once the model is back ('loaded' → maybeRun).
      },
      onMode: (mode) => store.setState({ engineMode: mode }),
    },
    { testHooks: options.testHooks },
  );

  const send = (req: WorkerRequest) => client.send(req);

  function reloadModel() {
    const s = store.getState();
    if (!s.modelName) return;
    if (s.modelSource === 'hub') {
      currentLoad = nextId++;
      pendingLoads.set(currentLoad, { name: s.modelName, file: null, checkpoint: { files: null } });
      send({ type: 'load', v, runId: currentLoad, source: { kind: 'hub', name: s.modelName, base: hubBase, confirmed: true } });
    } else if (s.modelSource === 'file' && checkpointFiles) {
      currentLoad = nextId++;
      pendingLoads.set(currentLoad, { name: s.modelName, file: null, checkpoint: { files: checkpointFiles } });
      send({ type: 'load', v, runId: currentLoad, source: { kind: 'files', name: s.modelName, files: checkpointFiles } });
    } else if (s.modelSource === 'file') {
      if (!fileBlob) return;
      const loadId = (currentLoad = nextId++);
      const name = s.modelName;
      pendingLoads.set(loadId, { name, file: fileBlob });
      // Read the file again rather than keep a second copy of its bytes in memory.
      void fileBlob.arrayBuffer().then((bytes) => {
        if (loadId === currentLoad) send({ type: 'load', v, runId: loadId, source: { kind: 'bytes', name, bytes } });
      });
    } else {
      currentLoad = nextId++;
      pendingLoads.set(currentLoad, { name: s.modelName, file: null });
      const url = new URL(`models/${encodeURIComponent(s.modelName)}.safetensors`, baseUrl).href;
      send({ type: 'load', v, runId: currentLoad, source: { kind: 'url', name: s.modelName, url } });
    }
  }

  function onMessage(msg: WorkerResponse) {
    switch (msg.type) {
      case 'vocab': {
        const parts = vocabParts.get(msg.runId) ?? [];
        for (const piece of msg.pieces) parts.push(piece);
        vocabParts.set(msg.runId, parts);
        return;
      }
      case 'loaded': {
        const parts = vocabParts.get(msg.runId);
        vocabParts.delete(msg.runId);
        const info: ModelInfo = parts ? { ...msg.info, vocab: parts } : msg.info;
        loaded(msg.runId, info, msg.vocabIndex ? vocabularyFromIndex(info, msg.vocabIndex) : vocabularyOf(info));
        return;
      }
      case 'trace': {
        if (msg.runId !== currentRun) return; // stale: a newer run supersedes this one
        if (msg.modelId !== store.getState().modelLoadId) return; // computed by another model: never drawn
        // A new run or generation step starts a new buffer; the store's map is replaced at the flush.
        if (!traceEvents || traceEvents.runId !== msg.runId || traceEvents.step !== msg.step)
          traceEvents = { runId: msg.runId, modelId: msg.modelId, step: msg.step, entries: [] };
        traceEvents.entries.push([traceKey(msg.path), msg.tensor]);
        write({});
        return;
      }
      case 'checkpoint': {
        if (!pendingCheckpoint || msg.runId !== pendingCheckpoint.loadId) return;
        const p = pendingCheckpoint;
        const sizes = { family: msg.family, downloadBytes: msg.downloadBytes, memoryBytes: msg.memoryBytes, loaded: 0, total: msg.downloadBytes };
        if (p.repo && !p.download) {
          // Sizes only: the engine stops here. The previous model is still the current one.
          pendingLoads.delete(p.loadId);
          currentLoad = p.previousLoad;
          pendingCheckpoint = null;
          // Nothing to download (all in the cache): load at once.
          if (msg.downloadBytes === 0) {
            startCheckpoint({ name: p.repo, repo: p.repo, download: true });
            return;
          }
          store.setState({ checkpoint: { name: p.name, source: 'hub', phase: 'confirm', ...sizes } });
          return;
        }
        store.setState({ checkpoint: { name: p.name, source: p.files ? 'files' : 'hub', phase: p.files ? 'read' : 'download', ...sizes } });
        return;
      }
      case 'progress': {
        if (!pendingCheckpoint || msg.runId !== pendingCheckpoint.loadId) return;
        const c = store.getState().checkpoint;
        if (c) write({ checkpoint: { ...c, phase: msg.phase, loaded: msg.loaded, total: msg.total } });
        return;
      }
      case 'tokens': {
        if (msg.runId !== currentRun) return;
        if (hfPieces.runId !== msg.runId) hfPieces = { runId: msg.runId, seqs: {} };
        hfPieces.seqs[msg.role] = hfTokenized(msg);
        const { text, src, tgt } = hfPieces.seqs;
        if (text) write({ input: { kind: 'single', seq: text } });
        else if (src && tgt) write({ input: { kind: 'pair', src, tgt } });
        return;
      }
      case 'token': {
        if (msg.runId !== currentRun || !generating || msg.modelId !== store.getState().modelLoadId) return;
        const s = store.getState();
        const info = s.modelInfo;
        if (!info || !vocab || msg.token === vocab.eos) return;
        const piece = detokenize([msg.token], vocab);
        const joiner = info.tokenizer === 'word' && genText ? ' ' : '';
        const grown = genText + joiner + piece;
        genText = grown.slice(0, MAX_TEXT); // the text cap bounds generation
        if (info.arch === 'encoder-decoder') write({ tgt: genText, input: tokenizeInput({ ...s, tgt: genText }, info, vocab) });
        else write({ text: genText, input: tokenizeInput({ ...s, text: genText }, info, vocab) });
        if (grown.length >= MAX_TEXT) {
          // Full: stop the engine and show the whole text, as when generation ends by itself.
          send({ type: 'cancel', v, runId: msg.runId });
          generating = false;
          lastRunKey = '';
          write({ runStatus: 'done', generating: false });
          requestFrame(() => maybeRun());
        }
        return;
      }
      case 'done':
        if (msg.runId !== currentRun || msg.modelId !== store.getState().modelLoadId) return;
        if (typeof performance !== 'undefined') performance.mark('atlas:done', { detail: { runId: msg.runId, ms: msg.ms } });
        write({ runStatus: 'done', runMs: msg.ms, generating: false });
        if (generating) {
          generating = false;
          // Show the whole generated sequence: run it once more as a plain forward pass.
          requestFrame(() => maybeRun());
        }
        return;
      case 'error':
        if (msg.runId !== null && pendingCheckpoint && msg.runId === pendingCheckpoint.loadId) {
          // A refused or cancelled checkpoint leaves the previous model loaded and working.
          const { name, previousLoad, loadId } = pendingCheckpoint;
          pendingCheckpoint = null;
          pendingLoads.delete(loadId);
          currentLoad = previousLoad;
          store.setState({ checkpoint: null, modelError: msg.kind === 'cancelled' ? null : `“${name}” was not loaded: ${msg.message}` });
          return;
        }
        if (msg.runId !== null && pendingLoads.has(msg.runId)) {
          const load = pendingLoads.get(msg.runId)!;
          pendingLoads.delete(msg.runId);
          if (msg.runId !== currentLoad) return; // a load the page no longer waits for
          if (load.file) refused(msg.runId, load, msg.message);
          else {
            const s = store.getState();
            // A name from a link that the catalog does not list: say so rather than how its fetch failed.
            const unknown = s.catalogStatus === 'ready' && s.modelSource === 'shipped' && !s.catalog.some((m) => m.name === s.modelName);
            store.setState({ modelStatus: 'error', modelError: unknown ? unknownModelMessage(s.modelName!, options.canChooseModel ?? true) : msg.message });
          }
          return;
        }
        if (msg.runId !== null && store.getState().sweep?.id === msg.runId) {
          store.setState({ sweep: { status: 'error', id: msg.runId, message: msg.message } });
          return;
        }
        // A run asked for a model the engine no longer holds: the right run follows the model.
        if (msg.kind === 'stale-model') return;
        if (msg.runId === null || msg.runId === currentRun) {
          generating = false;
          write({ runStatus: 'error', runError: msg.message, generating: false });
        }
        return;
      case 'sweep': {
        const sw = store.getState().sweep;
        if (!sw || sw.id !== msg.runId) return;
        store.setState({ sweep: { status: 'done', id: msg.runId, result: msg.result, weights: msg.weights, ms: msg.ms, clean: sweepTexts.clean, corrupted: sweepTexts.corrupted } });
        return;
      }
      case 'ready':
      case 'pong':
        return;
    }
  }
  let sweepTexts = { clean: '', corrupted: '' };

  /** The engine holds the model of load `loadId` (its vocabulary indexed): show it if the page waits for it. */
  function loaded(loadId: number, info: ModelInfo, vocabulary: Vocabulary) {
    const load = pendingLoads.get(loadId) ?? { name: info.name, file: null };
    pendingLoads.delete(loadId);
    if (pendingCheckpoint?.loadId === loadId) pendingCheckpoint = null;
    held = { ...load, loadId, info, vocabulary };
    // A load the page stopped waiting for still replaced the engine's model: remembered in
    // `held`, shown only if the newer load is refused.
    if (loadId === currentLoad) adopt(held);
  }

  /** Shows the engine's model `h` in the store: its info, its name, its load id. */
  function adopt(h: NonNullable<typeof held>, clearError = true) {
    const info = h.info;
    vocab = h.vocabulary;
    const s = store.getState();
    const changed = h.loadId !== s.modelLoadId;
    const next: Partial<AtlasState> = { modelStatus: 'ready', modelInfo: info, modelLoadId: h.loadId };
    if (h.checkpoint) {
      // A Hugging Face checkpoint passed its checks: it becomes the current model.
      checkpointFiles = h.checkpoint.files;
      fileBlob = null;
      Object.assign(next, { modelName: h.name, modelSource: h.checkpoint.files ? 'file' : 'hub', checkpoint: null }, clearError ? { modelError: null } : {});
    } else if (h.file) {
      // The user's file passed the model's checks: it becomes the current model.
      fileBlob = h.file;
      checkpointFiles = null;
      Object.assign(next, { modelName: h.name, modelSource: 'file' }, clearError ? { modelError: null } : {});
    } else if (s.modelName !== h.name || s.modelSource !== 'shipped') {
      Object.assign(next, { modelName: h.name, modelSource: 'shipped' });
    }
    // Another model's trace must not meet this model's info (its heads and layers differ).
    if (changed && !crashReload) {
      Object.assign(next, { trace: new Map(), traceRunId: 0, traceModelId: 0 });
      traceOwner = { runId: 0, step: 0 };
    }
    // Give a model with no input an example, and keep the selection inside the model.
    if (info.arch === 'encoder-decoder' ? !s.src : !s.text) {
      if (info.arch === 'encoder-decoder') next.src = exampleText(info, s.catalog);
      else next.text = exampleText(info, s.catalog);
    }
    Object.assign(next, clampSelection(s, info));
    adopting = true;
    try {
      store.setState(next); // a model switch is written at once: everything after depends on it
    } finally {
      adopting = false;
    }
    // A new model makes every input new; the same model reloaded after a crash does not
    // (its run was re-sent with the load).
    if (!crashReload) modelEpoch++;
    crashReload = false;
    maybeRun();
  }

  /** The file of load `loadId` was refused: the page keeps (or comes back to) the engine's model. */
  function refused(loadId: number, load: PendingLoad, message: string) {
    store.setState({ modelError: `“${load.name}” was not loaded: ${message}` });
    // An older load still on its way is what the engine will hold next: wait for it.
    const older = [...pendingLoads.keys()].filter((id) => id < loadId);
    if (older.length) {
      currentLoad = Math.max(...older);
      return;
    }
    currentLoad = held?.loadId ?? 0;
    // The engine holds another model than the page shows (a file that loaded while this one was
    // chosen): name that one, so the page and the numbers agree.
    if (held && held.loadId !== store.getState().modelLoadId) adopt(held, false);
  }

  // ---- reacting to the store -----------------------------------------------------------------

  /** Tokenizes the current input and runs it, unless the same run was already requested. */
  function maybeRun() {
    if (generating) return;
    const s = store.getState();
    const info = s.modelInfo;
    if (!info || !vocab || s.modelStatus !== 'ready') return;
    if (info.tokenizer === 'hf') {
      runText(s, info);
      return;
    }
    const input = tokenizeInput(s, info, vocab);
    const ids = runInputOf(input);
    const mask = s.mask ?? defaultMask(info.arch);
    const key = JSON.stringify([modelEpoch, ids, mask, s.prefix, s.temperature, s.positional, s.ablate, s.lens]);
    if (key === lastRunKey) {
      // Same ids, yet the text may differ (pieces left out as unknown, a word's case): refresh
      // the tokens and their notices so none of them is stale.
      if (JSON.stringify(input) !== JSON.stringify(s.input)) write({ input });
      return;
    }
    lastRunKey = key;
    if (currentRun) send({ type: 'cancel', v, runId: currentRun });
    if (!ids) {
      currentRun = 0;
      write({ input, runStatus: 'idle', runError: null, trace: new Map(), traceRunId: 0 });
      traceOwner = { runId: 0, step: 0 };
      return;
    }
    currentRun = nextId++;
    write({ input, runId: currentRun, runStatus: 'running', runError: null });
    if (typeof performance !== 'undefined') {
      // The marks are for DevTools and bench:ui; a long session keeps only the recent ones.
      if (currentRun % 500 === 0)
        for (const name of MARKS) {
          performance.clearMarks(name);
          performance.clearMeasures(name);
        }
      performance.mark('atlas:run-sent', { detail: { runId: currentRun } });
    }
    send({ type: 'run', v, runId: currentRun, modelId: s.modelLoadId, input: ids, options: { mask, prefix: s.prefix, temperature: s.temperature, trace: 'full', ...positionalOf(s), ...interventionsOf(s) } });
  }

  /** A Hugging Face model's run: the text goes to the engine, which tokenizes it and sends the pieces back. */
  function runText(s: AtlasState, info: ModelInfo) {
    const text: TextInput | null =
      info.arch === 'encoder-decoder' ? (s.src.trim() ? { srcText: s.src, tgtText: s.tgt } : null) : s.text.trim() ? { text: s.text } : null;
    const mask = s.mask ?? defaultMask(info.arch);
    const key = JSON.stringify([modelEpoch, text, mask, s.prefix, s.temperature, s.positional]);
    if (key === lastRunKey) return;
    lastRunKey = key;
    if (currentRun) send({ type: 'cancel', v, runId: currentRun });
    if (!text) {
      currentRun = 0;
      write({ input: null, runStatus: 'idle', runError: null, trace: new Map(), traceRunId: 0 });
      traceOwner = { runId: 0, step: 0 };
      return;
    }
    currentRun = nextId++;
    write({ runId: currentRun, runStatus: 'running', runError: null });
    send({ type: 'run', v, runId: currentRun, modelId: s.modelLoadId, input: text, options: { mask, prefix: s.prefix, temperature: s.temperature, trace: 'full', ...positionalOf(s), ...interventionsOf(s) } });
  }

  /** Sends a checkpoint to the engine (sizes first for the Hub); the current model stays until it loads. */
  function startCheckpoint(p: Omit<PendingCheckpoint, 'loadId' | 'previousLoad'>) {
    if (pendingCheckpoint) {
      send({ type: 'cancel', v, runId: pendingCheckpoint.loadId });
      pendingLoads.delete(pendingCheckpoint.loadId);
    }
    const previousLoad = pendingCheckpoint ? pendingCheckpoint.previousLoad : currentLoad;
    const loadId = (currentLoad = nextId++);
    pendingCheckpoint = { ...p, loadId, previousLoad };
    pendingLoads.set(loadId, { name: p.name, file: null, checkpoint: { files: p.files ?? null } });
    store.setState({ modelError: null, checkpoint: { name: p.name, source: p.files ? 'files' : 'hub', phase: 'sizing', loaded: 0, total: 0 } });
    const source = p.files
      ? { kind: 'files' as const, name: p.name, files: p.files }
      : { kind: 'hub' as const, name: p.repo ?? p.name, base: hubBase, confirmed: p.download };
    send({ type: 'load', v, runId: loadId, source });
  }

  function onStore(s: AtlasState, prev: AtlasState) {
    if (adopting) return; // the bridge's own write of the engine's model
    if ((s.modelName !== prev.modelName || s.modelSource !== prev.modelSource) && s.modelSource === 'hub' && s.modelName) {
      // A Hub model named by a link: find its sizes and ask before downloading.
      if (!(pendingCheckpoint?.repo === s.modelName) && !(s.modelInfo && s.modelInfo.name === s.modelName)) startCheckpoint({ name: s.modelName, repo: s.modelName, download: false });
      return;
    }
    if (s.modelName !== prev.modelName || s.modelSource !== prev.modelSource) {
      if (s.modelName && s.modelSource === 'shipped') {
        fileBlob = null;
        vocab = null;
        currentRun = 0;
        traceOwner = { runId: 0, step: 0 };
        store.setState({ modelStatus: 'loading', modelError: null, modelInfo: null, input: null, trace: new Map(), traceRunId: 0, runStatus: 'idle' });
        reloadModel();
        return;
      }
    }
    if (s.text !== prev.text || s.src !== prev.src || s.tgt !== prev.tgt || s.mask !== prev.mask || s.prefix !== prev.prefix || s.temperature !== prev.temperature || s.positional !== prev.positional || s.ablate !== prev.ablate || s.lens !== prev.lens) {
      // Text the bridge wrote itself while generating is not a new request.
      if (selfWriting) return;
      if (generating) {
        generating = false;
        write({ generating: false });
      }
      maybeRun();
    }
  }
  const unsubscribe = store.subscribe(onStore);

  // ---- the catalog of shipped models -----------------------------------------------------------
  async function loadCatalog() {
    store.setState({ catalogStatus: 'loading' });
    try {
      const res = await (options.fetch ?? fetch)(new URL('models/index.json', baseUrl).href);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const catalog = parseCatalog(await res.json());
      store.setState({ catalog, catalogStatus: 'ready' });
      // A linked model whose load failed before the catalog arrived: now we can say it is not shipped.
      const s = store.getState();
      if (s.modelStatus === 'error' && s.modelSource === 'shipped' && s.modelName && !catalog.some((m) => m.name === s.modelName))
        store.setState({ modelError: unknownModelMessage(s.modelName, options.canChooseModel ?? true) });
      // With no model chosen (by the URL, a lesson or a file being opened), start with the first.
      if (!store.getState().modelName && !pendingLoads.size && !pendingCheckpoint && catalog.length) store.getState().selectModel(catalog[0].name);
    } catch {
      store.setState({ catalog: [], catalogStatus: 'error' });
    }
  }
  void loadCatalog();
  // A model chosen before the bridge started (e.g. from the URL) loads now.
  if (store.getState().modelName) onStore(store.getState(), { ...store.getState(), modelName: null });

  return {
    loadCheckpointFiles(files) {
      if (!files.length) return;
      startCheckpoint({ name: checkpointName(files), files, download: true });
    },
    openHub(repo, download) {
      startCheckpoint({ name: repo, repo, download });
    },
    cancelCheckpoint() {
      if (pendingCheckpoint) {
        send({ type: 'cancel', v, runId: pendingCheckpoint.loadId });
        pendingLoads.delete(pendingCheckpoint.loadId);
        currentLoad = pendingCheckpoint.previousLoad;
        pendingCheckpoint = null;
      }
      store.setState({ checkpoint: null });
    },
    async loadModelFile(file) {
      const name = file.name.slice(0, 120);
      // Refuse by size before reading: a huge file would be read whole into memory first.
      if (file.size > MAX_MODEL_FILE_BYTES) {
        const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
        store.setState({ modelError: `“${name}” was not loaded: it is ${mb(file.size)}, and the largest model file this page opens is ${mb(MAX_MODEL_FILE_BYTES)}.` });
        return;
      }
      // The load id is taken now, in the order the user chose files (a small file read faster
      // than a big one chosen before it is still the newer choice).
      const loadId = (currentLoad = nextId++);
      // Until the file is accepted, the previous model stays loaded and usable.
      pendingLoads.set(loadId, { name, file });
      store.setState({ modelError: null });
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        pendingLoads.delete(loadId);
        if (loadId === currentLoad) refused(loadId, { name, file }, 'the file could not be read.');
        return;
      }
      // The bytes move to the engine (transfer, no copy); a crash re-reads the file.
      send({ type: 'load', v, runId: loadId, source: { kind: 'bytes', name, bytes } });
    },
    generate(maxNewTokens) {
      const s = store.getState();
      const info = s.modelInfo;
      if (!info || !vocab || info.arch === 'encoder-only' || info.tokenizer === 'hf') return;
      const input = tokenizeInput(s, info, vocab);
      const ids = input.kind === 'pair' ? (input.src.tokens.length ? { src: input.src.tokens.map((t) => t.id), tgt: input.tgt.tokens.map((t) => t.id) } : null) : runInputOf(input);
      if (!ids || ('tgt' in ids && ids.tgt.length === 0)) return;
      if (currentRun) send({ type: 'cancel', v, runId: currentRun });
      const seqLen = 'tokens' in ids ? ids.tokens.length : ids.tgt.length;
      generating = true;
      genText = info.arch === 'encoder-decoder' ? s.tgt : s.text;
      // Room in the context window and in the text box (a token adds at least one character,
      // bar special tokens; longer pieces are cut at the cap when they arrive).
      const room = Math.max(0, Math.min(info.config.maxLen - seqLen, MAX_TEXT - genText.length));
      currentRun = nextId++;
      lastRunKey = '';
      write({ input, runId: currentRun, runStatus: 'running', runError: null, generating: true });
      const mask = s.mask ?? defaultMask(info.arch);
      send({
        type: 'generate',
        v,
        runId: currentRun,
        modelId: s.modelLoadId,
        input: ids,
        options: { mask, prefix: s.prefix, temperature: s.temperature, trace: 'full', ...positionalOf(s), ...interventionsOf(s) },
        maxNewTokens: Math.min(room, maxNewTokens ?? room),
        stopId: vocab.eos,
      });
    },
    cancel() {
      if (!currentRun) return;
      send({ type: 'cancel', v, runId: currentRun });
      generating = false;
      currentRun = 0;
      lastRunKey = '';
      write({ runStatus: 'idle', generating: false });
    },
    crashWorker() {
      send({ type: 'crash', v });
    },
    closeWorker() {
      send({ type: 'close', v });
    },
    sweep() {
      const s = store.getState();
      const info = s.modelInfo;
      if (!info || !vocab) return;
      const pair = info.arch === 'encoder-decoder';
      const clean = runInputOf(tokenizeInput(s, info, vocab));
      const corrupted = runInputOf(tokenizeInput(pair ? { ...s, src: s.corrupt } : { ...s, text: s.corrupt }, info, vocab));
      const id = nextId++;
      if (!clean || !corrupted) {
        store.setState({ sweep: { status: 'error', id, message: 'Type both inputs first.' } });
        return;
      }
      const rows = 'tokens' in clean ? clean.tokens.length : clean.tgt.length;
      const position = s.position !== null && s.position < rows ? s.position : rows - 1;
      sweepTexts = { clean: pair ? s.src : s.text, corrupted: s.corrupt };
      store.setState({ sweep: { status: 'running', id } });
      const mask = s.mask ?? defaultMask(info.arch);
      send({ type: 'sweep', v, runId: id, clean, corrupted, position, options: { mask, prefix: s.prefix, ...positionalOf(s) } });
    },
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}

let appBridge: Bridge | null = null;

/** The app's bridge over `useAtlas`, started on first use (test hooks only with `?testhooks=1`). */
export function getBridge(options: { canChooseModel?: boolean } = {}): Bridge {
  if (!appBridge) {
    const testHooks = typeof location !== 'undefined' && /[?&]testhooks=1(&|$)/.test(location.search + location.hash.replace(/^[^?]*/, '&'));
    // With test hooks, `hub=/path` points the Hub at a same-origin server laid out like it (e2e).
    const param = typeof location !== 'undefined' ? new URLSearchParams(location.hash.slice(location.hash.indexOf('?') + 1)).get('hub') : null;
    const hub = testHooks && param && /^\/[\w./-]*$/.test(param) ? param : undefined;
    appBridge = createBridge(useAtlas, { testHooks, canChooseModel: options.canChooseModel, ...(hub ? { hubBase: new URL(hub, location.href).href } : {}) });
  }
  return appBridge;
}
