// The bridge between the engine (worker or main-thread fallback) and the store, outside React.
// It watches the store for the model and input, sends load/run requests, drops results of any
// superseded run, and writes what arrives to the store at most once per animation frame.
import { createModelClient, type ModelClient } from '../worker/client';
import { PROTOCOL_VERSION, type WorkerRequest, type WorkerResponse } from '../worker/protocol';
import { traceKey, type TraceMap } from '../model/trace';
import type { AnyTensor } from '../model/tensor';
import { useAtlas, type AtlasState } from './atlas';
import { detokenize, vocabularyOf, type Vocabulary } from './tokenize';
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

export interface BridgeOptions {
  /** Honour test hooks (the `crash` request); the app passes true only with `?testhooks=1`. */
  testHooks?: boolean;
  /** Base URL of public/ (models/index.json, models/NAME.safetensors); default document.baseURI. */
  baseUrl?: string;
  /** Injected for tests: the engine client and the frame scheduler. */
  createClient?: typeof createModelClient;
  requestFrame?: (cb: () => void) => void;
  fetch?: typeof fetch;
}

export interface Bridge {
  /** Loads a model from a dropped or picked file; the model's own checks decide if it is accepted. */
  loadModelFile: (file: Blob & { name: string }) => Promise<void>;
  /** Generates tokens one by one (target of an encoder-decoder, continuation of a decoder-only input). */
  generate: (maxNewTokens?: number) => void;
  /** Stops the current run or generation. */
  cancel: () => void;
  /** Test hook: makes the worker crash (ignored unless test hooks are on). */
  crashWorker: () => void;
  /** Stops the engine and unsubscribes (tests). */
  dispose: () => void;
}

/** Starts the bridge for a store: the engine, the store subscription and the catalog fetch. */
/** The message for a linked model name that the shipped catalog does not list. */
function unknownModelMessage(name: string): string {
  return `There is no shipped model called “${name}”: choose one from the list, or open your own file.`;
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

  let nextId = 1;
  let currentLoad = 0;
  let currentRun = 0;
  /** Bytes of a user's file, kept to reload it after a crash (the sent copy is transferred). */
  let fileBlob: Blob | null = null;
  /** A user's file sent to the engine and not yet accepted or refused. */
  let pendingFile: { loadId: number; name: string; file: Blob; previousLoad: number } | null = null;
  let vocab: Vocabulary | null = null;
  let lastRunKey = '';
  /** Counts loaded models, so the same input on a new model is a new run. */
  let modelEpoch = 0;
  let crashReload = false;
  let generating = false;

  // ---- one store write per animation frame -------------------------------------------------
  let patch: Partial<AtlasState> = {};
  let traceEvents: { runId: number; step: number; entries: [string, AnyTensor][] } | null = null;
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
    if (traceEvents) {
      const { runId, step, entries } = traceEvents;
      traceEvents = null;
      const same = traceOwner.runId === runId && traceOwner.step === step;
      const map: TraceMap = same ? new Map(store.getState().trace) : new Map();
      for (const [key, tensor] of entries) map.set(key, tensor);
      traceOwner = { runId, step };
      Object.assign(next, { trace: map, traceRunId: runId, traceStep: step });
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
    if (s.modelSource === 'file') {
      if (!fileBlob) return;
      const loadId = (currentLoad = nextId++);
      const name = s.modelName;
      // Read the file again rather than keep a second copy of its bytes in memory.
      void fileBlob.arrayBuffer().then((bytes) => {
        if (loadId === currentLoad) send({ type: 'load', v, runId: loadId, source: { kind: 'bytes', name, bytes } });
      });
    } else {
      currentLoad = nextId++;
      const url = new URL(`models/${encodeURIComponent(s.modelName)}.safetensors`, baseUrl).href;
      send({ type: 'load', v, runId: currentLoad, source: { kind: 'url', name: s.modelName, url } });
    }
  }

  function onMessage(msg: WorkerResponse) {
    switch (msg.type) {
      case 'loaded': {
        if (msg.runId !== currentLoad) return; // a newer load superseded this one
        const info = msg.info;
        vocab = vocabularyOf(info);
        const s = store.getState();
        // A refused file's message stays until the user's next choice.
        const next: Partial<AtlasState> = { modelStatus: 'ready', modelInfo: info };
        if (pendingFile && pendingFile.loadId === msg.runId) {
          next.modelError = null;
          // The user's file passed the model's checks: it becomes the current model.
          fileBlob = pendingFile.file;
          Object.assign(next, { modelName: pendingFile.name, modelSource: 'file' });
          pendingFile = null;
        }
        // Give a model with no input an example, and keep the selection inside the model.
        if (info.arch === 'encoder-decoder' ? !s.src : !s.text) {
          if (info.arch === 'encoder-decoder') next.src = exampleText(info, s.catalog);
          else next.text = exampleText(info, s.catalog);
        }
        Object.assign(next, clampSelection(s, info));
        store.setState(next); // a model switch is written at once: everything after depends on it
        // A new model makes every input new; the same model reloaded after a crash does not
        // (its run was re-sent with the load).
        if (!crashReload) modelEpoch++;
        crashReload = false;
        maybeRun();
        return;
      }
      case 'trace': {
        if (msg.runId !== currentRun) return; // stale: a newer run supersedes this one
        // A new run or generation step starts a new buffer; the store's map is replaced at the flush.
        if (!traceEvents || traceEvents.runId !== msg.runId || traceEvents.step !== msg.step)
          traceEvents = { runId: msg.runId, step: msg.step, entries: [] };
        traceEvents.entries.push([traceKey(msg.path), msg.tensor]);
        write({});
        return;
      }
      case 'token': {
        if (msg.runId !== currentRun || !generating) return;
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
        if (msg.runId !== currentRun) return;
        if (typeof performance !== 'undefined') performance.mark('atlas:done', { detail: { runId: msg.runId, ms: msg.ms } });
        write({ runStatus: 'done', runMs: msg.ms, generating: false });
        if (generating) {
          generating = false;
          // Show the whole generated sequence: run it once more as a plain forward pass.
          requestFrame(() => maybeRun());
        }
        return;
      case 'error':
        if (msg.runId !== null && msg.runId === currentLoad) {
          if (pendingFile && pendingFile.loadId === msg.runId) {
            // A refused file leaves the previous model loaded and working.
            store.setState({ modelError: `“${pendingFile.name}” was not loaded: ${msg.message}` });
            // A model that was still loading when the file came is awaited again.
            currentLoad = pendingFile.previousLoad;
            pendingFile = null;
          } else {
            const s = store.getState();
            // A name from a link that the catalog does not list: say so rather than how its fetch failed.
            const unknown = s.catalogStatus === 'ready' && s.modelSource === 'shipped' && !s.catalog.some((m) => m.name === s.modelName);
            const modelError = unknown ? unknownModelMessage(s.modelName!) : msg.message;
            store.setState({ modelStatus: 'error', modelError });
          }
          return;
        }
        if (msg.runId === null || msg.runId === currentRun) {
          generating = false;
          write({ runStatus: 'error', runError: msg.message, generating: false });
        }
        return;
      case 'ready':
        return;
    }
  }

  // ---- reacting to the store -----------------------------------------------------------------

  /** Tokenizes the current input and runs it, unless the same run was already requested. */
  function maybeRun() {
    if (generating) return;
    const s = store.getState();
    const info = s.modelInfo;
    if (!info || !vocab || s.modelStatus !== 'ready') return;
    const input = tokenizeInput(s, info, vocab);
    const ids = runInputOf(input);
    const mask = s.mask ?? defaultMask(info.arch);
    const key = JSON.stringify([modelEpoch, ids, mask, s.prefix, s.temperature, s.positional]);
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
    send({ type: 'run', v, runId: currentRun, input: ids, options: { mask, prefix: s.prefix, temperature: s.temperature, trace: 'full', ...positionalOf(s) } });
  }

  function onStore(s: AtlasState, prev: AtlasState) {
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
    if (s.text !== prev.text || s.src !== prev.src || s.tgt !== prev.tgt || s.mask !== prev.mask || s.prefix !== prev.prefix || s.temperature !== prev.temperature || s.positional !== prev.positional) {
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
        store.setState({ modelError: unknownModelMessage(s.modelName) });
      // With no model chosen (by the URL, a lesson or a file being opened), start with the first.
      if (!store.getState().modelName && !pendingFile && catalog.length) store.getState().selectModel(catalog[0].name);
    } catch {
      store.setState({ catalog: [], catalogStatus: 'error' });
    }
  }
  void loadCatalog();
  // A model chosen before the bridge started (e.g. from the URL) loads now.
  if (store.getState().modelName) onStore(store.getState(), { ...store.getState(), modelName: null });

  return {
    async loadModelFile(file) {
      const name = file.name.slice(0, 120);
      // Refuse by size before reading: a huge file would be read whole into memory first.
      if (file.size > MAX_MODEL_FILE_BYTES) {
        const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
        store.setState({ modelError: `“${name}” was not loaded: it is ${mb(file.size)}, and the largest model file this page opens is ${mb(MAX_MODEL_FILE_BYTES)}.` });
        return;
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await file.arrayBuffer();
      } catch {
        store.setState({ modelStatus: 'error', modelError: `Could not read the file “${name}”.` });
        return;
      }
      const previousLoad = currentLoad;
      currentLoad = nextId++;
      // Until the file is accepted, the previous model stays loaded and usable.
      pendingFile = { loadId: currentLoad, name, file, previousLoad };
      store.setState({ modelError: null });
      // The bytes move to the engine (transfer, no copy); a crash re-reads the file.
      send({ type: 'load', v, runId: currentLoad, source: { kind: 'bytes', name, bytes } });
    },
    generate(maxNewTokens) {
      const s = store.getState();
      const info = s.modelInfo;
      if (!info || !vocab || info.arch === 'encoder-only') return;
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
        input: ids,
        options: { mask, prefix: s.prefix, temperature: s.temperature, trace: 'full', ...positionalOf(s) },
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
    dispose() {
      unsubscribe();
      client.dispose();
    },
  };
}

let appBridge: Bridge | null = null;

/** The app's bridge over `useAtlas`, started on first use (test hooks only with `?testhooks=1`). */
export function getBridge(): Bridge {
  if (!appBridge) {
    const testHooks = typeof location !== 'undefined' && /[?&]testhooks=1(&|$)/.test(location.search + location.hash.replace(/^[^?]*/, '&'));
    appBridge = createBridge(useAtlas, { testHooks });
  }
  return appBridge;
}
