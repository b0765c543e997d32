// Text ↔ token ids from the model's own vocabulary (docs/model-spec.md §The model file: __metadata__.vocab and .tokenizer):
// character-level, or word-level (split on whitespace; punctuation comes off unknown words).
// Special tokens (<pad> <bos> <eos> <unk> <mask>) in the text stay whole; unknown pieces become <unk>.
import { ModelInputError } from './errors';
import type { Model } from './model';

export const SPECIAL_TOKENS = ['<pad>', '<bos>', '<eos>', '<unk>', '<mask>'] as const;

/** Ids of the special tokens the vocabulary has. */
export interface SpecialIds {
  pad?: number;
  bos?: number;
  eos?: number;
  unk?: number;
  mask?: number;
}

export interface Tokenizer {
  kind: 'char' | 'word';
  vocab: readonly string[];
  idOf: ReadonlyMap<string, number>;
  special: SpecialIds;
}

/** What encode() found: ids and the text piece of each (for chips), unknown marks, truncation. */
export interface Encoded {
  ids: number[];
  pieces: string[];
  /** true where the piece was not in the vocabulary and became <unk>. */
  unknown: boolean[];
  /** The text needed more than maxLen tokens; ids hold the first maxLen. */
  truncated: boolean;
  /** Token count before truncation. */
  length: number;
}

/** Builds a tokenizer from a model's vocabulary; kind from metadata, else inferred (all single characters → char). */
export function createTokenizer(model: Pick<Model, 'vocab' | 'tokenizer'>): Tokenizer {
  const vocab = model.vocab;
  if (!vocab) throw new ModelInputError('this model has no vocabulary (__metadata__.vocab)');
  const idOf = new Map<string, number>();
  vocab.forEach((piece, id) => {
    if (!idOf.has(piece)) idOf.set(piece, id);
  });
  const special: SpecialIds = {};
  const names = { '<pad>': 'pad', '<bos>': 'bos', '<eos>': 'eos', '<unk>': 'unk', '<mask>': 'mask' } as const;
  for (const s of SPECIAL_TOKENS) if (idOf.has(s)) special[names[s]] = idOf.get(s);
  const plain = vocab.filter((p) => !(SPECIAL_TOKENS as readonly string[]).includes(p));
  const kind = model.tokenizer ?? (plain.every((p) => Array.from(p).length === 1) ? 'char' : 'word');
  return { kind, vocab, idOf, special };
}

/** Splits text into pieces: special tokens whole, then characters or whitespace-separated words. */
export function splitPieces(tokenizer: Tokenizer, text: string): string[] {
  const specials = SPECIAL_TOKENS.filter((s) => tokenizer.idOf.has(s));
  const parts = specials.length > 0 ? text.split(new RegExp(`(${specials.join('|')})`)) : [text];
  const pieces: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1)
      pieces.push(part); // a special token
    else if (tokenizer.kind === 'char') pieces.push(...Array.from(part));
    else for (const word of part.split(/\s+/)) if (word !== '') pieces.push(...splitWord(tokenizer, word));
  });
  return pieces;
}

/** A word in the vocabulary stays whole; otherwise punctuation comes off it ("cat." → "cat", "."). */
function splitWord(tokenizer: Tokenizer, word: string): string[] {
  if (tokenizer.idOf.has(word)) return [word];
  return word.match(/[\p{L}\p{N}_']+|[^\p{L}\p{N}_']/gu) ?? [word];
}

/**
 * Text → ids. `bos`/`eos` add those tokens when the vocabulary has them; with `maxLen`, longer
 * results are cut to maxLen and reported through `truncated` (never cut silently); `padTo` appends
 * <pad> up to that length. `length` counts the tokens before cutting and padding.
 */
export function encode(
  tokenizer: Tokenizer,
  text: string,
  options: { bos?: boolean; eos?: boolean; maxLen?: number; padTo?: number } = {},
): Encoded {
  const pieces = splitPieces(tokenizer, text);
  if (options.bos && tokenizer.special.bos !== undefined) pieces.unshift('<bos>');
  if (options.eos && tokenizer.special.eos !== undefined) pieces.push('<eos>');
  const ids: number[] = [];
  const unknown: boolean[] = [];
  for (const piece of pieces) {
    const id = tokenizer.idOf.get(piece);
    if (id !== undefined) {
      ids.push(id);
      unknown.push(false);
    } else if (tokenizer.special.unk !== undefined) {
      ids.push(tokenizer.special.unk);
      unknown.push(true);
    } else {
      throw new ModelInputError(`"${piece}" is not in the vocabulary, which has no <unk>`);
    }
  }
  const length = ids.length;
  const max = options.maxLen ?? Infinity;
  const truncated = length > max;
  if (truncated) {
    ids.length = max;
    pieces.length = max;
    unknown.length = max;
  }
  // Padding (to show a padding mask at work) fills up to padTo with <pad>, when there is one.
  const pad = tokenizer.special.pad;
  if (options.padTo !== undefined && pad !== undefined)
    while (ids.length < Math.min(options.padTo, max)) {
      ids.push(pad);
      pieces.push('<pad>');
      unknown.push(false);
    }
  return { ids, pieces, unknown, truncated, length };
}

/** Ids → text: characters joined as they are, words with spaces; skipSpecial drops <pad>, <bos>, … */
export function decode(
  tokenizer: Tokenizer,
  ids: readonly number[],
  options: { skipSpecial?: boolean } = {},
): string {
  const pieces: string[] = [];
  for (const id of ids) {
    const piece = tokenizer.vocab[id];
    if (piece === undefined)
      throw new ModelInputError(`token id ${id} is outside the vocabulary [0, ${tokenizer.vocab.length})`);
    if (options.skipSpecial && (SPECIAL_TOKENS as readonly string[]).includes(piece)) continue;
    pieces.push(piece);
  }
  return pieces.join(tokenizer.kind === 'char' ? '' : ' ');
}
