// Byte-pair encoding, small enough to learn in the browser: start from single characters (plus an
// end-of-word marker), count every adjacent pair over a corpus, merge the most frequent pair into
// one symbol, and repeat. The learned merges, applied in order, cut any word into sub-word pieces:
// frequent words end up whole, rare ones in pieces, and no word is ever out of the vocabulary.

export const END = '·'; // marks the end of a word, so "er·" (a word ending) differs from "er"

/** One learned merge: the two symbols joined, in the order they were learned. */
export type Merge = readonly [string, string];

/** Words of a text, lower-cased letters only. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** `count` merges learned from `corpus` (ties broken by the pair's text, so the result is fixed). */
export function learnMerges(corpus: string, count: number): Merge[] {
  const freq = new Map<string, number>();
  for (const w of wordsOf(corpus)) freq.set(w, (freq.get(w) ?? 0) + 1);
  let words = [...freq].map(([w, n]) => ({ symbols: [...w, END], n }));
  const merges: Merge[] = [];
  for (let m = 0; m < count; m++) {
    const pairs = new Map<string, number>();
    for (const { symbols, n } of words)
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = `${symbols[i]}\u0000${symbols[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + n);
      }
    let best: string | null = null;
    for (const [key, n] of pairs) if (best === null || n > pairs.get(best)! || (n === pairs.get(best)! && key < best)) best = key;
    if (best === null || pairs.get(best)! < 2) break; // nothing repeats: stop
    const [a, b] = best.split('\u0000') as [string, string];
    merges.push([a, b]);
    words = words.map(({ symbols, n }) => ({ symbols: mergePair(symbols, a, b), n }));
  }
  return merges;
}

/** Joins every adjacent (a, b) in `symbols`, left to right. */
export function mergePair(symbols: readonly string[], a: string, b: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    if (i + 1 < symbols.length && symbols[i] === a && symbols[i + 1] === b) {
      out.push(a + b);
      i++;
    } else out.push(symbols[i]);
  }
  return out;
}

/** The pieces of `word` after each merge that changed it: [characters, …, final pieces]. */
export function segmentSteps(word: string, merges: readonly Merge[]): { pieces: string[]; merge: Merge | null }[] {
  let symbols = [...word.toLowerCase().replace(/[^a-z]/g, ''), END];
  const steps: { pieces: string[]; merge: Merge | null }[] = [{ pieces: symbols, merge: null }];
  for (const [a, b] of merges) {
    const next = mergePair(symbols, a, b);
    if (next.length !== symbols.length) {
      symbols = next;
      steps.push({ pieces: symbols, merge: [a, b] });
    }
  }
  return steps;
}

/** A short English text written for this course: the corpus the merges are learned from. */
export const BPE_CORPUS = `
The transformer reads all the tokens of a sentence at once. Each token looks at the other tokens
and takes what it needs from them. The tokens are pieces of words: frequent words are kept whole,
and rarer words are cut into smaller pieces that are shared with other words. Reading, reader,
readers and readable share the piece read; learning, learner and learned share learn; the endings
ing, er, ers, ed and able come back again and again. A tokenizer that learned its pieces from text
can cut any new word into pieces it knows, down to single letters if it must, so no word is ever
unknown. The training text decides which pieces exist: the most frequent pairs of symbols are
merged first, then pairs of those pieces, until the vocabulary has the size the designers wanted.
Transformers, transforming and transformed share transform; attention, attending and attended
share attend; the longer the text, the longer the pieces. Walking, talking, working, playing,
looking, thinking, making and taking all end in ing; walked, talked, worked, played and looked end
in ed; walker, talker, worker, player and looker end in er; unkind, undo, unable and unknown begin
with un.`;
