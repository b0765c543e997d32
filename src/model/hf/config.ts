// Reads a Hugging Face config.json: which family it is, and the fields an adapter needs, each
// checked. Families and features Atlas cannot run are refused by name in one sentence.
import { ModelFileError } from '../errors';
import type { Activation } from '../config';

export type HfFamily = 'gpt2' | 'bert' | 'distilbert' | 'marian';
export const HF_FAMILIES: readonly HfFamily[] = ['gpt2', 'bert', 'distilbert', 'marian'];

/** Families people will try, with what stops them, in one sentence each. */
const UNSUPPORTED: Record<string, string> = {
  t5: "T5's relative position bias is not supported yet",
  mt5: "mT5's relative position bias is not supported yet",
  llama: "Llama's RMSNorm, SwiGLU feed-forward and grouped-query attention are not supported yet",
  mistral: "Mistral's RMSNorm, SwiGLU feed-forward and grouped-query attention are not supported yet",
  qwen2: "Qwen2's RMSNorm, SwiGLU feed-forward and grouped-query attention are not supported yet",
  gemma: "Gemma's RMSNorm, GeGLU feed-forward and multi-query attention are not supported yet",
  phi: "Phi's partial rotary positions and parallel attention are not supported yet",
  gpt_neox: "GPT-NeoX's rotary positions and parallel attention are not supported yet",
  gpt_neo: "GPT-Neo's local attention layers are not supported yet",
  gptj: "GPT-J's rotary positions and parallel attention are not supported yet",
  roberta: "RoBERTa's position ids offset by the padding index are not supported yet",
  bart: "BART's learned positions offset by 2 and embedding LayerNorm are not supported yet",
  albert: "ALBERT's factorised embeddings and shared layers are not supported yet",
  electra: "ELECTRA's separate embedding width is not supported yet",
  opt: "OPT's learned positions offset by 2 are not supported yet",
};

/** Hugging Face's activation names (ACT2FN) → ours. */
const ACTIVATIONS: Record<string, Activation> = {
  relu: 'relu',
  gelu: 'gelu',
  gelu_new: 'gelu_tanh',
  gelu_pytorch_tanh: 'gelu_tanh',
  gelu_fast: 'gelu_tanh',
  silu: 'silu',
  swish: 'silu',
};

function fail(message: string): never {
  throw new ModelFileError(message);
}

/** A parsed config.json with checked accessors that name the missing or bad key. */
export class HfConfig {
  constructor(readonly raw: Record<string, unknown>) {}

  get modelType(): string {
    return typeof this.raw.model_type === 'string' ? this.raw.model_type : '';
  }

  /** A positive integer field; `fallback` when the key is absent (only where HF has a default). */
  int(key: string, fallback?: number): number {
    const v = this.raw[key] ?? fallback;
    if (v === undefined) fail(`config.json has no "${key}", which a ${this.modelType} model needs`);
    if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0)
      fail(`config.json "${key}" must be a positive integer (got ${JSON.stringify(v)})`);
    return v;
  }

  number(key: string, fallback: number): number {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'number' || !(v > 0))
      fail(`config.json "${key}" must be a positive number (got ${JSON.stringify(v)})`);
    return v;
  }

  bool(key: string, fallback: boolean): boolean {
    const v = this.raw[key] ?? fallback;
    if (typeof v !== 'boolean') fail(`config.json "${key}" must be true or false (got ${JSON.stringify(v)})`);
    return v;
  }

  activation(key: string, fallback?: string): Activation {
    const v = this.raw[key] ?? fallback;
    if (v === undefined) fail(`config.json has no "${key}", which a ${this.modelType} model needs`);
    const act = typeof v === 'string' ? ACTIVATIONS[v] : undefined;
    if (!act) fail(`the activation ${JSON.stringify(v)} ("${key}") is not supported yet`);
    return act;
  }

  /** Refuses a feature flag that changes the maths when it is set to anything but its default. */
  refuseUnless(key: string, expected: unknown, what: string): void {
    const v = this.raw[key];
    if (v !== undefined && v !== null && v !== expected) fail(`${what} is not supported yet`);
  }
}

/** Parses config.json's text: its family, or a one-sentence refusal. */
export function readHfConfig(text: string): { family: HfFamily; config: HfConfig } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('config.json is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    fail('config.json must hold a JSON object');
  const config = new HfConfig(raw as Record<string, unknown>);
  const type = (raw as Record<string, unknown>).model_type;
  if (type === undefined) fail('config.json has no "model_type", so the model family is unknown');
  if (typeof type !== 'string')
    fail(`config.json "model_type" must be a string (got ${JSON.stringify(type)})`);
  if (UNSUPPORTED[type]) fail(UNSUPPORTED[type]);
  if (!(HF_FAMILIES as readonly string[]).includes(type))
    fail(`model_type "${type}" is not supported: Atlas opens gpt2, bert, distilbert and marian checkpoints`);
  return { family: type as HfFamily, config };
}
