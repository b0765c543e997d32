// The one parameter spec: its names and shapes are exactly the tensors of every golden fixture and
// every shipped model, and init, save, load and the trainer all produce and accept that list.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type ModelConfig } from './config';
import { initModel } from './init';
import { loadModel, namedTensors, saveModel } from './load';
import { defaultLayout, layoutOf, parameterSpec } from './params';
import { readSafetensors } from './safetensors';
import { initParams } from './train/params';
import { loadParams, saveParams } from './train/serialize';

const root = join(import.meta.dirname, '..', '..');
const files = [
  ...readdirSync(join(root, 'src/model/golden')).map((f) => join('src/model/golden', f)),
  ...readdirSync(join(root, 'public/models')).map((f) => join('public/models', f)),
].filter((f) => f.endsWith('.safetensors'));

const read = (file: string) => {
  const f = readSafetensors(new Uint8Array(readFileSync(join(root, file))));
  return { tensors: f.tensors, config: parseConfig(JSON.parse(f.metadata.config)) };
};
const shapesOf = (entries: Iterable<[string, { shape: readonly number[] }]>) =>
  [...entries].map(([name, t]) => [name, [...t.shape]]);
const specShapes = (config: ModelConfig, layout = defaultLayout(config)) =>
  parameterSpec(config, layout).map((s) => [s.name, s.shape]);

describe('parameterSpec', () => {
  it('finds the golden fixtures and the shipped models', () => {
    expect(files.filter((f) => f.startsWith('src/model/golden'))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith('public/models')).length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files)
    it(`names and shapes every tensor of ${file}, in file order`, () => {
      const { tensors, config } = read(file);
      const layout = layoutOf((name) => tensors.has(name));
      expect(specShapes(config, layout)).toEqual(shapesOf(tensors));
    });

  for (const file of files.filter((f) => f.startsWith('public/models')))
    it(`${file} was made with the default layout (final norm after pre-norm stacks only)`, () => {
      const { tensors, config } = read(file);
      expect(specShapes(config)).toEqual(shapesOf(tensors));
    });

  it('gives a final norm to pre-norm stacks and none to post-norm stacks of a new model', () => {
    const c = parseConfig({ arch: 'encoder-decoder', vocabSize: 5, dModel: 4, nHeads: 2, dFF: 8, nLayers: 1, nDecoderLayers: 1, maxLen: 8, positional: 'none', norm: 'pre', activation: 'relu' });
    const names = (config: ModelConfig) => parameterSpec(config).map((s) => s.name);
    expect(names(c)).toEqual(expect.arrayContaining(['encoder.norm.weight', 'decoder.norm.bias']));
    expect(names({ ...c, norm: 'post' }).filter((n) => /^(en|de)coder\.norm\./.test(n))).toEqual([]);
  });
});

describe('one spec for init, save, load and the trainer', () => {
  const base = { vocabSize: 7, dModel: 8, nHeads: 2, dFF: 12, nLayers: 2, nDecoderLayers: 1, maxLen: 10, activation: 'gelu', padId: 0 };
  const configs: ModelConfig[] = [];
  for (const arch of ['encoder-only', 'decoder-only', 'encoder-decoder'])
    for (const norm of ['pre', 'post'])
      configs.push(parseConfig({ ...base, arch, norm, positional: arch === 'encoder-only' ? 'learned' : 'rope' }));

  for (const config of configs) {
    const label = `${config.arch} ${config.norm}-norm`;
    it(`${label}: initModel → saveModel → loadModel keeps every tensor under its spec name`, () => {
      const model = initModel(config, { seed: 3, std: 0.2 });
      expect(shapesOf(namedTensors(model))).toEqual(specShapes(config));
      const again = loadModel(saveModel(model));
      const before = namedTensors(model);
      const after = namedTensors(again);
      expect(after.map(([n]) => n)).toEqual(before.map(([n]) => n));
      after.forEach(([, t], i) => expect(t.data).toEqual(before[i][1].data));
    });

    it(`${label}: the trainer initialises the spec's tensors and its file loads back`, () => {
      const params = initParams(config, 4);
      expect(shapesOf([...params])).toEqual(specShapes(config));
      const bytes = saveParams(params, config, { vocab: Array.from({ length: 7 }, (_, i) => `t${i}`), tokenizer: 'char' });
      expect(shapesOf(namedTensors(loadModel(bytes)))).toEqual(specShapes(config));
      expect(shapesOf([...loadParams(bytes).params])).toEqual(specShapes(config));
    });
  }
});
