// Protocol round trips: every message survives structured cloning (with its buffers transferred) and
// passes the receiving side's checks; malformed or wrong-version messages are refused.
import { describe, expect, it } from 'vitest';
import { tracePath } from '../model/trace';
import { PROTOCOL_VERSION as v, isWorkerRequest, isWorkerResponse, transferables, type WorkerRequest, type WorkerResponse } from './protocol';

/** What postMessage does to a message: a structured clone that moves the transferred buffers. */
const roundTrip = <T>(msg: T, transfer: Transferable[]): T => structuredClone(msg, { transfer });

const requests: WorkerRequest[] = [
  { type: 'init', v, testHooks: false },
  { type: 'load', v, runId: 1, source: { kind: 'url', name: 'dates', url: 'http://x/models/dates.safetensors' } },
  { type: 'load', v, runId: 2, source: { kind: 'bytes', name: 'mine.safetensors', bytes: new Uint8Array([1, 2, 3]).buffer } },
  { type: 'run', v, runId: 3, input: { tokens: [1, 2, 3] }, options: { mask: 'prefix', prefix: 2, temperature: 0.5, trace: 'full' } },
  { type: 'run', v, runId: 4, input: { src: [1, 2], tgt: [1] }, options: {} },
  { type: 'run', v, runId: 6, input: { tokens: [1, 2] }, options: { positional: 'none' } },
  { type: 'generate', v, runId: 5, input: { src: [4], tgt: [1] }, options: { mask: 'causal' }, maxNewTokens: 8, stopId: 2 },
  { type: 'cancel', v, runId: 5 },
  { type: 'crash', v },
];

const responses: WorkerResponse[] = [
  { type: 'ready', v, mode: 'worker' },
  {
    type: 'loaded',
    v,
    runId: 1,
    info: {
      name: 'm',
      arch: 'decoder-only',
      config: { arch: 'decoder-only', layerNormEps: 1e-5, scaleEmbedding: false, padId: null, vocabSize: 3, dModel: 4, nHeads: 2, dFF: 8, nLayers: 1, maxLen: 8, positional: 'rope', norm: 'pre', activation: 'gelu' },
      vocab: ['a', 'b', 'c'],
      tokenizer: 'char',
    },
  },
  { type: 'trace', v, runId: 3, step: 0, path: tracePath.attention('decoder', 0, 'selfAttention', 'weights'), tensor: { data: new Float32Array([0.25, 0.75]), shape: [1, 1, 2] } },
  { type: 'trace', v, runId: 3, step: 0, path: tracePath.attention('decoder', 0, 'selfAttention', 'mask'), tensor: { data: new Uint8Array([0, 1]), shape: [1, 2] } },
  { type: 'trace', v, runId: 3, step: 1, path: tracePath.head('argmax'), tensor: { data: new Int32Array([2]), shape: [1] } },
  { type: 'token', v, runId: 5, step: 0, token: 2 },
  { type: 'done', v, runId: 3, ms: 1.5 },
  { type: 'error', v, runId: null, kind: 'protocol', message: 'bad' },
  { type: 'error', v, runId: 2, kind: 'model-file', message: 'missing tensor embed.weight' },
];

describe('protocol', () => {
  it.each(requests.map((r) => [r.type, r] as const))('request %s round-trips', (_t, req) => {
    const transfer = transferables(req);
    const copy = roundTrip(req, transfer);
    expect(isWorkerRequest(copy)).toBe(true);
    if (req.type === 'load' && req.source.kind === 'bytes') {
      expect(req.source.bytes.byteLength).toBe(0); // moved, not copied
      const got = copy as typeof req;
      expect(got.source.kind === 'bytes' && Array.from(new Uint8Array(got.source.bytes))).toEqual([1, 2, 3]);
    } else expect(copy).toEqual(req);
  });

  it.each(responses.map((r, i) => [`${r.type} #${i}`, r] as const))('response %s round-trips', (_t, res) => {
    const before = res.type === 'trace' ? Array.from(res.tensor.data) : null;
    const copy = roundTrip(res, transferables(res));
    expect(isWorkerResponse(copy)).toBe(true);
    if (res.type === 'trace' && copy.type === 'trace') {
      expect(res.tensor.data.length).toBe(0); // transferred: the sender's view is detached
      expect(Array.from(copy.tensor.data)).toEqual(before);
      expect(copy.tensor.data.constructor).toBe(res.tensor.data.constructor);
      expect(copy.path).toEqual(res.path);
    }
  });

  it('refuses malformed or wrong-version messages', () => {
    const bad: unknown[] = [
      null,
      42,
      'run',
      { type: 'run', v: v + 1, runId: 1, input: { tokens: [1] }, options: {} },
      { type: 'run', v, runId: -1, input: { tokens: [1] }, options: {} },
      { type: 'run', v, runId: 1, input: { tokens: ['1'] }, options: {} },
      { type: 'run', v, runId: 1, input: { src: [1] }, options: {} },
      { type: 'run', v, runId: 1, input: { tokens: [1] }, options: { mask: 'diagonal' } },
      { type: 'run', v, runId: 1, input: { tokens: [1] }, options: { temperature: 0 } },
      { type: 'run', v, runId: 1, input: { tokens: [1] }, options: { positional: 'alibi' } },
      { type: 'run', v, runId: 1, input: { tokens: [1] }, options: { positional: null } },
      { type: 'generate', v, runId: 1, input: { tokens: [1] }, options: { positional: 'ROPE' }, maxNewTokens: 1 },
      { type: 'load', v, runId: 1, source: { kind: 'bytes', name: 'x', bytes: [1, 2] } },
      { type: 'load', v, runId: 1, source: { kind: 'file', name: 'x' } },
      { type: 'generate', v, runId: 1, input: { tokens: [1] }, options: {}, maxNewTokens: 1.5 },
      { type: 'eval', v, code: '1' },
    ];
    for (const b of bad) expect(isWorkerRequest(b), JSON.stringify(b)).toBe(false);
    expect(isWorkerResponse({ type: 'trace', v, runId: 1, step: 0, path: {}, tensor: { data: [1], shape: [1] } })).toBe(false);
    expect(isWorkerResponse({ type: 'done', v, runId: 1 })).toBe(false);
    expect(isWorkerResponse({ type: 'ready', v: 0, mode: 'worker' })).toBe(false);
  });
});
