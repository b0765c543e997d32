// The words of a vocabulary nearest to an unknown word, so the notice for a word the model cannot
// read can say what it does know: Levenshtein distance (insert, delete, substitute), ties broken
// by vocabulary order. Special tokens (<…>) are never suggested. Small and pure, written by hand
// because the shipped vocabularies have at most a few hundred entries. A user's file can hold a
// million words: past MAX_SCAN entries no suggestion is computed, so the page never stalls on it.

/** Edit distance between a and b. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Vocabularies larger than this get no suggestions (an edit distance to every entry would block the page). */
export const MAX_SCAN = 20_000;

/** The `n` entries of `vocab` nearest to `word` (lower-cased), nearest first; none for a vocabulary over MAX_SCAN. */
export function nearestKnown(word: string, vocab: readonly string[], n = 3): string[] {
  if (vocab.length > MAX_SCAN) return [];
  const w = word.toLowerCase();
  return vocab
    .map((v, i) => ({ v, i, d: v.startsWith('<') || v.trim() === '' ? Infinity : editDistance(w, v.toLowerCase()) }))
    .filter((x) => Number.isFinite(x.d))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, n)
    .map((x) => x.v);
}

/** One sentence about the pieces a model could not read and the known pieces nearest to them. */
export function unknownSentence(pieces: readonly string[], vocab: readonly string[], hasUnk: boolean, kind: 'word' | 'char'): string {
  const shown = [...new Set(pieces)].slice(0, 3);
  const what = kind === 'word' ? 'word' : 'character';
  const fate = hasUnk ? 'read as <unk>' : 'left out';
  const near = shown
    .map((p) => {
      const close = nearestKnown(p, vocab);
      return close.length ? `“${p}” (nearest: ${close.map((v) => `“${v}”`).join(', ')})` : `“${p}”`;
    })
    .join('; ');
  const more = pieces.length > shown.length ? ` and ${pieces.length - shown.length} more` : '';
  return `This model knows only the ${vocab.length} pieces of its vocabulary, so ${pieces.length === 1 ? `the ${what}` : `these ${what}s`} ${near}${more} ${pieces.length === 1 ? 'was' : 'were'} ${fate}.`;
}
