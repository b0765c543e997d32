// One source per vocabulary: each list the model defines (positional schemes, PyTorch tensor
// names, trace keys, the argmax rule) is spelled in one module of src/model and imported
// everywhere else in src/. Scans the sources, comments left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** A file's code without its comments (line comments, JSDoc lines, trailing comments). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
    .map((line) => line.replace(/\s\/\/ .*$/, ''))
    .join('\n');

const files = sources(src).map((file) => ({ file: relative(src, file), code: code(file) }));
/**
 * The Hugging Face adapters (model/hf/) read checkpoints in their authors' own names (`self_attn`,
 * `encoder.layers.${i}`…): a different vocabulary, the checkpoint's, mapped onto ours there and only there.
 */
const ours = files.filter((f) => !f.file.startsWith('model/hf/'));
const whereOurs = (pattern: RegExp) => ours.filter((f) => pattern.test(f.code)).map((f) => f.file).sort();
const where = (pattern: RegExp) => files.filter((f) => pattern.test(f.code)).map((f) => f.file).sort();

describe('each vocabulary has one source in src/', () => {
  it('reads the sources', () => expect(files.length).toBeGreaterThan(100));

  it('the positional schemes are listed only in model/config.ts', () =>
    expect(where(/'sinusoidal'\s*[|,]\s*'learned'|'learned'\s*[|,]\s*'rope'/)).toEqual(['model/config.ts']));

  it('PyTorch tensor names are spelled only in model/params.ts', () =>
    expect(whereOurs(/['"`][^'"`\n]*(in_proj|out_proj|self_attn|multihead_attn|lm_head|pos_embed|\.weight\b|\.bias\b)/)).toEqual([
      'model/params.ts',
    ]));

  it('trace keys are built and parsed only in model/trace.ts', () => {
    expect(whereOurs(/\.layers\.\$\{|`\$\{[^`]*\}\.\$\{[^`]*\}\.(self|cross)/)).toEqual(['model/params.ts', 'model/trace.ts']);
    expect(where(/\.split\(\s*['"]\.['"]\s*\)/)).toEqual(['model/trace.ts']);
  });

  it('argmax and the seeded generator are written only in model/sample.ts', () => {
    expect(where(/let best = 0/)).toEqual(['model/sample.ts']);
    expect(where(/0x6d2b79f5/i)).toEqual(['model/sample.ts']);
  });
});
