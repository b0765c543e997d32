// Interventions through the worker protocol: an ablated or patched run, the logit lens, and the
// patching sweep answered as one message; hostile intervention options are refused as malformed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allHeads, formatHeadRef, loadModel } from '../model';
import { traceKey } from '../model/trace';
import { createEngine } from './engine';
import { PROTOCOL_VERSION as v, isWorkerRequest, isWorkerResponse, type WorkerResponse } from './protocol';

const fixture = (name: string) => {
  const b = readFileSync(new URL(`../model/golden/${name}.safetensors`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

function harness() {
  const out: WorkerResponse[] = [];
  const engine = createEngine((msg, transfer) => {
    const copy = structuredClone(msg, { transfer });
    expect(isWorkerResponse(copy)).toBe(true);
    out.push(copy);
  }, 'main');
  engine.handle({ type: 'init', v, testHooks: false });
  engine.handle({ type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'ed', bytes: fixture('encdec_sinusoidal_post_relu') } });
  return { engine, out, settle: () => new Promise((r) => setTimeout(r, 30)) };
}

const input = { src: [4, 6, 8, 10], tgt: [1, 3, 5] };
const logitsOf = (out: WorkerResponse[], runId: number) => {
  const m = out.find((x) => x.type === 'trace' && x.runId === runId && traceKey(x.path) === 'logits');
  return m?.type === 'trace' ? Array.from(m.tensor.data) : [];
};

describe('interventions in the engine', () => {
  it('runs ablated and patched, with the lens, and the plain run differs', async () => {
    const { engine, out, settle } = harness();
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
    const { engine, out, settle } = harness();
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
