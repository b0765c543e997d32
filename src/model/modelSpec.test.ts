// docs/model-spec.md is the contract the code cites: it must name every config field, positional
// scheme, trace key and CLI flag the code has, and no file may cite the old out-of-repo spec.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from './cli/args';
import { parseConfig, POSITIONALS } from './config';
import { ATTENTION_FIELDS, HEAD_FIELDS, LAYER_FIELDS, STACK_FIELDS } from './trace';

const root = join(import.meta.dirname, '..', '..');
const spec = readFileSync(join(root, 'docs', 'model-spec.md'), 'utf8');

describe('docs/model-spec.md', () => {
  it('names every config field', () => {
    const config = parseConfig({ arch: 'encoder-decoder', vocabSize: 4, dModel: 4, nHeads: 2, dFF: 4, nLayers: 1, nDecoderLayers: 1, maxLen: 4, positional: 'none', norm: 'pre', activation: 'relu' });
    for (const field of Object.keys(config)) expect(spec, field).toContain(`| \`${field}\` |`);
  });

  it('describes every positional scheme', () => {
    for (const p of POSITIONALS) expect(spec.toLowerCase(), p).toContain(`- **${p}**`);
  });

  it('lists every trace key', () => {
    for (const f of STACK_FIELDS) expect(spec, f).toContain(`\`{stack}.${f}\``);
    for (const f of LAYER_FIELDS) expect(spec, f).toContain(`\`{stack}.layers.{i}.${f}\``);
    for (const f of ATTENTION_FIELDS) expect(spec, f).toContain(`\`{stack}.layers.{i}.{attn}.${f}\``);
    for (const f of HEAD_FIELDS) expect(spec, f).toContain(`| \`${f}\` |`);
  });

  it('documents every flag of the trace CLI and its exit codes', () => {
    const flags = USAGE.match(/--[a-z]+/g) ?? [];
    expect(flags.length).toBeGreaterThanOrEqual(7);
    for (const flag of new Set(flags)) expect(spec, flag).toContain(`\`${flag}\``);
    for (const code of [0, 1, 2]) expect(spec).toContain(`| ${code} |`);
  });

  it('is what the sources cite: nothing points at the shared spec outside the repository', () => {
    const cites: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (['node_modules', '.git'].includes(name) || name.startsWith('dist')) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mjs|js|md)$/.test(name) && /spec\/model\.md/.test(readFileSync(path, 'utf8'))) cites.push(relative(root, path));
      }
    };
    for (const dir of ['src', 'docs', 'scripts', 'bench', 'e2e']) walk(join(root, dir));
    if (/spec\/model\.md/.test(readFileSync(join(root, 'README.md'), 'utf8'))) cites.push('README.md');
    expect(cites).toEqual([]);
  });
});
