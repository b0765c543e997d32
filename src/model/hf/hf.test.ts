// Hugging Face checkpoints in each family's exact layout (made by scripts/reference/hf_fixtures.py
// with PyTorch 1.13): every traced number of forward() within 1e-4 of the PyTorch reference, in F32
// and F16 (the F16 GPT-2 sharded), and each kind of bad checkpoint refused in one sentence.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFiles } from '../cli/folder';
import { compareTrace, countLeaves, requestFromArgs } from '../golden/fixtures';
import { forward } from '../forward';
import { readSafetensors, writeSafetensors } from '../safetensors';
import { assembleTrace, traceToJson } from '../trace';
import { openCheckpointSync } from './checkpoint';
import type { SyncFiles } from './checkpoint';

export const hfFixtureDir = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(hfFixtureDir).sort();

describe('Hugging Face checkpoints: golden traces through forward()', () => {
  it('finds every family in F32 and F16', () =>
    expect(cases).toEqual([
      'bert-f16',
      'bert-f32',
      'distilbert-f16',
      'distilbert-f32',
      'gpt2-f16',
      'gpt2-f32',
      'marian-f16',
      'marian-f32',
    ]));

  for (const name of cases)
    it(name, () => {
      const dir = join(hfFixtureDir, name);
      const fixture = JSON.parse(readFileSync(join(dir, 'trace.json'), 'utf8')) as {
        args: string[];
        trace: unknown;
      };
      const { model } = openCheckpointSync(folderFiles(dir));
      const { input, options } = requestFromArgs(fixture.args);
      const actual = traceToJson(assembleTrace(forward(model, input, options).trace));
      expect(countLeaves(fixture.trace)).toBeGreaterThan(1000);
      expect(compareTrace(fixture.trace, actual)).toEqual([]);
    });

  it('F16 weights are read as stored: the F16 and F32 traces differ, each matching its own reference', () => {
    const logits = (n: string) =>
      (
        JSON.parse(readFileSync(join(hfFixtureDir, n, 'trace.json'), 'utf8')) as {
          trace: { logits: number[][] };
        }
      ).trace.logits;
    expect(compareTrace(logits('gpt2-f32'), logits('gpt2-f16'))).not.toEqual([]);
  });
});

/** A fixture folder with some files replaced, removed or changed. */
function altered(name: string, change: (files: Map<string, Uint8Array>) => void): SyncFiles {
  const base = folderFiles(join(hfFixtureDir, name));
  const files = new Map([...base.names].map((n) => [n, base.bytes(n)]));
  change(files);
  return {
    names: new Set(files.keys()),
    size: (n) => files.get(n)!.length,
    bytes: (n, start = 0, end) => files.get(n)!.slice(start, end ?? files.get(n)!.length),
  };
}
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const withConfig = (name: string, edit: (c: Record<string, unknown>) => void) =>
  altered(name, (f) => {
    const c = JSON.parse(new TextDecoder().decode(f.get('config.json'))) as Record<string, unknown>;
    edit(c);
    f.set('config.json', json(c));
  });

describe('bad checkpoints are refused in one sentence', () => {
  const bad: [string, SyncFiles, RegExp][] = [
    [
      'missing config key',
      withConfig('gpt2-f32', (c) => delete c.n_embd),
      /config\.json has no "n_embd", which a gpt2 model needs/,
    ],
    [
      'unknown model_type',
      withConfig('gpt2-f32', (c) => (c.model_type = 'wizard')),
      /model_type "wizard" is not supported: Atlas opens gpt2, bert, distilbert and marian/,
    ],
    [
      'T5',
      withConfig('gpt2-f32', (c) => (c.model_type = 't5')),
      /^T5's relative position bias is not supported yet$/,
    ],
    [
      'Llama',
      withConfig('gpt2-f32', (c) => (c.model_type = 'llama')),
      /Llama's RMSNorm, SwiGLU feed-forward and grouped-query attention are not supported yet/,
    ],
    [
      'BERT relative positions',
      withConfig('bert-f32', (c) => (c.position_embedding_type = 'relative_key')),
      /BERT's relative position embeddings is not supported yet|BERT's relative position embeddings are not supported yet/,
    ],
    [
      'unknown activation',
      withConfig('marian-f32', (c) => (c.activation_function = 'mish')),
      /the activation "mish" \("activation_function"\) is not supported yet/,
    ],
    [
      'shape not matching the config',
      withConfig('bert-f32', (c) => (c.intermediate_size = 48)),
      /tensor bert\.encoder\.layer\.0\.intermediate\.dense\.weight has shape \[32, 16\], but config\.json implies \[48, 16\]/,
    ],
    [
      'missing tensor',
      altered('distilbert-f32', (f) => {
        const { tensors } = readSafetensors(f.get('model.safetensors')!);
        tensors.delete('distilbert.transformer.layer.1.ffn.lin2.weight');
        f.set('model.safetensors', writeSafetensors(tensors));
      }),
      /the checkpoint has no tensor distilbert\.transformer\.layer\.1\.ffn\.lin2\.weight \(expected shape \[16, 32\]\)/,
    ],
    [
      'no weights at all',
      altered('distilbert-f32', (f) => ['model.safetensors', 'tokenizer.json'].forEach((n) => f.delete(n))),
      /no model\.safetensors \(or model\.safetensors\.index\.json with its shards\) among these files/,
    ],
    [
      'truncated shard',
      altered('gpt2-f16', (f) =>
        f.set('model-00002-of-00002.safetensors', f.get('model-00002-of-00002.safetensors')!.slice(0, 3000)),
      ),
      /model-00002-of-00002\.safetensors is truncated: it has 3000 bytes, but tensor .* ends at byte \d+/,
    ],
    [
      'missing shard',
      altered('gpt2-f16', (f) => f.delete('model-00001-of-00002.safetensors')),
      /the shard model-00001-of-00002\.safetensors named by model\.safetensors\.index\.json is missing/,
    ],
    [
      'tokenizer without its model',
      altered('gpt2-f32', (f) => f.delete('model.safetensors')),
      /these files hold a tokenizer but no model/,
    ],
    [
      'tokenizer.json without a model section',
      altered('bert-f32', (f) => f.set('tokenizer.json', json({ version: '1.0' }))),
      /tokenizer\.json has no "model" with a vocabulary/,
    ],
    [
      'tokenizer of another model',
      altered('bert-f32', (f) =>
        f.set('tokenizer.json', readFileSync(join(hfFixtureDir, 'gpt2-f32', 'tokenizer.json'))),
      ),
      /tokenizer\.json has 289 tokens, more than the model's vocabulary of 43/,
    ],
    ['no config.json', altered('bert-f32', (f) => f.delete('config.json')), /config\.json is missing/],
    [
      'config.json not JSON',
      altered('bert-f32', (f) => f.set('config.json', new TextEncoder().encode('{'))),
      /config\.json is not valid JSON/,
    ],
  ];
  for (const [what, files, message] of bad)
    it(what, () => {
      let error: unknown;
      try {
        openCheckpointSync(files);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      expect(text).not.toContain('\n');
    });
});
