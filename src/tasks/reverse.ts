// The reverse task: a string of 3–12 lowercase letters in, the same letters backwards out.
// To solve it, output position t must look at source position n−1−t: the cross-attention of a
// trained model draws that anti-diagonal.
import type { Example } from '../model/train/batch';
import { isHeldOut } from './split';
import { BOS, EOS, SPECIALS, indexer } from './vocab';

export const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const reverseVocab: string[] = [...SPECIALS, ...LETTERS];
const id = indexer(reverseVocab);

/** A random word of `min`..`max` letters. */
export function randomWord(rand: () => number, min = 3, max = 12): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += LETTERS[Math.floor(rand() * 26)];
  return w;
}

/** Source ids, decoder input (<bos> + reversed) and targets (reversed + <eos>). */
export function reverseExample(word: string): Example {
  const rev = [...word].reverse().map(id);
  return { src: [...word].map(id), tokens: [BOS, ...rev], targets: [...rev, EOS] };
}

/** A training word: never one of the held-out words. */
export function sampleReverse(rand: () => number): Example {
  for (;;) {
    const w = randomWord(rand);
    if (!isHeldOut(w)) return reverseExample(w);
  }
}

/** `n` distinct held-out words, the same for a given seed. */
export function heldOutWords(n: number, rand: () => number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    const w = randomWord(rand);
    if (isHeldOut(w)) out.add(w);
  }
  return [...out];
}

export function encodeWord(word: string): number[] {
  return [...word].map(id);
}
