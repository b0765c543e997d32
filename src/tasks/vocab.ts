// Vocabulary helpers shared by the tasks: special tokens first (ids fixed), then the symbols.

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const SPECIALS = ['<pad>', '<bos>', '<eos>'] as const;

/** A token → id lookup that throws on an unknown token (a generator bug, never user input). */
export function indexer(vocab: readonly string[]): (token: string) => number {
  const ids = new Map(vocab.map((t, i) => [t, i]));
  return (token) => {
    const id = ids.get(token);
    if (id === undefined) throw new Error(`token ${JSON.stringify(token)} is not in the vocabulary`);
    return id;
  };
}
