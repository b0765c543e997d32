// The bridge with a fake engine: results of superseded runs are dropped, everything that arrives
// within one animation frame becomes one store write, a refused file keeps the previous model.
import { describe, expect, it } from 'vitest';
import { createAtlasStore } from './atlas';
import { createBridge } from './bridge';
import type { ClientEvents } from '../worker/client';
import { PROTOCOL_VERSION as v, type ModelInfo, type WorkerRequest, type WorkerResponse } from '../worker/protocol';
import { tracePath } from '../model/trace';
import type { SafeStorage } from './safeStorage';

const memory = (): SafeStorage => {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, val) => void m.set(k, val), removeItem: (k) => void m.delete(k) };
};

const INFO: ModelInfo = {
  name: 'tiny',
  arch: 'encoder-only',
  config: { arch: 'encoder-only', layerNormEps: 1e-5, scaleEmbedding: false, padId: null, vocabSize: 5, dModel: 4, nHeads: 2, dFF: 8, nLayers: 2, maxLen: 4, positional: 'sinusoidal', norm: 'post', activation: 'relu' },
  vocab: ['<pad>', 'a', 'b', 'c', '<unk>'],
  tokenizer: 'char',
};

function setup() {
  const store = createAtlasStore(memory());
  const sent: WorkerRequest[] = [];
  let events!: ClientEvents;
  const frames: (() => void)[] = [];
  const bridge = createBridge(store, {
    baseUrl: 'http://test/',
    fetch: async () => new Response('[{"name":"tiny","title":"Tiny","arch":"encoder-only","description":"x"},{"name":"../etc"}]'),
    requestFrame: (cb) => void frames.push(cb),
    createClient: (e) => {
      events = e;
      return { send: (r) => void sent.push(r), dispose: () => {} };
    },
  });
  const frame = () => frames.splice(0).forEach((f) => f());
  const reply = (msg: WorkerResponse) => events.onMessage(msg);
  const weights = (runId: number, value: number) =>
    reply({ type: 'trace', v, runId, step: 0, path: tracePath.attention('encoder', 0, 'selfAttention', 'weights'), tensor: { data: new Float32Array([value]), shape: [1, 1, 1] } });
  return { store, sent, frame, reply, weights, bridge, events: () => events };
}

const lastRun = (sent: WorkerRequest[]) => sent.filter((r) => r.type === 'run').at(-1) as Extract<WorkerRequest, { type: 'run' }>;

describe('bridge', () => {
  it('loads the first shipped model of a validated catalog', async () => {
    const { store, sent } = setup();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().catalog.map((m) => m.name)).toEqual(['tiny']); // "../etc" is not a model name
    expect(sent.at(-1)).toMatchObject({ type: 'load', source: { kind: 'url', name: 'tiny', url: 'http://test/models/tiny.safetensors' } });
  });

  it('tokenizes, runs, and drops results of superseded runs', async () => {
    const { store, sent, frame, reply, weights } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    expect(store.getState().modelStatus).toBe('ready');
    store.getState().setText('ab');
    const first = lastRun(sent);
    expect(first.input).toEqual({ tokens: [1, 2] });
    store.getState().setText('abc');
    const second = lastRun(sent);
    expect(second.runId).toBeGreaterThan(first.runId);
    expect(sent).toContainEqual({ type: 'cancel', v, runId: first.runId });

    weights(first.runId, 0.25); // stale: must never reach the store
    reply({ type: 'done', v, runId: first.runId, ms: 1 });
    frame();
    expect(store.getState().trace.size).toBe(0);
    expect(store.getState().runStatus).toBe('running');

    weights(second.runId, 0.5);
    reply({ type: 'done', v, runId: second.runId, ms: 2 });
    frame();
    const w = store.getState().trace.get('encoder.layers.0.selfAttention.weights');
    expect(w && Array.from(w.data)).toEqual([0.5]);
    expect(store.getState().traceRunId).toBe(second.runId);
    expect(store.getState().runStatus).toBe('done');
    expect(store.getState().input).toMatchObject({ kind: 'single', seq: { tokens: [{ id: 1 }, { id: 2 }, { id: 3 }] } });

    // A late message of the old run after the new one finished changes nothing.
    weights(first.runId, 0.75);
    frame();
    expect(Array.from(store.getState().trace.get('encoder.layers.0.selfAttention.weights')!.data)).toEqual([0.5]);
  });

  it('sends a positional override with the run, runs again when it changes, and drops it with another model', async () => {
    const { store, sent, reply } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    store.getState().setText('ab');
    expect(lastRun(sent).options.positional).toBeUndefined(); // the model's own scheme
    store.getState().applyView({ positional: 'none' });
    const none = lastRun(sent);
    expect(none.options.positional).toBe('none');
    expect(none.input).toEqual({ tokens: [1, 2] });
    store.getState().setPositional(null);
    expect(lastRun(sent).runId).toBeGreaterThan(none.runId);
    expect(lastRun(sent).options.positional).toBeUndefined();
    store.getState().setPositional('bogus' as never);
    expect(store.getState().positional).toBeNull();
    // A view keeps the override it does not mention (a link may set it apart from the model);
    // picking another model in a model picker starts it with its own scheme.
    store.getState().applyView({ model: 'other', positional: 'none' });
    store.getState().applyView({ model: 'tiny' });
    expect(store.getState().positional).toBe('none');
    store.getState().selectModel('tiny');
    expect(store.getState().positional).toBe('none'); // the same model: kept
    store.getState().selectModel('other');
    expect(store.getState().positional).toBeNull();
  });

  it('writes the store once per animation frame however many messages arrive', async () => {
    const { store, sent, frame, reply, weights } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    store.getState().setText('abc');
    frame();
    const run = lastRun(sent);
    let writes = 0;
    const unsub = store.subscribe(() => writes++);
    for (let i = 0; i < 20; i++) weights(run.runId, i);
    reply({ type: 'trace', v, runId: run.runId, step: 0, path: tracePath.head('probs'), tensor: { data: new Float32Array([1]), shape: [1, 1] } });
    reply({ type: 'done', v, runId: run.runId, ms: 1 });
    expect(writes).toBe(0);
    frame();
    expect(writes).toBe(1);
    expect(store.getState().trace.size).toBe(2);
    unsub();
  });

  it('cuts over-long input to maxLen, keeps the count, and never runs an empty input', async () => {
    const { store, sent, reply } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    store.getState().setText('abcabcz');
    expect(lastRun(sent).input).toEqual({ tokens: [1, 2, 3, 1] });
    const runs = sent.filter((r) => r.type === 'run').length;
    store.getState().setText('');
    expect(sent.filter((r) => r.type === 'run').length).toBe(runs);
  });

  it('a refused file keeps the previous model; a crash re-sends the model and the run', async () => {
    const { store, sent, reply, bridge, events } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    store.getState().setText('ab');
    await bridge.loadModelFile(new File([new Uint8Array([1, 2, 3])], 'mine.safetensors'));
    const fileLoad = sent.at(-1) as Extract<WorkerRequest, { type: 'load' }>;
    expect(fileLoad.source.kind).toBe('bytes');
    reply({ type: 'error', v, runId: fileLoad.runId, kind: 'model-file', message: 'header too short' });
    expect(store.getState().modelError).toBe('“mine.safetensors” was not loaded: header too short');
    expect(store.getState().modelStatus).toBe('ready');
    expect(store.getState().modelName).toBe('tiny');

    const before = sent.length;
    events().onCrash('boom');
    expect(store.getState().engineNotice).toContain('restarted');
    // The model is loaded again; the current input runs again once it is back.
    expect(sent.slice(before).map((r) => r.type)).toEqual(['load']);
    expect(sent.slice(before)[0]).toMatchObject({ type: 'load', source: { kind: 'url', name: 'tiny' } });
    expect(store.getState().modelStatus).toBe('loading');
    store.getState().setText('abc'); // typing meanwhile waits for the model
    expect(sent.slice(before).map((r) => r.type)).toEqual(['load']);
    const reload = sent.slice(before)[0] as Extract<WorkerRequest, { type: 'load' }>;
    const runs = sent.filter((r) => r.type === 'run').length;
    reply({ type: 'loaded', v, runId: reload.runId, info: INFO });
    expect(lastRun(sent).input).toEqual({ tokens: [1, 2, 3] });
    expect(sent.filter((r) => r.type === 'run').length).toBe(runs + 1); // once
  });

  it('a file refused while a shipped model loads still lets that model arrive', async () => {
    const { store, sent, reply, bridge } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    await bridge.loadModelFile(new File([new Uint8Array([1])], 'bad.safetensors'));
    const fileLoad = sent.at(-1) as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'error', v, runId: fileLoad.runId, kind: 'model-file', message: 'header too short' });
    expect(store.getState().modelStatus).toBe('loading');
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    expect(store.getState()).toMatchObject({ modelStatus: 'ready', modelName: 'tiny', modelSource: 'shipped' });
    expect(store.getState().modelError).toContain('bad.safetensors');
  });

  it('arrays that arrived for a run superseded before the next frame are never written', async () => {
    const { store, sent, frame, reply, weights } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    reply({ type: 'loaded', v, runId: load.runId, info: INFO });
    store.getState().setText('ab');
    frame();
    const first = lastRun(sent);
    weights(first.runId, 0.25); // arrives while it is still the current run…
    store.getState().setText('abc'); // …and is superseded before the frame
    let sawOld = false;
    const unsub = store.subscribe((st) => {
      if (st.traceRunId === first.runId) sawOld = true;
    });
    frame();
    expect(sawOld).toBe(false);
    expect(store.getState().trace.size).toBe(0);
    unsub();
  });

  it('generation appends tokens to the text, and a cancel drops whatever still arrives', async () => {
    const { store, sent, frame, reply, bridge } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    const decoder: ModelInfo = { ...INFO, arch: 'decoder-only', config: { ...INFO.config, maxLen: 6 } };
    reply({ type: 'loaded', v, runId: load.runId, info: decoder });
    store.getState().setText('ab');
    frame();
    bridge.generate();
    const gen = sent.at(-1) as Extract<WorkerRequest, { type: 'generate' }>;
    expect(gen).toMatchObject({ type: 'generate', input: { tokens: [1, 2] }, maxNewTokens: 4 });
    expect(store.getState().generating).toBe(false); // written at the next frame
    reply({ type: 'token', v, runId: gen.runId, step: 0, token: 3 });
    reply({ type: 'token', v, runId: gen.runId, step: 1, token: 1 });
    frame();
    expect(store.getState()).toMatchObject({ text: 'abca', generating: true });
    const runsBefore = sent.filter((r) => r.type === 'run').length;
    bridge.cancel();
    expect(sent.at(-1)).toEqual({ type: 'cancel', v, runId: gen.runId });
    reply({ type: 'token', v, runId: gen.runId, step: 2, token: 2 });
    frame();
    expect(store.getState()).toMatchObject({ text: 'abca', generating: false });
    // Typing afterwards runs the new text as usual.
    store.getState().setText('abcab');
    expect(sent.filter((r) => r.type === 'run').length).toBe(runsBefore + 1);
  });

  it('generation stops at the 2,000-character text cap for a model that never emits <eos>', async () => {
    const { store, sent, frame, reply, bridge } = setup();
    await new Promise((r) => setTimeout(r, 0));
    const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
    const long: ModelInfo = { ...INFO, arch: 'decoder-only', config: { ...INFO.config, maxLen: 100_000 } };
    reply({ type: 'loaded', v, runId: load.runId, info: long });
    store.getState().setText('ab');
    frame();
    bridge.generate();
    const gen = sent.at(-1) as Extract<WorkerRequest, { type: 'generate' }>;
    expect(gen.maxNewTokens).toBe(1998); // the engine is never asked for more than the text can hold
    // A misbehaving engine that keeps sending tokens anyway: the text stops at the cap.
    for (let step = 0; step < 2100; step++) reply({ type: 'token', v, runId: gen.runId, step, token: 3 });
    frame();
    expect(store.getState().text).toHaveLength(2000);
    expect(store.getState()).toMatchObject({ generating: false, runStatus: 'done' });
    expect(sent).toContainEqual({ type: 'cancel', v, runId: gen.runId });
  });
});
