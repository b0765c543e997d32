// The Hub path against a local server laid out like the Hub (scripts/hub-server.ts): resolve URLs,
// redirects to the CDN, range requests for sizes and headers, 404s, a download with progress and
// cancel, Cache Storage serving the second visit, and a truncated shard refused in one sentence.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTrace, requestFromArgs } from '../../model/golden/fixtures';
import { forward } from '../../model/forward';
import { planCheckpoint, readCheckpoint } from '../../model/hf/checkpoint';
import { assembleTrace, traceToJson } from '../../model/trace';
import { startHubServer, type HubServer } from '../../../scripts/hub-server';
import { filesSource } from './fileSource';
import { openHub, type CacheLike } from './hubSource';

const fixtures = join(import.meta.dirname, '..', '..', 'model', 'hf', 'fixtures');
const truncated = mkdtempSync(join(tmpdir(), 'hub-trunc-'));
for (const f of readdirSync(join(fixtures, 'gpt2-f16')))
  copyFileSync(join(fixtures, 'gpt2-f16', f), join(truncated, f));
writeFileSync(
  join(truncated, 'model-00002-of-00002.safetensors'),
  readFileSync(join(truncated, 'model-00002-of-00002.safetensors')).subarray(0, 5000),
);

/** Cache Storage as a Map (Node has no caches global); stores copies, like the real one. */
function memoryCache(): CacheLike & { urls: string[] } {
  const store = new Map<string, Blob>();
  return {
    get urls() {
      return [...store.keys()];
    },
    async match(url) {
      const b = store.get(url);
      return b ? new Response(b) : undefined;
    },
    async put(url, res) {
      store.set(url, await res.blob());
    },
  };
}

let hub: HubServer;
beforeAll(async () => {
  hub = await startHubServer({
    repos: {
      'test/gpt2-tiny': join(fixtures, 'gpt2-f16'),
      'test/bert-tiny': join(fixtures, 'bert-f32'),
      'test/truncated': truncated,
    },
  });
});
afterAll(() => hub.close());

const golden = (name: string) =>
  JSON.parse(readFileSync(join(fixtures, name, 'trace.json'), 'utf8')) as { args: string[]; trace: unknown };

describe('a checkpoint from a Hub-like server', () => {
  it('probes sizes first, downloads with progress, matches the golden trace, and is served from the cache the second time', async () => {
    const cache = memoryCache();
    const first = await openHub('test/gpt2-tiny', { base: hub.url, cache });
    const onDisk = readdirSync(join(fixtures, 'gpt2-f16')).filter((f) => f !== 'trace.json');
    expect([...first.files.names].sort()).toEqual(onDisk.sort());
    expect(first.totalBytes).toBe(
      onDisk.reduce((n, f) => n + readFileSync(join(fixtures, 'gpt2-f16', f)).length, 0),
    );
    const plan = await planCheckpoint(first.files); // headers by range, before any download
    expect(hub.log.some((l) => / 404|special_tokens_map\.json bytes/.test(l))).toBe(false);
    expect(plan.family).toBe('gpt2');
    expect(plan.memoryBytes).toBe(2 * plan.fileBytes); // F16 widened to F32
    expect(hub.log.some((l) => l.includes('/resolve/main/model-00001-of-00002.safetensors bytes=0-7'))).toBe(
      true,
    );
    expect(hub.log.some((l) => l.startsWith('GET /cdn/test/gpt2-tiny/model-00001'))).toBe(true); // redirect followed
    const progress: number[] = [];
    await first.download((loaded, total) => {
      progress.push(loaded);
      expect(total).toBeGreaterThan(0);
    });
    expect(progress.length).toBeGreaterThan(1);
    const { model } = await readCheckpoint(first.files, plan);
    const fixture = golden('gpt2-f16');
    const { input, options } = requestFromArgs(fixture.args);
    expect(
      compareTrace(fixture.trace, traceToJson(assembleTrace(forward(model, input, options).trace))),
    ).toEqual([]);

    const before = hub.log.length;
    const second = await openHub('test/gpt2-tiny', { base: hub.url, cache });
    expect(second.missingBytes).toBe(0);
    await second.download();
    const again = await readCheckpoint(second.files, await planCheckpoint(second.files));
    expect(again.model.config).toEqual(model.config);
    // Nothing at all went to the server: the cache's manifest lists every file.
    expect(hub.log.slice(before)).toEqual([]);
  });

  it('a cancelled download stops, and nothing partial is cached', async () => {
    const slow = await startHubServer({
      repos: { 'test/bert-tiny': join(fixtures, 'bert-f32') },
      chunkDelayMs: 200,
    });
    try {
      const cache = memoryCache();
      const controller = new AbortController();
      const h = await openHub('test/bert-tiny', { base: slow.url, cache, signal: controller.signal });
      const download = h.download((loaded) => {
        if (loaded > 0) controller.abort();
      });
      await expect(download).rejects.toThrow(/abort/i);
      expect(cache.urls.some((u) => u.endsWith('model.safetensors'))).toBe(false);
    } finally {
      await slow.close();
    }
  });

  it('refuses in one sentence: unknown repo (404), bad name, truncated shard', async () => {
    await expect(openHub('test/nothing-here', { base: hub.url })).rejects.toThrow(
      /^test\/nothing-here was not found on the Hub$/,
    );
    expect(hub.log.filter((l) => l.includes('nothing-here') && !l.includes('/api/'))).toEqual([]); // no file requested
    await expect(openHub('../etc/passwd', { base: hub.url })).rejects.toThrow(
      /is not a Hub model name of the form owner\/name/,
    );
    const h = await openHub('test/truncated', { base: hub.url });
    await expect(planCheckpoint(h.files)).rejects.toThrow(
      /^model-00002-of-00002\.safetensors is truncated: it has 5000 bytes, but tensor \S+ ends at byte \d+$/,
    );
  });
});

describe('a checkpoint from picked or dropped files', () => {
  it('reads tensor by tensor through File.slice, with folder paths stripped', async () => {
    const dir = join(fixtures, 'marian-f16');
    const files = readdirSync(dir).map((n) => {
      const f = new File([readFileSync(join(dir, n))], n);
      Object.defineProperty(f, 'webkitRelativePath', { value: `marian/${n}` });
      return f;
    });
    const source = filesSource(files);
    const plan = await planCheckpoint(source);
    const { model, tokenizer } = await readCheckpoint(source, plan);
    expect(tokenizer?.kind).toBe('Unigram');
    const fixture = golden('marian-f16');
    const { input, options } = requestFromArgs(fixture.args);
    expect(
      compareTrace(fixture.trace, traceToJson(assembleTrace(forward(model, input, options).trace))),
    ).toEqual([]);
  });
});
