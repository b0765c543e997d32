// The model's configuration (docs/model-spec.md §The config): parsed from `__metadata__.config` and
// checked field by field, so a bad file is refused with a message naming the field.
import { ModelFileError } from './errors';

export type Arch = 'encoder-only' | 'decoder-only' | 'encoder-decoder';
/** The positional schemes (docs/model-spec.md §Positions): the one list every caller imports. */
export const POSITIONALS = ['sinusoidal', 'learned', 'rope', 'none'] as const;
export type Positional = (typeof POSITIONALS)[number];

/** Whether a value names a positional scheme. */
export const isPositional = (x: unknown): x is Positional => (POSITIONALS as readonly unknown[]).includes(x);
export type NormPlacement = 'post' | 'pre';
export type Activation = 'relu' | 'gelu';

/** Hyper-parameters of one model; names follow Attention Is All You Need (dModel, nHeads, dFF). */
export interface ModelConfig {
  arch: Arch;
  vocabSize: number;
  dModel: number;
  nHeads: number;
  dFF: number;
  /** Encoder layers; for decoder-only models, decoder layers. */
  nLayers: number;
  /** Decoder layers of an encoder-decoder model. */
  nDecoderLayers?: number;
  maxLen: number;
  positional: Positional;
  norm: NormPlacement;
  activation: Activation;
  layerNormEps: number;
  /** Multiply token embeddings by sqrt(dModel) (§3.4). */
  scaleEmbedding: boolean;
  /** Tokens equal to padId are padding (blocked as keys); null: no padding. */
  padId: number | null;
}

const ARCHS: readonly Arch[] = ['encoder-only', 'decoder-only', 'encoder-decoder'];
const NORMS: readonly NormPlacement[] = ['post', 'pre'];
const ACTIVATIONS: readonly Activation[] = ['relu', 'gelu'];

function fail(message: string): never {
  throw new ModelFileError(`invalid config: ${message}`);
}

function positiveInt(raw: Record<string, unknown>, field: string): number {
  const v = raw[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
    fail(`"${field}" must be a positive integer (got ${JSON.stringify(v)})`);
  return v;
}

function oneOf<T extends string>(raw: Record<string, unknown>, field: string, allowed: readonly T[]): T {
  const v = raw[field];
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    fail(`"${field}" must be one of ${allowed.join(', ')} (got ${JSON.stringify(v)})`);
  return v as T;
}

/** Checks a parsed JSON config against the spec's rules; throws ModelFileError naming the bad field. */
export function parseConfig(raw: unknown): ModelConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('must be a JSON object');
  const r = raw as Record<string, unknown>;
  const arch = oneOf(r, 'arch', ARCHS);
  const vocabSize = positiveInt(r, 'vocabSize');
  const dModel = positiveInt(r, 'dModel');
  const nHeads = positiveInt(r, 'nHeads');
  const dFF = positiveInt(r, 'dFF');
  const nLayers = positiveInt(r, 'nLayers');
  const maxLen = positiveInt(r, 'maxLen');
  const positional = oneOf(r, 'positional', POSITIONALS);
  const norm = oneOf(r, 'norm', NORMS);
  const activation = oneOf(r, 'activation', ACTIVATIONS);

  let nDecoderLayers: number | undefined;
  if (arch === 'encoder-decoder' || r.nDecoderLayers !== undefined)
    nDecoderLayers = positiveInt(r, 'nDecoderLayers');

  let layerNormEps = 1e-5;
  if (r.layerNormEps !== undefined) {
    if (typeof r.layerNormEps !== 'number' || !(r.layerNormEps > 0) || !Number.isFinite(r.layerNormEps))
      fail(`"layerNormEps" must be a positive number (got ${JSON.stringify(r.layerNormEps)})`);
    layerNormEps = r.layerNormEps;
  }
  let scaleEmbedding = false;
  if (r.scaleEmbedding !== undefined) {
    if (typeof r.scaleEmbedding !== 'boolean')
      fail(`"scaleEmbedding" must be true or false (got ${JSON.stringify(r.scaleEmbedding)})`);
    scaleEmbedding = r.scaleEmbedding;
  }
  let padId: number | null = null;
  if (r.padId !== undefined && r.padId !== null) {
    if (typeof r.padId !== 'number' || !Number.isInteger(r.padId) || r.padId < 0 || r.padId >= vocabSize)
      fail(`"padId" must be null or an integer in [0, vocabSize) (got ${JSON.stringify(r.padId)})`);
    padId = r.padId;
  }

  if (dModel % nHeads !== 0) fail(`"nHeads" must divide "dModel" (dModel ${dModel}, nHeads ${nHeads})`);
  if (positional === 'sinusoidal' && dModel % 2 !== 0)
    fail(`"dModel" must be even for sinusoidal positions (got ${dModel})`);
  if (positional === 'rope' && (dModel / nHeads) % 2 !== 0)
    fail(
      `"nHeads" must leave an even dHead for RoPE (dModel ${dModel} / nHeads ${nHeads} = ${dModel / nHeads})`,
    );

  const config: ModelConfig = {
    arch,
    vocabSize,
    dModel,
    nHeads,
    dFF,
    nLayers,
    maxLen,
    positional,
    norm,
    activation,
    layerNormEps,
    scaleEmbedding,
    padId,
  };
  if (nDecoderLayers !== undefined) config.nDecoderLayers = nDecoderLayers;
  return config;
}

/** Width of one attention head: dHead = dModel / nHeads (§3.2.2). */
export function dHeadOf(config: ModelConfig): number {
  return config.dModel / config.nHeads;
}
