// Text → tokens for the UI, on top of the model's tokenizer (src/model/tokenizer.ts: character- or
// word-level pieces from the file's metadata, special tokens typed literally). What the UI adds: a
// piece outside the vocabulary becomes `<unk>` — or, without an `<unk>`, is left out and counted,
// so typing never throws — and inputs longer than maxLen are cut with a count (shown, never silent).
import { createTokenizer, decode, splitPieces, type Tokenizer } from '../model/tokenizer';
import type { ModelInfo, Token, TokenizedSequence } from './types';

/** The model's tokenizer with its special ids, built once per model. */
export interface Vocabulary {
  tokenizer: Tokenizer;
  unk: number | undefined;
  bos: number | undefined;
  eos: number | undefined;
  pad: number | undefined;
}

/** Builds the tokenizer of a loaded model. */
export function vocabularyOf(info: Pick<ModelInfo, 'vocab' | 'tokenizer'>): Vocabulary {
  const tokenizer = createTokenizer({ vocab: info.vocab, tokenizer: info.tokenizer });
  const { unk, bos, eos, pad } = tokenizer.special;
  return { tokenizer, unk, bos, eos, pad };
}

/**
 * Tokenizes text for a model. A word not in the vocabulary is tried lower-cased, then becomes
 * `<unk>`; without an `<unk>` it is left out and counted. `prepend` adds ids first (e.g. `<bos>`).
 */
export function tokenize(
  text: string,
  info: Pick<ModelInfo, 'vocab' | 'tokenizer' | 'config'>,
  vocabulary: Vocabulary = vocabularyOf(info),
  prepend: number[] = [],
): TokenizedSequence {
  const { tokenizer } = vocabulary;
  const tokens: Token[] = prepend.map((id) => ({ id, text: info.vocab[id] }));
  let unknown = 0;
  const unknownPieces: string[] = [];
  for (const piece of splitPieces(tokenizer, text)) {
    const id = tokenizer.idOf.get(piece) ?? (tokenizer.kind === 'word' ? tokenizer.idOf.get(piece.toLowerCase()) : undefined);
    if (id !== undefined) tokens.push({ id, text: piece });
    else {
      unknown++;
      unknownPieces.push(piece);
      if (vocabulary.unk !== undefined) tokens.push({ id: vocabulary.unk, text: piece });
    }
  }
  const maxLen = info.config.maxLen;
  const dropped = Math.max(0, tokens.length - maxLen);
  return { tokens: dropped > 0 ? tokens.slice(0, maxLen) : tokens, dropped, unknown, unknownPieces };
}

/** Turns ids back into text with the model's tokenizer (characters joined, words with spaces). */
export function detokenize(ids: readonly number[], vocabulary: Vocabulary): string {
  return decode(vocabulary.tokenizer, ids);
}
