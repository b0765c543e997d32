// Four small tasks for training in the browser (#/learn/train-your-own): reverse, copy and sort
// (encoder-decoder) and an induction-style copy (decoder-only), on strings of 3–8 letters from a
// small alphabet, so a one- or two-layer model with dModel 32 learns each in a minute or two.
import type { Example } from '../model/train/batch';
import { isHeldOut } from './split';
import { BOS, EOS, SPECIALS, indexer } from './vocab';

export type ToyTaskName = 'reverse' | 'copy' | 'sort' | 'induction';
export const TOY_TASKS: readonly ToyTaskName[] = ['reverse', 'copy', 'sort', 'induction'];

/** The letters the tasks draw from: few enough that every letter is seen often in a minute. */
export const TOY_LETTERS = 'abcdefghijklmn';
/** Separates the two halves of an induction sequence. */
export const SEP = '|';
export const toyVocab: string[] = [...SPECIALS, ...TOY_LETTERS, SEP];
const id = indexer(toyVocab);
export const SEP_ID = id(SEP);

export const MIN_CHARS = 3;
export const MAX_CHARS = 8;
/** Longest sequence any task builds: <bos> + 8 + | + 8 + <eos> (induction). */
export const TOY_MAX_LEN = 2 * MAX_CHARS + 3;

export interface ToyTask {
  name: ToyTaskName;
  title: string;
  arch: 'encoder-decoder' | 'decoder-only';
  /** One line on what solving the task asks of attention. */
  attentionNeeds: string;
  /** The expected output text for an input word. */
  answer: (word: string) => string;
  /** Ids for teacher forcing: source (encoder-decoder), decoder input and targets (−1 = not scored). */
  example: (word: string) => Example;
  /** A fixed input whose attention the playground draws at every update. */
  probe: string;
}

/** A random word of MIN_CHARS..MAX_CHARS letters; `distinct` draws without replacement. */
export function toyWord(rand: () => number, distinct: boolean): string {
  const n = MIN_CHARS + Math.floor(rand() * (MAX_CHARS - MIN_CHARS + 1));
  const pool = [...TOY_LETTERS];
  let w = '';
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rand() * pool.length);
    w += pool[k];
    if (distinct) pool.splice(k, 1);
  }
  return w;
}

const ids = (s: string) => [...s].map(id);

/** Encoder-decoder example: the word in, `out` written after <bos>, then <eos>. */
function seq2seq(word: string, out: string): Example {
  const o = ids(out);
  return { src: ids(word), tokens: [BOS, ...o], targets: [...o, EOS] };
}

/** Decoder-only: `<bos> word | word <eos>`; only the second copy (and <eos>) is scored. */
function induction(word: string): Example {
  const w = ids(word);
  const tokens = [BOS, ...w, SEP_ID, ...w]; // [2n+2]
  const targets = [...w.map(() => -1), -1, ...w, EOS]; // target of position t is token t+1
  return { tokens, targets };
}

const reversed = (w: string) => [...w].reverse().join('');
const sorted = (w: string) => [...w].sort().join('');

export const toyTasks: Record<ToyTaskName, ToyTask> = {
  reverse: {
    name: 'reverse',
    title: 'Reverse',
    arch: 'encoder-decoder',
    attentionNeeds: 'Output letter t must read source position n−1−t: cross-attention draws an anti-diagonal, which needs positions.',
    answer: reversed,
    example: (w) => seq2seq(w, reversed(w)),
    probe: 'abcdefg',
  },
  copy: {
    name: 'copy',
    title: 'Copy',
    arch: 'encoder-decoder',
    attentionNeeds: 'Output letter t reads source position t: cross-attention draws the diagonal.',
    answer: (w) => w,
    example: (w) => seq2seq(w, w),
    probe: 'gfedcba',
  },
  sort: {
    name: 'sort',
    title: 'Sort',
    arch: 'encoder-decoder',
    attentionNeeds: 'Each output letter looks for the smallest source letter after the one just written: attention by content, not position.',
    answer: sorted,
    example: (w) => seq2seq(w, sorted(w)),
    probe: 'fcagdbe',
  },
  induction: {
    name: 'induction',
    title: 'Induction copy',
    arch: 'decoder-only',
    attentionNeeds: 'In the second copy, each letter finds its earlier match and reads the letter after it: a previous-token head feeding an induction head (two layers).',
    answer: (w) => w,
    example: induction,
    probe: 'cfajdg',
  },
};

/** Letters are distinct in sort and induction, so "the next larger letter" and "the earlier match" are unique. */
const distinctLetters = (task: ToyTaskName) => task === 'sort' || task === 'induction';

/** True for the held-out words of a task (about one in ten), never drawn for training. */
export function isToyHeldOut(task: ToyTaskName, word: string): boolean {
  return isHeldOut(`toy:${task}:${word}`);
}

/** A training word for `task`: never a held-out one. */
export function toyTrainingWord(task: ToyTaskName, rand: () => number): string {
  for (;;) {
    const w = toyWord(rand, distinctLetters(task));
    if (!isToyHeldOut(task, w)) return w;
  }
}

/** `n` distinct words on one side of the split, the same for a given `rand` seed. */
export function toyWords(task: ToyTaskName, n: number, rand: () => number, heldOut: boolean): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const w = toyWord(rand, distinctLetters(task));
    if (isToyHeldOut(task, w) === heldOut) out.add(w);
  }
  return [...out];
}

/** A training example drawn with `rand` only (so a seed fixes the run). */
export function sampleToy(task: ToyTaskName): (rand: () => number) => Example {
  const t = toyTasks[task];
  return (rand) => t.example(toyTrainingWord(task, rand));
}

/** Token labels for the probe's attention axes: source and decoder input. */
export function toyLabels(example: Example): { src?: string[]; tokens: string[] } {
  const label = (i: number) => toyVocab[i] ?? '?';
  return { src: example.src?.map(label), tokens: example.tokens.map(label) };
}
