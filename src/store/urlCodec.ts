// The shareable view in the URL: a table from view fields to query parameters (inside the hash, e.g.
// `#/playground?model=dates&src=…&layer=1`). Decoding trusts nothing: unknown parameters are kept
// for their owners, malformed values are ignored (the field keeps its current value).
import { formatHeadRef, parseHeadRef, type HeadRef } from '../model/interventions';
import { POSITIONAL_CHOICES, STAGES, type MaskChoice, type PositionalChoice, type Stage } from './types';

export interface ViewState {
  model?: string;
  /** A Hugging Face Hub model, owner/name (`#/playground?hf=openai-community/gpt2`). */
  hf?: string;
  text?: string;
  src?: string;
  tgt?: string;
  layer?: number;
  head?: number;
  mask?: MaskChoice;
  prefix?: number;
  /** Positional scheme in place of the model's own; null = the model's own (never written to the URL). */
  positional?: PositionalChoice | null;
  stage?: Stage;
  step?: number;
  stack?: 'encoder' | 'decoder';
  attention?: 'selfAttention' | 'crossAttention';
  /** Heads knocked out in every run (`ablate=decoder.1.0,decoder.0.cross.1`); [] = none. */
  ablate?: HeadRef[];
  /** The corrupted input of a patching pair. */
  corrupt?: string;
}

const MAX_TEXT = 2000;
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const HUB_NAME = /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;

const int = (max: number) => (raw: string) => {
  if (!/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= max ? n : undefined;
};
const text = (raw: string) => (raw.length <= MAX_TEXT ? raw.split(String.fromCharCode(0)).join('') : undefined);
/** "decoder.1.0,decoder.0.cross.1" → heads; the whole value is ignored if any piece is not a head
 *  (whether the model has them is the model's check, shown as a run error). */
const heads = (raw: string): HeadRef[] | undefined => {
  if (raw === '') return [];
  const pieces = raw.split(',');
  if (pieces.length > 64) return undefined;
  try {
    return pieces.map(parseHeadRef);
  } catch {
    return undefined;
  }
};
const oneOf =
  <T extends string>(allowed: readonly T[]) =>
  (raw: string) =>
    (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;

/** Each field: its parameter name and a parser returning undefined for anything malformed. */
const FIELDS: {
  [K in keyof Required<ViewState>]: { param: string; parse: (raw: string) => ViewState[K] | undefined; format?: (v: NonNullable<ViewState[K]>) => string };
} = {
  model: { param: 'model', parse: (raw) => (MODEL_NAME.test(raw) ? raw : undefined) },
  hf: { param: 'hf', parse: (raw) => (HUB_NAME.test(raw) && !raw.includes('..') ? raw : undefined) },
  text: { param: 'text', parse: text },
  src: { param: 'src', parse: text },
  tgt: { param: 'tgt', parse: text },
  layer: { param: 'layer', parse: int(63) },
  head: { param: 'head', parse: int(63) },
  mask: { param: 'mask', parse: oneOf(['full', 'causal', 'prefix'] as const) },
  prefix: { param: 'prefix', parse: int(4096) },
  positional: { param: 'pos', parse: oneOf(POSITIONAL_CHOICES) },
  stage: { param: 'stage', parse: oneOf(STAGES) },
  step: { param: 'step', parse: int(999) },
  stack: { param: 'stack', parse: oneOf(['encoder', 'decoder'] as const) },
  attention: { param: 'attn', parse: oneOf(['selfAttention', 'crossAttention'] as const) },
  ablate: { param: 'ablate', parse: heads, format: (hs) => hs.map(formatHeadRef).join(',') },
  corrupt: { param: 'corrupt', parse: text },
};

const KEYS = Object.keys(FIELDS) as (keyof ViewState)[];

/** The parameter names the codec owns (everything else in the query belongs to someone else). */
export const VIEW_PARAMS: readonly string[] = KEYS.map((k) => FIELDS[k].param);

/** Reads the view from query parameters; unknown parameters and malformed values are ignored. */
export function decodeView(params: URLSearchParams): ViewState {
  const view: ViewState = {};
  for (const key of KEYS) {
    const raw = params.get(FIELDS[key].param);
    if (raw === null) continue;
    const value = FIELDS[key].parse(raw);
    if (value !== undefined) (view as Record<string, unknown>)[key] = value;
  }
  return view;
}

/** Writes the view into a copy of `base`: the codec's parameters are replaced, any other is kept. */
export function encodeView(view: ViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of base) if (!VIEW_PARAMS.includes(k)) out.append(k, v);
  for (const key of KEYS) {
    const value = view[key];
    const format = FIELDS[key].format as ((v: unknown) => string) | undefined;
    if (value !== undefined && value !== null) out.set(FIELDS[key].param, format ? format(value) : String(value));
  }
  return out;
}
