// Tokenizers from a Hugging Face tokenizer.json — byte-level BPE (GPT-2), WordPiece (BERT),
// Unigram/SentencePiece (Marian) — run by @huggingface/tokenizers (the tokenizer code of
// transformers.js: zero dependencies, no native code, works in Node and in a worker). This file
// only checks the files and shapes the result for the app: ids, the real pieces (Ġdog, ##ing,
// ▁the) and which of them are special tokens.
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelFileError, ModelInputError } from '../errors';

/** The token models Atlas knows how to show; others are refused by name. */
const KINDS = { BPE: 'byte-level BPE', WordPiece: 'WordPiece', Unigram: 'Unigram (SentencePiece)' } as const;
export type HfTokenizerKind = keyof typeof KINDS;

export interface HfEncoded {
  ids: number[];
  /** The tokenizer's own piece for each id (Ġdog, ##ing, ▁the, [CLS]). */
  pieces: string[];
  /** true where the id is a special token ([CLS], </s>, <|endoftext|>). */
  special: boolean[];
}

export interface HfTokenizer {
  kind: HfTokenizerKind;
  /** Piece of each id, index = id (length = the largest id + 1). */
  vocab: string[];
  specialIds: ReadonlySet<number>;
  /** The id of a named special token (mask_token, pad_token, eos_token…), from tokenizer_config.json / special_tokens_map.json. */
  special: Readonly<Record<string, number>>;
  /** Text → ids, with the special tokens the model was trained with ([CLS] … [SEP], … </s>). */
  encode(text: string, options?: { addSpecialTokens?: boolean }): HfEncoded;
  decode(ids: readonly number[], options?: { skipSpecial?: boolean }): string;
}

function parseJson(name: string, text: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new ModelFileError(`${name} is not valid JSON`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ModelFileError(`${name} must hold a JSON object`);
  return v as Record<string, unknown>;
}

/** The content of a special-token entry, which is a string or an AddedToken object ({content}). */
function tokenContent(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { content?: unknown }).content === 'string')
    return (v as { content: string }).content;
  return undefined;
}

/**
 * Builds a tokenizer from tokenizer.json's text (and tokenizer_config.json / special_tokens_map.json
 * when present). Throws ModelFileError in one sentence when the files cannot make a tokenizer.
 */
export function createHfTokenizer(
  tokenizerJson: string,
  tokenizerConfig?: string,
  specialTokensMap?: string,
): HfTokenizer {
  const json = parseJson('tokenizer.json', tokenizerJson);
  const model = json.model as { type?: unknown; vocab?: unknown } | undefined;
  if (typeof model !== 'object' || model === null || model.vocab === undefined)
    throw new ModelFileError('tokenizer.json has no "model" with a vocabulary, so it cannot tokenize');
  // tokenizer.json from old exports omits model.type; the vocabulary's form says which it is.
  const type =
    typeof model.type === 'string'
      ? model.type
      : Array.isArray(model.vocab)
        ? 'Unigram'
        : 'merges' in model
          ? 'BPE'
          : 'WordPiece';
  if (!(type in KINDS))
    throw new ModelFileError(`tokenizer.json uses a ${type} model, which is not supported yet`);
  const config = tokenizerConfig ? parseJson('tokenizer_config.json', tokenizerConfig) : {};
  const map = specialTokensMap ? parseJson('special_tokens_map.json', specialTokensMap) : {};
  let tokenizer: Tokenizer;
  try {
    // Exports differ in which empty parts they write out; the library wants every key present.
    const complete = {
      normalizer: null,
      pre_tokenizer: null,
      post_processor: null,
      decoder: null,
      added_tokens: [],
      ...json,
    };
    tokenizer = new Tokenizer(complete, config);
  } catch (e) {
    throw new ModelFileError(
      `tokenizer.json could not be read: ${e instanceof Error ? e.message : String(e)}`,
    );
  }

  const vocabMap = tokenizer.get_vocab(true);
  const vocab: string[] = [];
  for (const [piece, id] of vocabMap) vocab[id] = piece;
  for (let i = 0; i < vocab.length; i++) vocab[i] ??= `<id ${i}>`;
  const specialIds = new Set<number>();
  for (const [id, added] of tokenizer.get_added_tokens_decoder()) if (added.special) specialIds.add(id);
  const special: Record<string, number> = {};
  for (const source of [config, map])
    for (const [key, value] of Object.entries(source)) {
      const content = key.endsWith('_token') ? tokenContent(value) : undefined;
      const id = content === undefined ? undefined : tokenizer.token_to_id(content);
      if (id !== undefined) special[key] = id;
    }

  return {
    kind: type as HfTokenizerKind,
    vocab,
    specialIds,
    special,
    encode(text, options = {}) {
      if (typeof text !== 'string') throw new ModelInputError('text to tokenize must be a string');
      const e = tokenizer.encode(text, { add_special_tokens: options.addSpecialTokens ?? true });
      return { ids: e.ids, pieces: e.tokens, special: e.ids.map((id) => specialIds.has(id)) };
    },
    decode(ids, options = {}) {
      // No clean-up of spaces before punctuation: decode(encode(text)) gives the text back.
      return tokenizer.decode([...ids], {
        skip_special_tokens: options.skipSpecial ?? false,
        clean_up_tokenization_spaces: false,
      });
    },
  };
}

/** A short name of the tokenizer's kind for the UI ("byte-level BPE"). */
export function tokenizerKindName(kind: HfTokenizerKind): string {
  return KINDS[kind];
}
