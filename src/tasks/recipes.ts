// One recipe per shipped model: its config, training schedule, data sampler and the quick
// check used to stop training. scripts/train.ts runs them; tests reuse them.
import type { Example } from '../model/train/batch';
import type { TrainConfig } from '../model/train/config';
import type { TrainOptions } from '../model/train/loop';
import type { Params } from '../model/train/params';
import { seededRandom } from '../model/train/rng';
import { randomWord, reverseVocab, sampleReverse } from './reverse';
import { reverseMetrics } from './reverseMetrics';
import { isHeldOut } from './split';
import { DAY_COUNT, datesVocab, isHeldOutDate, randomRendering, sampleDate, type DateText } from './dates';
import { datesMetrics } from './datesMetrics';
import { grammarVocab, randomSentence, trainingSentence, isHeldOutSentence, type Sentence } from './grammar';
import { grammarExample, grammarMetrics, maskedMetrics, maskedSample } from './grammarMetrics';

export interface Recipe {
  task: string;
  title: string;
  description: string;
  config: TrainConfig;
  options: TrainOptions;
  vocab: string[];
  tokenizer: 'char' | 'word';
  /** A training example drawn with `rand` (never a held-out item). */
  sample: (rand: () => number) => Example;
  evalEvery: number; // steps between checks
  target: number; // the target for the check's score: its first crossing is logged as time-to-target
  maxSeconds: number; // CPU seconds: stop here even if the target is not reached
  bucket: boolean; // length-bucketed batches (less padding; batches less mixed)
  /** A quick check on fresh training-side items (not the held-out set): the score and whether
   *  it is high enough to stop. */
  check: (p: Params, c: TrainConfig) => { score: number; done: boolean };
}

/** The parts of a config every shipped model shares (dModel 64, dFF 128, scaled embeddings, padId 0). */
type ConfigChoices = Pick<TrainConfig, 'arch' | 'nHeads' | 'nLayers' | 'nDecoderLayers' | 'maxLen' | 'positional' | 'norm' | 'activation'>;

/** A recipe from what sets it apart: the config's own choices (keys in the files' order), schedule
 *  changes over 2,000 steps of 64 at seed 1, a check every 250 steps, length-bucketed batches. */
function recipe(r: Omit<Recipe, 'config' | 'options' | 'evalEvery' | 'bucket'> & {
  config: ConfigChoices; options: Partial<TrainOptions> & Pick<TrainOptions, 'lr' | 'warmup'>; bucket?: boolean;
}): Recipe {
  const { arch, nHeads, nLayers, nDecoderLayers, maxLen, positional, norm, activation } = r.config;
  const config: TrainConfig = { arch, vocabSize: r.vocab.length, dModel: 64, nHeads, dFF: 128, nLayers, ...(nDecoderLayers ? { nDecoderLayers } : {}), maxLen, positional, norm, activation, layerNormEps: 1e-5, scaleEmbedding: true, padId: 0 };
  const { steps = 2000, batchSize = 64, lr, warmup, clip = 1, seed = 1 } = r.options;
  return { ...r, config, options: { steps, batchSize, lr, warmup, clip, seed }, evalEvery: 250, bucket: r.bucket ?? true };
}

/** `n` fresh training-side items for a stopping check, the same on every call: `draw` returns null
 *  for a held-out item, which is skipped. */
function freshItems<T>(n: number, draw: (rand: () => number) => T | null): T[] {
  const rand = seededRandom(99);
  const out: T[] = [];
  while (out.length < n) {
    const item = draw(rand);
    if (item !== null) out.push(item);
  }
  return out;
}

const reverse = recipe({
  task: 'reverse', title: 'Reverse a word', vocab: reverseVocab, tokenizer: 'char', sample: sampleReverse,
  description: 'Encoder-decoder, 1+1 layers, sinusoidal positions, post-norm: reverses 3–12 letters; its cross-attention is an anti-diagonal.',
  config: { arch: 'encoder-decoder', nHeads: 2, nLayers: 1, nDecoderLayers: 1, maxLen: 16, positional: 'sinusoidal', norm: 'post', activation: 'relu' },
  // the whole cosine schedule matters: the last, small steps take held-out accuracy from ~98.7% to 99+%
  options: { lr: 2e-3, warmup: 100 },
  target: 0.99, maxSeconds: 1200,
  // mixed-length batches: bucketing made this post-norm model's updates noisier
  bucket: false,
  check: (p, c) => {
    const words = freshItems(200, (rand) => {
      const w = randomWord(rand);
      return isHeldOut(w) ? null : w;
    });
    return { score: reverseMetrics(p, c, words).exactMatch, done: false };
  },
});

const dates = recipe({
  task: 'dates', title: 'Read a date, write it in ISO', vocab: datesVocab, tokenizer: 'char', sample: sampleDate,
  description: 'Encoder-decoder, 2+1 layers, learned positions, pre-norm, ReLU: turns dates in ten human formats into YYYY-MM-DD; its cross-attention reads the year, month and day in turn.',
  config: { arch: 'encoder-decoder', nHeads: 4, nLayers: 2, nDecoderLayers: 1, maxLen: 48, positional: 'learned', norm: 'pre', activation: 'relu' },
  // ≈0.7 GFLOP a step: 2,500 steps ≈ 1.7 TFLOP, the budget the issue estimates for 98%
  options: { steps: 2500, lr: 2.5e-3, warmup: 150 },
  target: 0.98, maxSeconds: 3600,
  check: (p, c) => {
    const items = freshItems<DateText>(300, (rand) => {
      const n = Math.floor(rand() * DAY_COUNT);
      return isHeldOutDate(n) ? null : randomRendering(n, rand);
    });
    const m = datesMetrics(p, c, items);
    return { score: m.exactMatch, done: m.exactMatch >= 0.997 };
  },
});

/** Fresh training-side sentences (not held out, not simple) for the stopping check. */
const checkSentences = (n: number): Sentence[] =>
  freshItems(n, (rand) => {
    const s = randomSentence(rand);
    return isHeldOutSentence(s) || s.kind === 'simple' ? null : s;
  });

const grammar = recipe({
  task: 'grammar', title: 'Agreement across a relative clause', vocab: grammarVocab, tokenizer: 'word',
  description: 'Decoder-only, 2 layers, RoPE, pre-norm: a next-word model of a small English grammar whose verbs agree with their subjects across relative clauses.',
  config: { arch: 'decoder-only', nHeads: 4, nLayers: 2, maxLen: 24, positional: 'rope', norm: 'pre', activation: 'gelu' },
  options: { lr: 2e-3, warmup: 150 },
  sample: (rand) => grammarExample(trainingSentence(rand)),
  target: 0.95, maxSeconds: 2400,
  // runs its whole schedule: heads sharpen late
  check: (p, c) => ({ score: grammarMetrics(p, c, checkSentences(500)).agreement.attractor, done: false }),
});

const maskedGrammar = recipe({
  task: 'masked-grammar', title: 'Fill in the masked word', vocab: grammarVocab, tokenizer: 'word',
  description: 'Encoder-only, 2 layers, learned positions, post-norm: fills a <mask> in a sentence of the same grammar, looking both ways.',
  config: { arch: 'encoder-only', nHeads: 4, nLayers: 2, maxLen: 24, positional: 'learned', norm: 'post', activation: 'relu' },
  options: { lr: 1e-3, warmup: 200 },
  sample: maskedSample(trainingSentence),
  target: 0.95, maxSeconds: 2400,
  check: (p, c) => ({ score: maskedMetrics(p, c, checkSentences(500), seededRandom(7)).verbAgreement.attractor, done: false }),
});

export const recipes: Record<string, Recipe> = { reverse, dates, grammar, 'masked-grammar': maskedGrammar };
