// Two guards of the bridge found by the hostile-input e2e (docs/quality.md): a model file over the
// size limit is refused by its size without being read, and the token notices never go stale
// when an edit leaves the token ids unchanged.
import { describe, expect, it } from 'vitest';
import { createAtlasStore } from './atlas';
import { createBridge, MAX_MODEL_FILE_BYTES } from './bridge';
import type { ClientEvents } from '../worker/client';
import { PROTOCOL_VERSION as v, type ModelInfo, type WorkerRequest } from '../worker/protocol';
import type { SafeStorage } from './safeStorage';

const memory = (): SafeStorage => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, val) => void m.set(k, val),
    removeItem: (k) => void m.delete(k),
  };
};

// No <unk>: pieces outside the vocabulary are left out (and counted).
const INFO: ModelInfo = {
  name: 'tiny',
  arch: 'encoder-only',
  config: {
    arch: 'encoder-only', layerNormEps: 1e-5, scaleEmbedding: false, padId: null, vocabSize: 4,
    dModel: 4,
    nHeads: 2,
    dFF: 8,
    nLayers: 1,
    maxLen: 8,
    positional: 'sinusoidal',
    norm: 'post',
    activation: 'relu',
  },
  vocab: ['<pad>', 'a', 'b', 'c'],
  tokenizer: 'char',
};

async function ready() {
  const store = createAtlasStore(memory());
  const sent: WorkerRequest[] = [];
  let events!: ClientEvents;
  const bridge = createBridge(store, {
    baseUrl: 'http://test/',
    fetch: async () =>
      new Response('[{"name":"tiny","title":"Tiny","arch":"encoder-only","description":"x"}]'),
    requestFrame: (cb) => cb(),
    createClient: (e) => {
      events = e;
      return { send: (r) => void sent.push(r), dispose: () => {} };
    },
  });
  await new Promise((r) => setTimeout(r, 0));
  const load = sent.find((r) => r.type === 'load') as Extract<WorkerRequest, { type: 'load' }>;
  events.onMessage({ type: 'loaded', v, runId: load.runId, info: INFO });
  return { store, sent, bridge };
}

describe('bridge limits', () => {
  it('refuses a file over the limit by its size, before reading a byte, and keeps the loaded model', async () => {
    const { store, sent, bridge } = await ready();
    let reads = 0;
    const huge = {
      name: 'big.safetensors',
      size: 200 * 2 ** 20,
      arrayBuffer: () => {
        reads++;
        return Promise.resolve(new ArrayBuffer(0));
      },
    } as unknown as File;
    const before = sent.length;
    await bridge.loadModelFile(huge);
    expect(reads).toBe(0);
    expect(sent.length).toBe(before); // nothing went to the engine
    expect(store.getState().modelError).toBe(
      `“big.safetensors” was not loaded: it is 200 MB, and the largest model file this page opens is ${MAX_MODEL_FILE_BYTES / 2 ** 20} MB.`,
    );
    expect(store.getState().modelStatus).toBe('ready');
    expect(store.getState().modelName).toBe('tiny');
  });

  it('a file at the limit is read and sent', async () => {
    const { sent, bridge } = await ready();
    let reads = 0;
    const atLimit = {
      name: 'ok.safetensors',
      size: MAX_MODEL_FILE_BYTES,
      arrayBuffer: () => (reads++, Promise.resolve(new ArrayBuffer(8))),
    } as unknown as File;
    await bridge.loadModelFile(atLimit);
    expect(reads).toBe(1);
    expect(sent.at(-1)).toMatchObject({ type: 'load', source: { kind: 'bytes', name: 'ok.safetensors' } });
  });

  it('refreshes the unknown-piece count when the ids stay the same', async () => {
    const { store, sent } = await ready();
    store.getState().setText('a?b');
    const runs = sent.filter((r) => r.type === 'run').length;
    const unknown = () => {
      const i = store.getState().input;
      return i?.kind === 'single' ? i.seq.unknown : -1;
    };
    expect(unknown()).toBe(1);
    store.getState().setText('ab'); // same ids [1, 2]: no new run, but no stale notice either
    expect(sent.filter((r) => r.type === 'run').length).toBe(runs);
    expect(unknown()).toBe(0);
  });
});
