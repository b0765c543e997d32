// The engine with Hugging Face checkpoints: files (as picked or dropped) load tensor by tensor with
// sizes first and progress; text is tokenized in the worker and its pieces come back before the
// trace; a bad checkpoint is refused in one sentence and the previous model keeps working; a Hub
// download can be cancelled.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubServer, type HubServer } from '../../../scripts/hub-server';
import { traceKey } from '../../model/trace';
import { createEngine } from '../engine';
import { PROTOCOL_VERSION as v, isWorkerResponse, type WorkerResponse } from '../protocol';

const fixtures = join(import.meta.dirname, '..', '..', 'model', 'hf', 'fixtures');
const filesOf = (name: string, skip: string[] = []) =>
  readdirSync(join(fixtures, name))
    .filter((n) => n !== 'trace.json' && !skip.includes(n))
    .map((n) => new File([readFileSync(join(fixtures, name, n))], n));

function harness() {
  const out: WorkerResponse[] = [];
  const engine = createEngine((msg) => {
    expect(isWorkerResponse(msg)).toBe(true);
    out.push(msg);
  }, 'main');
  engine.handle({ type: 'init', v, testHooks: false });
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 10));
  };
  return { engine, out, until };
}

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer({
    repos: { 'test/bert-tiny': join(fixtures, 'bert-f32') },
    chunkDelayMs: 150,
    chunkBytes: 4096,
  });
});
afterAll(() => hub.close());

describe('engine with Hugging Face checkpoints', () => {
  it('loads dropped files with sizes first, then tokenizes text in the worker and streams the run', async () => {
    const { engine, out, until } = harness();
    engine.handle({
      type: 'load',
      v,
      runId: 1,
      source: { kind: 'files', name: 'gpt2-f32', files: filesOf('gpt2-f32') },
    });
    await until(() => out.some((m) => m.type === 'loaded'));
    const kinds = out.map((m) => m.type);
    expect(kinds.indexOf('checkpoint')).toBeLessThan(kinds.indexOf('progress'));
    const plan = out.find((m) => m.type === 'checkpoint');
    expect(plan?.type === 'checkpoint' && plan.family).toBe('gpt2');
    const loaded = out.find((m) => m.type === 'loaded');
    expect(loaded?.type === 'loaded' && loaded.info.tokenizer).toBe('hf');
    expect(loaded?.type === 'loaded' && loaded.info.hf?.tokenizerKind).toBe('BPE');
    out.length = 0;
    engine.handle({
      type: 'run',
      v,
      runId: 2,
      input: { text: 'The dog saw the cat' },
      options: { trace: 'attention' },
    });
    await until(() => out.some((m) => m.type === 'done'));
    expect(out[0]).toMatchObject({
      type: 'tokens',
      role: 'text',
      pieces: ['The', 'Ġdog', 'Ġsaw', 'Ġthe', 'Ġcat'],
    });
    const weights = out.find(
      (m) => m.type === 'trace' && traceKey(m.path) === 'decoder.layers.1.selfAttention.weights',
    );
    expect(weights?.type === 'trace' && weights.tensor.shape).toEqual([2, 5, 5]);
  });

  it('Marian: source and target texts, the target starting at decoder_start_token_id', async () => {
    const { engine, out, until } = harness();
    engine.handle({
      type: 'load',
      v,
      runId: 1,
      source: { kind: 'files', name: 'marian', files: filesOf('marian-f32') },
    });
    engine.handle({
      type: 'run',
      v,
      runId: 2,
      input: { srcText: 'the dog saw a cat.', tgtText: 'der Hund' },
      options: {},
    });
    await until(() => out.some((m) => m.type === 'done' || m.type === 'error'));
    expect(out.filter((m) => m.type === 'tokens').map((m) => m.type === 'tokens' && m.pieces)).toEqual([
      ['▁the', '▁dog', '▁saw', '▁a', '▁cat', '.', '</s>'],
      ['<pad>', '▁der', '▁Hund'],
    ]);
    const cross = out.find(
      (m) => m.type === 'trace' && traceKey(m.path) === 'decoder.layers.0.crossAttention.weights',
    );
    expect(cross?.type === 'trace' && cross.tensor.shape).toEqual([2, 3, 7]);
  });

  it('refuses a bad checkpoint in one sentence and keeps the previous model working', async () => {
    const { engine, out, until } = harness();
    engine.handle({
      type: 'load',
      v,
      runId: 1,
      source: { kind: 'files', name: 'bert', files: filesOf('bert-f32') },
    });
    await until(() => out.some((m) => m.type === 'loaded'));
    engine.handle({
      type: 'load',
      v,
      runId: 2,
      source: { kind: 'files', name: 'tok-only', files: filesOf('gpt2-f32', ['model.safetensors']) },
    });
    await until(() => out.some((m) => m.type === 'error'));
    const error = out.find((m) => m.type === 'error');
    expect(error).toMatchObject({
      runId: 2,
      kind: 'model-file',
      message: 'these files hold a tokenizer but no model: add model.safetensors (or its shards and index)',
    });
    engine.handle({ type: 'run', v, runId: 3, input: { text: 'the dog [MASK] .' }, options: {} });
    await until(() => out.some((m) => m.type === 'done'));
    expect(out.find((m) => m.type === 'tokens')).toMatchObject({
      pieces: ['[CLS]', 'the', 'dog', '[MASK]', '.', '[SEP]'],
      special: [true, false, false, true, false, true],
    });
  });

  it('a Hub load answers with its sizes first; confirmed, it downloads with progress and can be cancelled', async () => {
    const { engine, out, until } = harness();
    engine.handle({
      type: 'load',
      v,
      runId: 1,
      source: { kind: 'hub', name: 'test/bert-tiny', base: hub.url, confirmed: false },
    });
    await until(() => out.some((m) => m.type === 'checkpoint'));
    const plan = out.find((m) => m.type === 'checkpoint');
    expect(plan?.type === 'checkpoint' && plan.downloadBytes).toBeGreaterThan(30_000);
    expect(out.some((m) => m.type === 'loaded')).toBe(false);
    engine.handle({
      type: 'load',
      v,
      runId: 2,
      source: { kind: 'hub', name: 'test/bert-tiny', base: hub.url, confirmed: true },
    });
    await until(() => out.some((m) => m.type === 'progress'));
    engine.handle({ type: 'cancel', v, runId: 2 });
    await until(() => out.some((m) => m.type === 'error'));
    expect(out.find((m) => m.type === 'error')).toMatchObject({ runId: 2, kind: 'cancelled' });
    expect(out.some((m) => m.type === 'loaded')).toBe(false);
  });
});
