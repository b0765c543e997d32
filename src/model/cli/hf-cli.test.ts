// The trace CLI on Hugging Face checkpoint folders: the same trace JSON as for our own files,
// matching PyTorch within 1e-4 for every family in F32 and F16, in process and as the real command;
// --text through the checkpoint's own tokenizer; a bad folder refused in one line.
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrace } from '../golden/fixtures';
import { createHfTokenizer } from '../tokenizers/hf';
import { folderFiles } from './folder';
import { runTraceCli } from './run';
import { traceCommand } from './runCommand';

const fixtures = join(import.meta.dirname, '..', 'hf', 'fixtures');
const cases = readdirSync(fixtures).sort();
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(fixtures, name, 'trace.json'), 'utf8')) as { args: string[]; trace: unknown };
const noFile = (): Uint8Array => {
  throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
};

const trace = traceCommand;

describe('trace CLI on Hugging Face folders, in process', () => {
  for (const name of cases)
    it(`golden ${name}`, () => {
      const dir = join(fixtures, name);
      const out = runTraceCli(['--model', dir, ...fixture(name).args], noFile, folderFiles);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(compareTrace(fixture(name).trace, JSON.parse(out.stdout))).toEqual([]);
    });

  it('--text runs the checkpoint tokenizer: the same trace as --input with its ids', () => {
    const dir = join(fixtures, 'gpt2-f32');
    const text = 'The dog saw the cat running';
    const ids = createHfTokenizer(readFileSync(join(dir, 'tokenizer.json'), 'utf8')).encode(text).ids;
    expect(ids).toEqual([277, 261, 267, 258, 264, 276]); // The Ġdog Ġsaw Ġthe Ġcat Ġrunning
    const byText = runTraceCli(['--model', dir, '--text', text], noFile, folderFiles);
    const byIds = runTraceCli(['--model', dir, '--input', ids.join(' ')], noFile, folderFiles);
    expect(byText.code).toBe(0);
    expect(byText.stdout).toBe(byIds.stdout);
  });

  it('--text on BERT adds [CLS] … [SEP]; on Marian it is the source and the target starts at decoder_start_token_id', () => {
    const bert = JSON.parse(
      runTraceCli(['--model', join(fixtures, 'bert-f32'), '--text', 'The dog saw'], noFile, folderFiles)
        .stdout,
    ) as {
      encoder: { tokens: number[] };
    };
    expect(bert.encoder.tokens).toEqual([2, 5, 6, 8, 3]);
    const marian = JSON.parse(
      runTraceCli(
        ['--model', join(fixtures, 'marian-f32'), '--text', 'the dog saw a cat.'],
        noFile,
        folderFiles,
      ).stdout,
    ) as { encoder: { tokens: number[] }; decoder: { tokens: number[] } };
    expect(marian.encoder.tokens).toEqual([2, 3, 5, 6, 4, 15, 0]);
    expect(marian.decoder.tokens).toEqual([47]);
  });
});

describe('trace CLI on Hugging Face folders, as a process (npm run -s trace)', { timeout: 180_000 }, () => {
  it("prints each family's golden trace (F32 and F16) and exits 0", async () => {
    const outs = await Promise.all(
      cases.map((name) => trace(['--model', join(fixtures, name), ...fixture(name).args])),
    );
    outs.forEach((out, i) => {
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout.trim().split('\n')).toHaveLength(1);
      expect(compareTrace(fixture(cases[i]).trace, JSON.parse(out.stdout))).toEqual([]);
    });
  });

  it('refuses a folder with an unknown model_type in one line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hf-cli-'));
    cpSync(join(fixtures, 'gpt2-f32'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, model_type: 't5' }));
    const out = await trace(['--model', dir, '--text', 'hello']);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe("trace: bad model file: T5's relative position bias is not supported yet\n");
  });
});
