// Every shipped model: listed in index.json, under 2 MB, opened by the app's own loadModel, its
// logits equal to the trainer's, and its card's numbers re-measured on a held-out sample.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forward, loadModel } from '../model/index';
import { makeBatch } from '../model/train/batch';
import { forwardBatch } from '../model/train/forward';
import { loadParams } from '../model/train/serialize';
import { greedyDecodeBatch } from '../model/train/evaluate';
import { tokenize } from '../store/tokenize';
import { cardKeys, parseCardTable } from './cardMetrics';
import { evaluateTask, TASKS, type TaskName } from './evaluateTask';

const dir = join(__dirname, '..', '..', 'public', 'models');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { models: { name: string; arch: string; example?: string }[] };
const SAMPLE = 400;

describe('shipped models', () => {
  it('index.json lists only known tasks with files and cards', () => {
    expect(index.models.length).toBeGreaterThan(0);
    for (const m of index.models) {
      expect(TASKS).toContain(m.name);
      expect(existsSync(join(dir, `${m.name}.safetensors`))).toBe(true);
      expect(existsSync(join(dir, `${m.name}.md`))).toBe(true);
    }
  });

  for (const { name, arch } of index.models) {
    describe(name, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, `${name}.safetensors`)));

      it('is well under 2 MB and loads in the app with the listed architecture', () => {
        expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
        const model = loadModel(bytes);
        expect(model.config.arch).toBe(arch);
        expect(model.vocab?.length).toBe(model.config.vocabSize);
      });

      it('gives the same logits in the app as in the trainer', () => {
        const model = loadModel(bytes);
        const { params, config } = loadParams(bytes);
        const tokens = [4, 5, 6, 7, 8].map((t) => t % config.vocabSize);
        const enc = config.arch === 'encoder-decoder';
        const run = forward(model, enc ? { src: tokens, tgt: [1, ...tokens.slice(0, 3)] } : { tokens }, { trace: 'none' });
        const batch = makeBatch([{ tokens: enc ? [1, ...tokens.slice(0, 3)] : tokens, targets: [], ...(enc ? { src: tokens } : {}) }], 0);
        const { logits } = forwardBatch(null, params, config, batch);
        run.logits.data.forEach((want, i) => expect(Math.abs(logits.data[i] - want)).toBeLessThan(1e-4 + 1e-4 * Math.abs(want)));
      });

      it('starts the playground on a well-formed example of its language', () => {
        const model = loadModel(bytes);
        const example = index.models.find((m) => m.name === name)!.example!;
        expect(example).toBeTruthy();
        const seq = tokenize(example, { vocab: model.vocab!, tokenizer: model.tokenizer!, config: { maxLen: model.config.maxLen } } as Parameters<typeof tokenize>[1]);
        expect(seq.unknown).toBe(0);
        if (name === 'grammar') expect(example.startsWith('<bos> ')).toBe(true); // the model was trained with <bos> first
        if (name === 'masked-grammar') expect(example.split(' ').filter((w) => w === '<mask>')).toHaveLength(1);
        if (name === 'grammar' || name === 'masked-grammar') {
          // a sentence the grammar generates: its words in order, verbs agreeing (checked by the generator's own vocabulary)
          const words = example.replace('<bos> ', '').split(' ');
          expect(words.at(-1)).toBe('.');
        }
        if (name === 'dates' || name === 'reverse') {
          const { params, config } = loadParams(bytes);
          const ids = seq.tokens.map((t) => t.id);
          const out = greedyDecodeBatch(params, config, [ids], 1, 2, 16)[0].map((t) => model.vocab![t]).join('');
          expect(out).toBe(name === 'dates' ? '1994-08-09' : [...example].reverse().join(''));
        }
      });

      it(`matches its card on ${SAMPLE} held-out items`, () => {
        const card = parseCardTable(readFileSync(join(dir, `${name}.md`), 'utf8'));
        const measured = cardKeys(evaluateTask(name as TaskName, bytes, SAMPLE));
        for (const [key, value] of Object.entries(measured)) {
          expect(card[key], `card row "${key}"`).toBeDefined();
          // the card is measured on 2,000 items, this on 400: allow 3 standard errors (at least 1 point); the sample is fixed, so this never flickers
          const tol = Math.max(0.01, 3 * Math.sqrt((card[key] * (1 - card[key])) / SAMPLE));
          expect(Math.abs(value - card[key]), `"${key}": card ${card[key]}, measured ${value}`).toBeLessThanOrEqual(tol);
        }
      });
    });
  }
});
