// Text → tokens for the UI, driven by the model file's metadata: character- or word-level pieces,
// `<unk>` for pieces outside the vocabulary, special tokens (`<bos>`, `<eos>`, `<pad>`, …) typed
// literally, and inputs longer than maxLen cut with a count of what was dropped (shown, never silent).
import type { ModelInfo, Token, TokenizedSequence } from './types';

const SPECIAL = /<[a-z]{2,6}>/g;

/** Splits text into pieces: special tokens stay whole; the rest by character or by whitespace. */
export function splitPieces(text: string, tokenizer: 'char' | 'word', specials: ReadonlySet<string>): string[] {
  const pieces: string[] = [];
  const plain = (s: string) => {
    if (tokenizer === 'char') pieces.push(...Array.from(s));
    else pieces.push(...s.split(/\s+/).filter(Boolean));
  };
  let last = 0;
  for (const m of text.matchAll(SPECIAL)) {
    if (!specials.has(m[0])) continue;
    plain(text.slice(last, m.index));
    pieces.push(m[0]);
    last = m.index + m[0].length;
  }
  plain(text.slice(last));
  return pieces;
}

/** A lookup from piece to id for one vocabulary (built once per model). */
export interface Vocabulary {
  ids: Map<string, number>;
  specials: Set<string>;
  unk: number | undefined;
  bos: number | undefined;
  eos: number | undefined;
  pad: number | undefined;
}

/** Indexes a model's vocabulary. */
export function vocabularyOf(info: Pick<ModelInfo, 'vocab'>): Vocabulary {
  const ids = new Map<string, number>();
  info.vocab.forEach((piece, id) => {
    if (!ids.has(piece)) ids.set(piece, id);
  });
  const specials = new Set(info.vocab.filter((p) => /^<[a-z]{2,6}>$/.test(p)));
  return { ids, specials, unk: ids.get('<unk>'), bos: ids.get('<bos>'), eos: ids.get('<eos>'), pad: ids.get('<pad>') };
}

/**
 * Tokenizes text for a model. Word pieces not in the vocabulary are tried lower-cased, then become
 * `<unk>`; without an `<unk>` they are left out and counted. `prepend` adds ids first (e.g. `<bos>`).
 */
export function tokenize(
  text: string,
  info: Pick<ModelInfo, 'vocab' | 'tokenizer' | 'config'>,
  vocabulary: Vocabulary = vocabularyOf(info),
  prepend: number[] = [],
): TokenizedSequence {
  const tokens: Token[] = prepend.map((id) => ({ id, text: info.vocab[id] }));
  let unknown = 0;
  for (const piece of splitPieces(text, info.tokenizer, vocabulary.specials)) {
    const id = vocabulary.ids.get(piece) ?? (info.tokenizer === 'word' ? vocabulary.ids.get(piece.toLowerCase()) : undefined);
    if (id !== undefined) tokens.push({ id, text: piece });
    else {
      unknown++;
      if (vocabulary.unk !== undefined) tokens.push({ id: vocabulary.unk, text: piece });
    }
  }
  const maxLen = info.config.maxLen;
  const dropped = Math.max(0, tokens.length - maxLen);
  return { tokens: dropped > 0 ? tokens.slice(0, maxLen) : tokens, dropped, unknown };
}

/** Turns ids back into text: pieces joined directly (char) or with spaces (word). */
export function detokenize(ids: readonly number[], info: Pick<ModelInfo, 'vocab' | 'tokenizer'>): string {
  const pieces = ids.map((id) => info.vocab[id] ?? '');
  return info.tokenizer === 'char' ? pieces.join('') : pieces.join(' ');
}
