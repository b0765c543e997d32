// The engine with a real model (a PyTorch-made fixture): load, a streamed run in the order of the
// forward pass, superseded runs never answered, generation token by token, errors as messages.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createEngine, describeModel, messageOf } from './engine';
import { PROTOCOL_VERSION as v, isWorkerRequest, isWorkerResponse, transferables, type WorkerResponse } from './protocol';
import { traceKey } from '../model/trace';
import { allHeads, formatHeadRef, generate, loadModel, namedTensors } from '../model';

const fixture = (name: string) => {
  const b = readFileSync(new URL(`../model/golden/${name}.safetensors`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** An engine whose posts go through structured cloning with transfer, as through postMessage. */
function harness() {
  const out: WorkerResponse[] = [];
  const engine = createEngine((msg, transfer) => {
    const copy = structuredClone(msg, { transfer });
    expect(isWorkerResponse(copy)).toBe(true);
    out.push(copy);
  }, 'main');
  // Settled = no new message for 50 ms (the engine runs on this thread, so a busy engine holds the
  // timer back too); a fixed 20 ms wait failed under a loaded machine.
  const settle = async () => {
    let seen = -1;
    const t0 = Date.now();
    while (seen !== out.length && Date.now() - t0 < 10_000) {
      seen = out.length;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { engine, out, settle };
}

describe('engine', () => {
  it('loads a model and streams a run in computing order, then done', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'enc', bytes: fixture('encoder_sinusoidal_post_relu_pad') } });
    engine.handle({ type: 'run', v, runId: 2, input: { tokens: [3, 4, 5] }, options: { trace: 'full' } });
    await settle();
    expect(out[0]).toEqual({ type: 'ready', v, mode: 'main' });
    const loaded = out.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.info.arch).toBe('encoder-only');
    // The vocabulary comes first, in 'vocab' slices; 'loaded' then carries the rest of the info.
    expect(loaded?.type === 'loaded' && loaded.info.vocab).toEqual([]);
    const vocab = out.flatMap((m) => (m.type === 'vocab' ? m.pieces : []));
    expect(vocab[3]).toBe('t3');
    expect(out.findIndex((m) => m.type === 'vocab')).toBeLessThan(out.findIndex((m) => m.type === 'loaded'));
    const keys = out.flatMap((m) => (m.type === 'trace' ? [traceKey(m.path)] : []));
    // Embeddings first, then layer 0 attention (q, k, v, scores, mask, weights …), logits last.
    expect(keys.indexOf('encoder.embeddings')).toBeLessThan(keys.indexOf('encoder.layers.0.selfAttention.q'));
    expect(keys.indexOf('encoder.layers.0.selfAttention.scores')).toBeLessThan(keys.indexOf('encoder.layers.0.selfAttention.weights'));
    expect(keys.indexOf('encoder.layers.0.output')).toBeLessThan(keys.indexOf('encoder.layers.1.selfAttention.q'));
    expect(keys.indexOf('logits')).toBeLessThan(keys.indexOf('probs'));
    const weights = out.find((m) => m.type === 'trace' && traceKey(m.path) === 'encoder.layers.0.selfAttention.weights');
    expect(weights?.type === 'trace' && weights.tensor.shape).toEqual([2, 3, 3]);
    expect(out.at(-1)?.type).toBe('done');
    expect(out.every((m) => m.type === 'ready' || m.type === 'vocab' || m.type === 'loaded' || ('runId' in m && m.runId === 2))).toBe(true);
  });

  it('answers only the newest of several queued runs, and never a cancelled one', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'enc', bytes: fixture('encoder_sinusoidal_post_relu_pad') } });
    for (let id = 2; id <= 6; id++) engine.handle({ type: 'run', v, runId: id, input: { tokens: [1, 2, id] }, options: {} });
    await settle();
    const runIds = new Set(out.flatMap((m) => (m.type === 'trace' || m.type === 'done' ? [m.runId] : [])));
    expect([...runIds]).toEqual([6]);

    out.length = 0;
    engine.handle({ type: 'run', v, runId: 7, input: { tokens: [1] }, options: {} });
    engine.handle({ type: 'cancel', v, runId: 7 });
    await settle();
    expect(out).toEqual([]);
  });

  it('generates a target token by token, each step with its trace', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'ed', bytes: fixture('encdec_sinusoidal_post_relu') } });
    engine.handle({ type: 'generate', v, runId: 2, input: { src: [3, 4, 5], tgt: [1] }, options: {}, maxNewTokens: 3 });
    await settle();
    await settle();
    const tokens = out.filter((m) => m.type === 'token');
    expect(tokens.map((m) => m.type === 'token' && m.step)).toEqual([0, 1, 2]);
    // Step n's decoder trace has 1 + n target positions.
    const decTokens = out.filter((m) => m.type === 'trace' && traceKey(m.path) === 'decoder.tokens');
    expect(decTokens.map((m) => m.type === 'trace' && m.tensor.shape[0])).toEqual([1, 2, 3]);
    expect(out.at(-1)?.type).toBe('done');
  });

  it('generates with the model\'s own decoder: the tokens of generate(), stopping at stopId', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'dec', bytes: fixture('decoder_learned_pre_gelu_causal') } });
    const model = loadModel(new Uint8Array(fixture('decoder_learned_pre_gelu_causal')));
    const expected = [...generate(model, { tokens: [3, 4] }, { maxNewTokens: 6, eosId: null })].map((s) => s.token);
    engine.handle({ type: 'generate', v, runId: 2, input: { tokens: [3, 4] }, options: {}, maxNewTokens: 6 });
    for (let i = 0; i < 8; i++) await settle();
    const tokens = (runId: number) => out.flatMap((m) => (m.type === 'token' && m.runId === runId ? [m.token] : []));
    expect(tokens(2)).toEqual(expected);
    engine.handle({ type: 'generate', v, runId: 3, input: { tokens: [3, 4] }, options: {}, maxNewTokens: 6, stopId: expected[1] });
    for (let i = 0; i < 4; i++) await settle();
    expect(tokens(3)).toEqual(expected.slice(0, expected.indexOf(expected[1]) + 1));
    engine.handle({ type: 'generate', v, runId: 4, input: { tokens: [3, 4] }, options: {}, maxNewTokens: 0 });
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'done', runId: 4 });
  });

  it('runs with a positional override, and refuses one the model cannot run as an input error', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'enc', bytes: fixture('encoder_sinusoidal_post_relu_pad') } });
    engine.handle({ type: 'run', v, runId: 2, input: { tokens: [3, 4, 5] }, options: { positional: 'none' } });
    await settle();
    const positional = out.find((m) => m.type === 'trace' && m.runId === 2 && traceKey(m.path) === 'encoder.positional');
    expect(positional?.type === 'trace' && Array.from(positional.tensor.data).every((x) => x === 0)).toBe(true);
    expect(out.at(-1)).toMatchObject({ type: 'done', runId: 2 });
    engine.handle({ type: 'run', v, runId: 3, input: { tokens: [3, 4, 5] }, options: { positional: 'learned' } });
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 3, kind: 'input' });
    expect((out.at(-1) as { message: string }).message).toContain('pos_embed.weight');
  });

  it('reports errors as messages: a malformed file, bad input, a malformed request, no model', async () => {
    const { engine, out, settle } = harness();
    engine.handle({ type: 'init', v, testHooks: false });
    engine.handle({ type: 'run', v, runId: 1, input: { tokens: [1] }, options: {} });
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 1, kind: 'no-model' });
    engine.handle({ type: 'load', v, runId: 2, source: { kind: 'bytes', name: 'bad', bytes: new TextEncoder().encode('not a model').buffer } });
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 2, kind: 'model-file' });
    engine.handle({ type: 'load', v, runId: 3, source: { kind: 'bytes', name: 'enc', bytes: fixture('encoder_sinusoidal_post_relu_pad') } });
    engine.handle({ type: 'run', v, runId: 4, input: { tokens: [99] }, options: {} });
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 4, kind: 'input' });
    expect((out.at(-1) as { message: string }).message).toContain('outside the vocabulary');
    engine.handle({ type: 'run', v, runId: 5, input: 'oops' });
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 5, kind: 'protocol' });
    engine.handle({ type: 'crash', v }); // ignored without test hooks
    await settle();
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 5 });
    expect(transferables(out.at(-1)!)).toEqual([]);
  });

  it('a slow older load never replaces a newer model, and a refused file does not cancel it', async () => {
    const bytes = fixture('encoder_sinusoidal_post_relu_pad');
    vi.stubGlobal('fetch', async () => {
      await new Promise((r) => setTimeout(r, 30));
      return new Response(bytes.slice(0));
    });
    try {
      const { engine, out } = harness();
      const wait = () => new Promise((r) => setTimeout(r, 80));
      engine.handle({ type: 'init', v, testHooks: false });
      // A shipped model still downloading, then a good file: the file wins for good.
      engine.handle({ type: 'load', v, runId: 1, source: { kind: 'url', name: 'slow', url: 'http://x/slow.safetensors' } });
      engine.handle({ type: 'load', v, runId: 2, source: { kind: 'bytes', name: 'file', bytes: bytes.slice(0) } });
      await wait();
      expect(out.filter((m) => m.type === 'loaded').map((m) => m.type === 'loaded' && m.info.name)).toEqual(['file']);
      // A shipped model downloading, then a bad file: the shipped model still arrives.
      out.length = 0;
      engine.handle({ type: 'load', v, runId: 3, source: { kind: 'url', name: 'slow', url: 'http://x/slow.safetensors' } });
      engine.handle({ type: 'load', v, runId: 4, source: { kind: 'bytes', name: 'bad', bytes: new ArrayBuffer(3) } });
      await wait();
      expect(out.map((m) => m.type)).toEqual(['error', 'vocab', 'loaded']);
      expect(out[2]).toMatchObject({ type: 'loaded', runId: 3, info: { name: 'slow' } });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('names the tensors whose weights hold NaN or ±Infinity, and words an out-of-memory run', () => {
    const m = loadModel(new Uint8Array(fixture('encoder_sinusoidal_post_relu_pad')));
    expect(describeModel('enc', m).nonFinite).toBeUndefined();
    const named = namedTensors(m);
    named[0][1].data[2] = NaN;
    named[3][1].data[0] = -Infinity;
    expect(describeModel('enc', m).nonFinite).toEqual([named[0][0], named[3][0]]);
    expect(messageOf(new RangeError('Array buffer allocation failed'))).toMatch(/^This run needs more memory than the browser allows/);
    expect(messageOf(new RangeError('Head 2 out of range'))).toBe('Head 2 out of range');
  });
});

// ---- Interventions: ablated and patched runs, the lens, the sweep; hostile options refused. ----

/** The harness with the encoder-decoder fixture loaded. */
function loaded() {
  const h = harness();
  h.engine.handle({ type: 'init', v, testHooks: false });
  h.engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'ed', bytes: fixture('encdec_sinusoidal_post_relu') } });
  return { ...h, settle: () => new Promise((r) => setTimeout(r, 30)) };
}

const input = { src: [4, 6, 8, 10], tgt: [1, 3, 5] };
const logitsOf = (out: WorkerResponse[], runId: number) => {
  const m = out.find((x) => x.type === 'trace' && x.runId === runId && traceKey(x.path) === 'logits');
  return m?.type === 'trace' ? Array.from(m.tensor.data) : [];
};

describe('interventions in the engine', () => {
  it('runs ablated and patched, with the lens, and the plain run differs', async () => {
    const { engine, out, settle } = loaded();
    engine.handle({ type: 'run', v, runId: 2, input, options: {} });
    await settle();
    engine.handle({ type: 'run', v, runId: 3, input, options: { ablate: [{ stack: 'decoder', layer: 0, head: 1, kind: 'cross' }], lens: true } });
    await settle();
    engine.handle({ type: 'run', v, runId: 4, input, options: { patch: { from: { src: [3, 5, 7, 9], tgt: [1, 2, 4] }, heads: [{ stack: 'encoder', layer: 0, head: 0, kind: 'self' }] } } });
    await settle();
    const [plain, ablated, patched] = [2, 3, 4].map((id) => logitsOf(out, id));
    expect(plain.length).toBeGreaterThan(0);
    expect(ablated).not.toEqual(plain);
    expect(patched).not.toEqual(plain);
    expect(out.some((m) => m.type === 'trace' && m.runId === 3 && traceKey(m.path) === 'lens.decoder.0')).toBe(true);
    expect(out.some((m) => m.type === 'error')).toBe(false);
  });

  it('answers a sweep with one grid cell per head, and refuses a head the model lacks', async () => {
    const { engine, out, settle } = loaded();
    engine.handle({ type: 'sweep', v, runId: 5, clean: input, corrupted: { src: [4, 6, 8, 9], tgt: [1, 3, 5] }, position: 2, options: {} });
    await settle();
    const sweep = out.find((m) => m.type === 'sweep');
    const model = loadModel(new Uint8Array(fixture('encdec_sinusoidal_post_relu')));
    expect(sweep?.type === 'sweep' && sweep.result.cells.map((c) => formatHeadRef(c.head))).toEqual(allHeads(model.config).map(formatHeadRef));
    expect(allHeads(model.config).some((h) => h.kind === 'cross')).toBe(true);
    engine.handle({ type: 'run', v, runId: 6, input, options: { ablate: [{ stack: 'decoder', layer: 3, head: 0, kind: 'self' }] } });
    await settle();
    const err = out.find((m) => m.type === 'error' && m.runId === 6);
    expect(err?.type === 'error' && err.kind).toBe('input');
    expect(err?.type === 'error' && err.message).toMatch(/decoder layer 3 does not exist/);
  });

  it('refuses malformed intervention options as protocol errors', () => {
    const run = (options: unknown) => ({ type: 'run', v, runId: 1, input: { tokens: [1] }, options });
    expect(isWorkerRequest(run({ ablate: [{ stack: 'decoder', layer: 0, head: 0, kind: 'self' }] }))).toBe(true);
    for (const bad of [
      { ablate: 'decoder.0.0' },
      { ablate: [{ stack: 'middle', layer: 0, head: 0, kind: 'self' }] },
      { ablate: [{ stack: 'decoder', layer: -1, head: 0, kind: 'self' }] },
      { ablate: [{ stack: 'decoder', layer: 0, head: 0, kind: 'both' }] },
      { patch: { from: { tokens: 'x' }, heads: [] } },
      { lens: 'yes' },
    ])
      expect(isWorkerRequest(run(bad))).toBe(false);
  });
});
