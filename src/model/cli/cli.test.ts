// The trace CLI: the golden cases through the real command (npm run -s trace), and every kind of
// bad input refused with one line on stderr and exit code 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrace, goldenCases, readFixture as fixture } from '../golden/fixtures';
import { readSafetensors, writeSafetensors } from '../safetensors';
import { runTraceCli } from './run';
import { traceCommand as trace } from './runCommand';

const golden = join(import.meta.dirname, '..', 'golden');

const decoderFile = join(golden, 'decoder_learned_pre_gelu_causal.safetensors');
const encdecFile = join(golden, 'encdec_sinusoidal_post_relu.safetensors');
const files = new Map<string, Uint8Array>();
const readFake = (path: string): Uint8Array => {
  const bytes = files.get(path) ?? (path.startsWith('/') ? new Uint8Array(readFileSync(path)) : undefined);
  if (!bytes) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return bytes;
};

/** The decoder model with one tensor removed. */
function withoutTensor(name: string): Uint8Array {
  const { tensors, metadata } = readSafetensors(new Uint8Array(readFileSync(decoderFile)));
  tensors.delete(name);
  return writeSafetensors(tensors, metadata);
}
files.set('bad-header.safetensors', new Uint8Array([255, 255, 0, 0, 0, 0, 0, 0, 123]));
files.set('missing-tensor.safetensors', withoutTensor('decoder.layers.1.linear2.weight'));

const badCases: { name: string; args: string[]; message: RegExp }[] = [
  {
    name: 'missing file',
    args: ['--model', 'nope.safetensors', '--input', '1 2'],
    message: /cannot read model file nope\.safetensors: no such file/,
  },
  {
    name: 'malformed file',
    args: ['--model', 'bad-header.safetensors', '--input', '1 2'],
    message: /bad model file: bad header length/,
  },
  {
    name: 'missing tensor',
    args: ['--model', 'missing-tensor.safetensors', '--input', '1 2'],
    message: /missing tensor decoder\.layers\.1\.linear2\.weight \(expected shape \[8, 16\]\)/,
  },
  { name: 'empty sequence', args: ['--model', decoderFile, '--input', ''], message: /input: empty sequence/ },
  {
    name: 'empty target',
    args: ['--model', encdecFile, '--src', '1 2', '--tgt', ' '],
    message: /target: empty sequence/,
  },
  {
    name: 'token not a number',
    args: ['--model', decoderFile, '--input', '1 x 3'],
    message: /"x" is not a token id/,
  },
  {
    name: 'negative token',
    args: ['--model', decoderFile, '--input', '1 -3'],
    message: /"-3" is not a token id/,
  },
  {
    name: 'token outside the vocabulary',
    args: ['--model', decoderFile, '--input', '1 11'],
    message: /token id 11 is outside the vocabulary \[0, 11\)/,
  },
  {
    name: 'longer than maxLen (learned)',
    args: ['--model', decoderFile, '--input', Array(17).fill(1).join(' ')],
    message: /17 tokens exceed maxLen 16/,
  },
  {
    name: 'unknown flag',
    args: ['--model', decoderFile, '--input', '1', '--top-k', '3'],
    message: /unknown flag --top-k/,
  },
  {
    name: 'stray argument',
    args: ['--model', decoderFile, '--input', '1', 'extra'],
    message: /unexpected argument "extra"/,
  },
  { name: 'flag without value', args: ['--model', decoderFile, '--input'], message: /--input needs a value/ },
  { name: 'no model', args: ['--input', '1 2'], message: /--model FILE is required/ },
  { name: 'no input', args: ['--model', decoderFile], message: /an input is required/ },
  {
    name: 'input and src',
    args: ['--model', decoderFile, '--input', '1', '--src', '1', '--tgt', '2'],
    message: /either --input or --src/,
  },
  {
    name: 'src without tgt',
    args: ['--model', encdecFile, '--src', '1'],
    message: /--src and --tgt go together/,
  },
  {
    name: 'encoder-decoder given --input',
    args: ['--model', encdecFile, '--input', '1 2'],
    message: /encoder-decoder model: give --src/,
  },
  {
    name: 'decoder-only given --src',
    args: ['--model', decoderFile, '--src', '1', '--tgt', '2'],
    message: /decoder-only model: give --input/,
  },
  {
    name: 'unknown mask',
    args: ['--model', decoderFile, '--input', '1', '--mask', 'diagonal'],
    message: /--mask must be full, causal or prefix/,
  },
  {
    name: 'prefix mask without length',
    args: ['--model', decoderFile, '--input', '1', '--mask', 'prefix'],
    message: /--mask prefix needs --prefix N/,
  },
  {
    name: 'bad prefix',
    args: ['--model', decoderFile, '--input', '1', '--mask', 'prefix', '--prefix', '-1'],
    message: /--prefix must be a non-negative integer/,
  },
  {
    name: 'zero temperature',
    args: ['--model', decoderFile, '--input', '1', '--temperature', '0'],
    message: /--temperature must be a number > 0/,
  },
  {
    name: 'temperature not a number',
    args: ['--model', decoderFile, '--input', '1', '--temperature', 'hot'],
    message: /--temperature must be a number > 0/,
  },
  {
    name: 'ablate: layer out of range',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'decoder.2.0'],
    message: /ablate decoder\.2\.0: decoder layer 2 does not exist \(the decoder has layers 0–1\)/,
  },
  {
    name: 'ablate: head out of range',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'decoder.1.2'],
    message: /head 2 does not exist \(heads 0–1\)/,
  },
  {
    name: 'ablate: unknown stack',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'middle.0.0'],
    message: /"middle\.0\.0" is not a head: write STACK\.LAYER\.HEAD/,
  },
  {
    name: 'ablate: a stack the model lacks',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'encoder.0.0'],
    message: /this decoder-only model has no encoder/,
  },
  {
    name: 'ablate: cross-attention on a model without it',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'decoder.0.cross.0'],
    message: /only the decoder of an encoder-decoder model has cross-attention/,
  },
  {
    name: 'ablate: cross-attention of the encoder',
    args: ['--model', encdecFile, '--src', '1', '--tgt', '2', '--ablate', 'encoder.0.cross.0'],
    message: /only the decoder of an encoder-decoder model has cross-attention/,
  },
  {
    name: 'ablate: not a number',
    args: ['--model', decoderFile, '--input', '1', '--ablate', 'decoder.one.0'],
    message: /"decoder\.one\.0" is not a head/,
  },
  {
    name: 'ablate without value',
    args: ['--model', decoderFile, '--input', '1', '--ablate'],
    message: /--ablate needs a value/,
  },
  {
    name: 'lens with a value',
    args: ['--model', decoderFile, '--input', '1', '--lens=yes'],
    message: /--lens takes no value/,
  },
  {
    name: 'flag given twice',
    args: ['--model', decoderFile, '--input', '1', '--input', '2'],
    message: /--input given twice/,
  },
];

describe('trace CLI, in process', () => {
  for (const name of goldenCases) {
    it(`golden ${name}`, () => {
      const f = fixture(name);
      const out = runTraceCli(['--model', join(golden, `${name}.safetensors`), ...f.args], readFake);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(compareTrace(f.trace, JSON.parse(out.stdout))).toEqual([]);
    });
  }
  for (const c of badCases) {
    it(`refuses: ${c.name}`, () => {
      const out = runTraceCli(c.args, readFake);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(c.message);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }
  it('accepts --flag=value and prints usage on --help', () => {
    const out = runTraceCli([`--model=${decoderFile}`, '--input=1,2,3'], readFake);
    expect(out.code).toBe(0);
    expect((JSON.parse(out.stdout) as { argmax: number[] }).argmax).toHaveLength(3);
    expect(runTraceCli(['--help'], readFake).stdout).toMatch(/^usage:/);
  });
  it('--ablate repeats, --lens adds lens.<stack>.<layer>, and a plain run has neither', () => {
    const args = ['--model', decoderFile, '--input', '1 2 3'];
    const plain = JSON.parse(runTraceCli(args, readFake).stdout) as { lens?: unknown; logits: number[][] };
    const out = runTraceCli([...args, '--ablate', 'decoder.0.0', '--ablate=decoder.1.1', '--lens'], readFake);
    expect(out.code).toBe(0);
    const t = JSON.parse(out.stdout) as { lens: { decoder: number[][][] }; logits: number[][]; decoder: { layers: { selfAttention: { headOutputs: number[][][] } }[] } };
    expect(plain.lens).toBeUndefined();
    expect(t.lens.decoder).toHaveLength(2);
    expect(t.lens.decoder[1]).toEqual(t.logits); // the last layer's lens is the prediction itself
    expect(t.decoder.layers[0].selfAttention.headOutputs[0].flat().every((x) => x === 0)).toBe(true);
    expect(t.decoder.layers[1].selfAttention.headOutputs[1].flat().every((x) => x === 0)).toBe(true);
    expect(t.logits).not.toEqual(plain.logits);
  });
});

// Each spawns npm + tsx; on a busy 2-core machine that takes seconds, hence the longer timeout.
describe('trace CLI, as a process (npm run -s trace)', { timeout: 180_000 }, () => {
  it('prints each golden trace as one JSON object and exits 0', async () => {
    const outs = await Promise.all(
      goldenCases.map((name) =>
        trace(['--model', join(golden, `${name}.safetensors`), ...fixture(name).args]),
      ),
    );
    outs.forEach((out, i) => {
      expect(out.code).toBe(0);
      expect(out.stdout.trim().split('\n')).toHaveLength(1);
      expect(compareTrace(fixture(goldenCases[i]).trace, JSON.parse(out.stdout))).toEqual([]);
    });
  });

  it('refuses bad files and flags with one line on stderr, exit 2, no stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trace-cli-'));
    const notJson = join(dir, 'not-json.safetensors');
    const header = new TextEncoder().encode('{not json');
    const bytes = new Uint8Array(8 + header.length);
    new DataView(bytes.buffer).setBigUint64(0, BigInt(header.length), true);
    bytes.set(header, 8);
    writeFileSync(notJson, bytes);
    const cases: [string[], RegExp][] = [
      [['--model', join(dir, 'missing.safetensors'), '--input', '1'], /no such file/],
      [['--model', notJson, '--input', '1'], /header is not valid JSON/],
      [['--model', decoderFile, '--input', '1 99'], /outside the vocabulary/],
      [['--model', decoderFile, '--input', '1', '--bogus'], /unknown flag --bogus/],
      [['--model', decoderFile, '--input', '1', '--ablate', 'decoder.7.0'], /decoder layer 7 does not exist/],
    ];
    const outs = await Promise.all(cases.map(([args]) => trace(args)));
    outs.forEach((out, i) => {
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(cases[i][1]);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
