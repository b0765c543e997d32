// The forward pass (docs/model-spec.md §The forward pass; Attention Is All You Need §3): embed and add
// positions, run the encoder and/or decoder stack, then de-embed to logits, probs and argmax.
// Every intermediate goes through the tracer, which keeps what the chosen TraceLevel asks for.
import { paramNames } from './params';
import { isPositional, type ModelConfig, type Positional } from './config';
import { ModelInputError } from './errors';
import { argmax } from './sample';
import { transformerLayer, type CrossInput } from './layers';
import { attentionMask, type MaskPattern } from './masks';
import type { Model, StackWeights } from './model';
import { embedTokens } from './ops/embedding';
import { add } from './ops/elementwise';
import { layerNorm } from './ops/layerNorm';
import { linear } from './ops/matmul';
import { softmax } from './ops/softmax';
import { learnedTable, sinusoidalTable } from './positional';
import { zeros, type IntTensor, type Tensor } from './tensor';
import { tracePath, type StackName, type TraceLevel, type TraceMap } from './trace';
import { createTracer, type TraceListener, type Tracer } from './tracer';

/** One sequence (encoder-only, decoder-only) or a source and a target (encoder-decoder). */
export type ForwardInput = { tokens: readonly number[] } | { src: readonly number[]; tgt: readonly number[] };

export interface ForwardOptions {
  /** Self-attention pattern of the last stack; default full (encoder-only) or causal (decoders). */
  mask?: MaskPattern;
  /** Prefix length P for mask 'prefix'. */
  prefix?: number;
  /** probs = softmax(logits / temperature); default 1. */
  temperature?: number;
  /** How much to keep; default 'full'. */
  trace?: TraceLevel;
  /** Receives each kept array as soon as it is computed. */
  onTrace?: TraceListener;
  /**
   * Positional scheme for this run only, in place of config.positional (lesson 3 switches it).
   * 'learned' needs the model's own pos_embed.weight. Default: the model's own scheme.
   */
  positional?: Positional;
}

/** What a run returns: the kept trace and the de-embedding. */
export interface RunResult {
  trace: TraceMap;
  logits: Tensor; // [T, V], before temperature
  probs: Tensor; // [T, V]
  argmax: IntTensor; // [T], lowest id on ties
}

function checkTokens(model: Model, name: string, tokens: readonly number[], positional: Positional): void {
  const { vocabSize, maxLen } = model.config;
  if (!tokens || tokens.length === 0) throw new ModelInputError(`${name}: empty sequence`);
  for (const t of tokens)
    if (!Number.isInteger(t) || t < 0 || t >= vocabSize)
      throw new ModelInputError(`${name}: token id ${t} is outside the vocabulary [0, ${vocabSize})`);
  if (positional === 'learned' && tokens.length > maxLen)
    throw new ModelInputError(
      `${name}: ${tokens.length} tokens exceed maxLen ${maxLen} of learned positions`,
    );
}

/** Refuses a positional override the model cannot run (the same rules parseConfig applies to a file). */
function checkPositional(config: ModelConfig, hasPosEmbed: boolean, positional: Positional | undefined): void {
  if (positional === undefined) return;
  if (!isPositional(positional))
    throw new ModelInputError(
      `positional must be sinusoidal, learned, rope or none (got ${JSON.stringify(positional)})`,
    );
  // Learned positions are weights: only a model trained with them has a table to look up.
  if (positional === 'learned' && !hasPosEmbed)
    throw new ModelInputError(`positional learned needs the model's ${paramNames.posEmbed}, and this model has none`);
  if (positional === 'sinusoidal' && config.dModel % 2 !== 0)
    throw new ModelInputError(`positional sinusoidal needs an even dModel (got ${config.dModel})`);
  if (positional === 'rope' && (config.dModel / config.nHeads) % 2 !== 0)
    throw new ModelInputError(`positional rope needs an even dHead (got ${config.dModel / config.nHeads})`);
}

/** Refuses a request the model cannot serve, with a message naming the problem. */
export function validateRun(model: Model, input: ForwardInput, options: ForwardOptions = {}): void {
  const arch = model.config.arch;
  const positional = options.positional ?? model.config.positional;
  if (arch === 'encoder-decoder') {
    if (!('src' in input))
      throw new ModelInputError('an encoder-decoder model needs a source and a target (src, tgt)');
    checkTokens(model, 'source', input.src, positional);
    checkTokens(model, 'target', input.tgt, positional);
  } else {
    if (!('tokens' in input))
      throw new ModelInputError(`an ${arch} model takes one sequence (tokens), not src/tgt`);
    checkTokens(model, 'input', input.tokens, positional);
  }
  checkPositional(model.config, model.weights.posEmbed !== undefined, options.positional);
  const { mask, prefix, temperature } = options;
  if (mask !== undefined && mask !== 'full' && mask !== 'causal' && mask !== 'prefix')
    throw new ModelInputError(`mask must be full, causal or prefix (got ${JSON.stringify(mask)})`);
  if (mask === 'prefix' && (prefix === undefined || !Number.isInteger(prefix) || prefix < 0))
    throw new ModelInputError('mask prefix needs a prefix length: a non-negative integer');
  if (temperature !== undefined && !(temperature > 0 && Number.isFinite(temperature)))
    throw new ModelInputError(`temperature must be a number > 0 (got ${temperature})`);
}

/** Runs one stack on `tokens`: embeddings + positions, the layers, the optional final norm. */
function runStack(
  model: Model,
  tracer: Tracer,
  stack: StackName,
  weights: StackWeights,
  tokens: readonly number[],
  pattern: MaskPattern,
  prefix: number,
  cross?: { memory: Tensor; srcTokens: readonly number[] },
): Tensor {
  const { config } = model;
  const { dModel: d, padId } = config;
  const S = tokens.length;
  tracer.emit(tracePath.stack(stack, 'tokens'), { data: Int32Array.from(tokens), shape: [S] }, true);

  const embeddings = embedTokens(model.weights.embed, tokens, config.scaleEmbedding ? Math.sqrt(d) : 1); // [S, d]
  let positional: Tensor; // [S, d]; zero for rope (it acts inside attention) and none
  if (config.positional === 'sinusoidal') positional = sinusoidalTable(S, d);
  else if (config.positional === 'learned' && model.weights.posEmbed)
    positional = learnedTable(model.weights.posEmbed, S);
  else positional = zeros([S, d]);
  let x = add(embeddings, positional); // [S, d]
  tracer.emit(tracePath.stack(stack, 'embeddings'), embeddings, true);
  tracer.emit(tracePath.stack(stack, 'positional'), positional, true);
  tracer.emit(tracePath.stack(stack, 'input'), x); // copied: the first layer reads it

  const selfMask = attentionMask({ Sq: S, keyTokens: tokens, padId, pattern, prefix }); // [S, S]
  let crossInput: CrossInput | undefined;
  if (cross) {
    // Cross-attention blocks padded source keys only.
    const mask = attentionMask({ Sq: S, keyTokens: cross.srcTokens, padId, pattern: 'full' }); // [S, Ssrc]
    crossInput = { memory: cross.memory, mask };
  }
  weights.layers.forEach((layerWeights, layer) => {
    x = transformerLayer(x, layerWeights, { config, tracer, stack, layer }, selfMask, crossInput); // [S, d]
  });
  if (weights.norm) x = layerNorm(x, weights.norm.weight, weights.norm.bias, config.layerNormEps); // [S, d]
  tracer.emit(tracePath.stack(stack, 'output'), x);
  return x;
}

/** Index of the largest value of each row of x [T, V]; ties go to the lowest id. */
function argmaxRows(x: Tensor): IntTensor {
  const [T, V] = x.shape;
  const out = new Int32Array(T); // [T]
  for (let t = 0; t < T; t++) out[t] = argmax(x.data, t * V, V);
  return { data: out, shape: [T] };
}

/**
 * Runs the model on token ids and returns logits, probs and argmax for every position of the last
 * stack, with the trace the options ask for. Throws ModelInputError on a bad request.
 */
export function forward(model: Model, input: ForwardInput, options: ForwardOptions = {}): RunResult {
  validateRun(model, input, options);
  // A positional override swaps the scheme for this run only; the weights stay the model's.
  const positional = options.positional ?? model.config.positional;
  const run: Model =
    positional === model.config.positional ? model : { ...model, config: { ...model.config, positional } };
  const { config, weights } = run;
  const tracer = createTracer(options.trace ?? 'full', options.onTrace);
  const prefix = options.prefix ?? 0;

  let h: Tensor; // [T, d], output of the last stack
  if ('src' in input) {
    if (!weights.encoder || !weights.decoder)
      throw new ModelInputError('model has no encoder-decoder weights');
    // The encoder of an encoder-decoder model always attends fully; the mask option is the decoder's.
    const memory = runStack(run, tracer, 'encoder', weights.encoder, input.src, 'full', 0); // [Ssrc, d]
    h = runStack(run, tracer, 'decoder', weights.decoder, input.tgt, options.mask ?? 'causal', prefix, {
      memory,
      srcTokens: input.src,
    });
  } else if (config.arch === 'encoder-only' && weights.encoder) {
    h = runStack(run, tracer, 'encoder', weights.encoder, input.tokens, options.mask ?? 'full', prefix);
  } else if (weights.decoder) {
    h = runStack(run, tracer, 'decoder', weights.decoder, input.tokens, options.mask ?? 'causal', prefix);
  } else {
    throw new ModelInputError(`model has no weights for ${config.arch}`);
  }

  const logits = linear(h, weights.lmHead.weight, weights.lmHead.bias); // [T, V]
  const probs = softmax(logits, undefined, options.temperature ?? 1); // [T, V]
  const argmax = argmaxRows(logits); // [T]
  tracer.emit(tracePath.head('logits'), logits);
  tracer.emit(tracePath.head('probs'), probs);
  tracer.emit(tracePath.head('argmax'), argmax);
  return { trace: tracer.map, logits, probs, argmax };
}
