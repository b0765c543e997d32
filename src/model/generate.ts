// Autoregressive generation (Attention Is All You Need §3, "consuming the previously generated
// symbols as additional input when generating the next"): run the model, pick the next token from
// the last position's logits, append it, repeat — until <eos> or a length limit.
//
// `decodeSteps` is the one decoding loop of the project: `generate` (the app's worker, the lessons, the
// tests) runs it on one sequence with the app's forward pass; `greedyDecode` runs it on a batch,
// e.g. with the trainer's batched forward pass for evaluation.
import { ModelInputError } from './errors';
import { forward, type ForwardInput, type ForwardOptions, type RunResult } from './forward';
import type { Model } from './model';
import { argmax, createRng, sampleToken, type Rng } from './sample';

export type StopReason = 'eos' | 'maxNewTokens' | 'maxLen';

/** When decoding stops: at `eosId` (kept in the output), after maxNewTokens, or at maxLen tokens. */
export interface DecodeLimits {
  maxNewTokens: number;
  /** The longest sequence (the model's maxLen): one this long gets no further token. */
  maxLen: number;
  /** Token that ends a sequence; null for none. */
  eosId: number | null;
}

/** What a model step returns: each sequence's next-token logits [V], and anything else to pass on. */
export interface DecodeRun<R> {
  logits: ArrayLike<number>[];
  run: R;
}

/** One step of `decodeSteps`: the token appended to each sequence still going (`live`). */
export interface DecodeStep<R> {
  step: number;
  /** Indices of the sequences that got a token in this step. */
  live: number[];
  /** The token each live sequence got, in the order of `live`. */
  tokens: number[];
  /** The sequences after this step (including prompt/start tokens). */
  sequences: number[][];
  /** Why each live sequence stops after this step, if it does. */
  stops: (StopReason | undefined)[];
  run: R;
}

/**
 * The decoding loop: for up to maxNewTokens steps, run the model on every sequence (`next` gets them
 * all, finished ones included, so a batch keeps its shape), `choose` a token from each live
 * sequence's logits and append it; a sequence stops at eosId, maxNewTokens or maxLen.
 */
export function* decodeSteps<R>(
  starts: readonly (readonly number[])[],
  next: (sequences: number[][]) => DecodeRun<R>,
  choose: (logits: ArrayLike<number>) => number,
  limits: DecodeLimits,
): Generator<DecodeStep<R>, number[][]> {
  const sequences = starts.map((s) => [...s]);
  const going = sequences.map((s) => s.length < limits.maxLen); // a full context window gets nothing
  for (let step = 0; step < limits.maxNewTokens && going.some(Boolean); step++) {
    const { logits, run } = next(sequences);
    const live = going.flatMap((g, b) => (g ? [b] : []));
    const tokens: number[] = [];
    const stops: (StopReason | undefined)[] = [];
    for (const b of live) {
      const token = choose(logits[b]);
      sequences[b].push(token);
      let stop: StopReason | undefined;
      if (limits.eosId !== null && token === limits.eosId) stop = 'eos';
      else if (step + 1 === limits.maxNewTokens) stop = 'maxNewTokens';
      else if (sequences[b].length >= limits.maxLen) stop = 'maxLen';
      if (stop) going[b] = false;
      tokens.push(token);
      stops.push(stop);
    }
    yield { step, live, tokens, sequences: sequences.map((s) => [...s]), stops, run };
  }
  return sequences;
}

/**
 * Greedy decoding of a batch: each step appends the argmax of every live sequence's next-token
 * logits. Returns each sequence's new tokens, without the closing eos.
 */
export function greedyDecode(
  starts: readonly (readonly number[])[],
  nextLogits: (sequences: number[][]) => ArrayLike<number>[],
  limits: DecodeLimits,
): number[][] {
  const steps = decodeSteps(starts, (seqs) => ({ logits: nextLogits(seqs), run: null }), argmax, limits);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value.map((seq, b) => {
    const added = seq.slice(starts[b].length);
    return limits.eosId !== null && added.at(-1) === limits.eosId ? added.slice(0, -1) : added;
  });
}

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
  const src = 'src' in input ? input.src : null;
  const V = config.vocabSize;

  const run = ([tokens]: number[][]): DecodeRun<RunResult> => {
    // Temperature 0 means greedy here; the forward pass's probs then stay at temperature 1.
    const result = forward(model, src ? { src, tgt: tokens } : { tokens }, {
      ...forwardOptions,
      temperature: temperature ? temperature : undefined,
    });
    const last = result.logits.data.subarray((tokens.length - 1) * V, tokens.length * V); // [V]
    return { logits: [last], run: result };
  };
  const choose = (logits: ArrayLike<number>) =>
    strategy === 'greedy' ? argmax(logits) : sampleToken(logits, { temperature, topK, rng });
  const start = 'src' in input ? input.tgt : input.tokens;
  for (const s of decodeSteps([start], run, choose, { maxNewTokens, maxLen: config.maxLen, eosId })) {
    const stop = s.stops[0];
    yield { token: s.tokens[0], step: s.step, tokens: s.sequences[0], result: s.run, ...(stop ? { stop } : {}) };
  }
}
