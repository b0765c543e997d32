// Pure helpers of the bridge: the input to run for the store's text, the default mask, an example
// input, the shipped-model catalog, and the selection kept inside a model. Unit-tested without a worker.
import { SPECIAL_TOKENS } from '../model/tokenizer';
import type { RunInput } from '../worker/protocol';
import type { AtlasState } from './atlas';
import type { TokenizedInput } from './slices/runSlice';
import { tokenize, type Vocabulary } from './tokenize';
import type { MaskChoice, ModelInfo, ShippedModel } from './types';

/** The self-attention mask a model uses when the view does not choose one. */
export function defaultMask(arch: ModelInfo['arch']): MaskChoice {
  return arch === 'encoder-only' ? 'full' : 'causal';
}

/** Tokenizes the store's text for the loaded model (source and target for an encoder-decoder). */
export function tokenizeInput(s: Pick<AtlasState, 'text' | 'src' | 'tgt'>, info: ModelInfo, vocab: Vocabulary): TokenizedInput {
  if (info.arch === 'encoder-decoder') {
    // The decoder reads the target shifted right: it starts with <bos> when the vocabulary has one.
    const typedBos = s.tgt.trimStart().startsWith('<bos>');
    const prepend = vocab.bos !== undefined && !typedBos ? [vocab.bos] : [];
    return { kind: 'pair', src: tokenize(s.src, info, vocab), tgt: tokenize(s.tgt, info, vocab, prepend) };
  }
  return { kind: 'single', seq: tokenize(s.text, info, vocab) };
}

/** The ids to run, or null when a sequence the model needs is empty. */
export function runInputOf(input: TokenizedInput): RunInput | null {
  if (input.kind === 'single') return input.seq.tokens.length ? { tokens: input.seq.tokens.map((t) => t.id) } : null;
  if (!input.src.tokens.length || !input.tgt.tokens.length) return null;
  return { src: input.src.tokens.map((t) => t.id), tgt: input.tgt.tokens.map((t) => t.id) };
}

/** An example input for a model with no input yet: the catalog's, else the vocabulary's first ordinary pieces. */
export function exampleText(info: ModelInfo, catalog: readonly ShippedModel[] = []): string {
  const listed = catalog.find((m) => m.name === info.name)?.example;
  if (listed) return listed;
  // A Hugging Face checkpoint: a sentence its tokenizer turns into real pieces (and repeats, for GPT-2's induction heads).
  if (info.hf) {
    const mask = Object.entries(info.hf.special).find(([k]) => k === 'mask_token');
    if (mask) return `The dog ${info.vocab[mask[1]]} the cat.`;
    return info.arch === 'encoder-decoder' ? 'The dog saw the cat.' : 'The dog saw the cat. The dog saw the';
  }
  // The first six ordinary pieces (a loop that stops there: a vocabulary may hold 10⁶ words).
  const pieces: string[] = [];
  for (const p of info.vocab) {
    if (pieces.length === 6) break;
    if (!SPECIAL_TOKENS.includes(p as (typeof SPECIAL_TOKENS)[number]) && p.trim() !== '') pieces.push(p);
  }
  return info.tokenizer === 'char' ? pieces.join('') : pieces.join(' ');
}

/** The shipped models of public/models/index.json (a list, or `{ models: [...] }`); invalid entries are skipped. */
export function parseCatalog(raw: unknown): ShippedModel[] {
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { models?: unknown }).models) ? (raw as { models: unknown[] }).models : [];
  const out: ShippedModel[] = [];
  for (const m of list) {
    if (!m || typeof m !== 'object') continue;
    const r = m as Record<string, unknown>;
    if (typeof r.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(r.name)) continue;
    const arch = r.arch === 'encoder-only' || r.arch === 'decoder-only' || r.arch === 'encoder-decoder' ? r.arch : 'decoder-only';
    out.push({
      name: r.name,
      title: typeof r.title === 'string' ? r.title : r.name,
      arch,
      description: typeof r.description === 'string' ? r.description : '',
      ...(typeof r.example === 'string' && r.example.length <= 200 ? { example: r.example } : {}),
    });
  }
  return out;
}


/** Keeps layer, head, stack and attention inside what the model has. */
export function clampSelection(s: AtlasState, info: ModelInfo): Partial<AtlasState> {
  const next: Partial<AtlasState> = {};
  const stack = info.arch === 'encoder-only' ? 'encoder' : info.arch === 'decoder-only' ? 'decoder' : s.stack;
  if (stack !== s.stack) next.stack = stack;
  const nLayers = info.arch === 'encoder-decoder' && stack === 'decoder' ? (info.config.nDecoderLayers ?? info.config.nLayers) : info.config.nLayers;
  if (s.layer >= nLayers) next.layer = nLayers - 1;
  if (s.head >= info.config.nHeads) next.head = info.config.nHeads - 1;
  if (s.attention === 'crossAttention' && !(info.arch === 'encoder-decoder' && stack === 'decoder')) next.attention = 'selfAttention';
  return next;
}
