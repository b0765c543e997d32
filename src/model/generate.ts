// Autoregressive generation (Attention Is All You Need §3, "consuming the previously generated
// symbols as additional input when generating the next"): run the model, pick the next token from
// the last position's logits, append it, repeat — until <eos> or a length limit.
import { ModelInputError } from './errors';
import { forward, type ForwardInput, type ForwardOptions, type RunResult } from './forward';
import type { Model } from './model';
import { createRng, sampleToken, type Rng } from './sample';

export interface GenerateOptions extends Omit<ForwardOptions, 'temperature'> {
  /** Most new tokens to produce. */
  maxNewTokens: number;
  /** 'greedy' takes argmax (default); 'sample' draws with temperature and top-k. */
  strategy?: 'greedy' | 'sample';
  /** Sampling temperature, also used for each step's probs; default 1. */
  temperature?: number;
  topK?: number;
  /** Seed of the generator when no rng is given; default 0. */
  seed?: number;
  rng?: Rng;
  /** Token that ends generation; default the vocabulary's <eos>, null for none. */
  eosId?: number | null;
}

export type StopReason = 'eos' | 'maxNewTokens' | 'maxLen';

/** One generation step: the chosen token, the sequence so far and the run that produced it. */
export interface GenerateStep {
  token: number;
  /** 0 for the first generated token. */
  step: number;
  /** The growing sequence (decoder-only) or target (encoder-decoder), including `token`. */
  tokens: number[];
  result: RunResult;
  /** Set on the last step: why generation stops. */
  stop?: StopReason;
}

/**
 * Generates from a prompt (decoder-only: `{ tokens }`) or a source and a target start
 * (encoder-decoder: `{ src, tgt }`), yielding each new token with its step's RunResult.
 */
export function* generate(
  model: Model,
  input: ForwardInput,
  options: GenerateOptions,
): Generator<GenerateStep, void> {
  const { config } = model;
  if (config.arch === 'encoder-only')
    throw new ModelInputError('generation needs a decoder: this is an encoder-only model');
  const {
    maxNewTokens,
    strategy = 'greedy',
    temperature,
    topK,
    seed = 0,
    eosId: eosOption,
    ...forwardOptions
  } = options;
  if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1)
    throw new ModelInputError('maxNewTokens must be a positive integer');
  const eosIndex = model.vocab?.indexOf('<eos>') ?? -1;
  const eosId = eosOption === undefined ? (eosIndex >= 0 ? eosIndex : null) : eosOption;
  const rng = options.rng ?? createRng(seed);
  const encoderDecoder = 'src' in input;
  const tokens = [...(encoderDecoder ? input.tgt : input.tokens)];

  for (let step = 0; step < maxNewTokens; step++) {
    if (tokens.length >= config.maxLen) return; // the context window is full
    const runInput: ForwardInput = encoderDecoder ? { src: input.src, tgt: tokens } : { tokens };
    // Temperature 0 means greedy here; the forward pass's probs then stay at temperature 1.
    const result = forward(model, runInput, {
      ...forwardOptions,
      temperature: temperature ? temperature : undefined,
    });
    const V = config.vocabSize;
    const last = result.logits.data.subarray((tokens.length - 1) * V, tokens.length * V); // [V]
    const token =
      strategy === 'greedy'
        ? result.argmax.data[tokens.length - 1]
        : sampleToken(last, { temperature, topK, rng });
    tokens.push(token);
    let stop: StopReason | undefined;
    if (eosId !== null && token === eosId) stop = 'eos';
    else if (step + 1 === maxNewTokens) stop = 'maxNewTokens';
    else if (tokens.length >= config.maxLen) stop = 'maxLen';
    yield { token, step, tokens: [...tokens], result, ...(stop ? { stop } : {}) };
    if (stop) return;
  }
}
