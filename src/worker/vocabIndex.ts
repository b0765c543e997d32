// A vocabulary's piece → id index as one Int32Array (open addressing, FNV-1a hashes), built in the
// worker and moved to the page without a copy. The page then needs no per-piece work at all: a
// Map of 10⁶ words would cost it seconds of main-thread time (issue 13), this costs nothing.

/** FNV-1a over UTF-16 code units: the same hash on both sides of the worker boundary. */
export function hashPiece(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Slots (a power of two, at least twice the vocabulary) holding ids, -1 where empty; first id of a piece wins. */
export function buildVocabIndex(vocab: readonly string[]): Int32Array {
  let size = 1;
  while (size < 2 * vocab.length) size *= 2;
  const slots = new Int32Array(size).fill(-1); // [size]
  const mask = size - 1;
  for (let id = 0; id < vocab.length; id++) {
    let i = hashPiece(vocab[id]) & mask;
    while (slots[i] !== -1 && vocab[slots[i]] !== vocab[id]) i = (i + 1) & mask;
    if (slots[i] === -1) slots[i] = id;
  }
  return slots;
}

/** The id of `piece`, or undefined. */
export function lookupPiece(slots: Int32Array, vocab: readonly string[], piece: string): number | undefined {
  const mask = slots.length - 1;
  for (let i = hashPiece(piece) & mask; slots[i] !== -1; i = (i + 1) & mask) if (vocab[slots[i]] === piece) return slots[i];
  return undefined;
}

/** The index as the ReadonlyMap a tokenizer reads (`idOf`): lookups through the slots, no Map built. */
export class IndexedVocab implements ReadonlyMap<string, number> {
  readonly size: number;
  constructor(
    private readonly slots: Int32Array,
    private readonly vocab: readonly string[],
  ) {
    let n = 0;
    for (const id of slots) if (id !== -1) n++;
    this.size = n;
  }
  get(piece: string): number | undefined {
    return lookupPiece(this.slots, this.vocab, piece);
  }
  has(piece: string): boolean {
    return this.get(piece) !== undefined;
  }
  *entries(): MapIterator<[string, number]> {
    for (let id = 0; id < this.vocab.length; id++) if (this.get(this.vocab[id]) === id) yield [this.vocab[id], id];
  }
  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  *values(): MapIterator<number> {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(cb: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [k, v] of this.entries()) cb(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
