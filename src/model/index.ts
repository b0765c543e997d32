// The public API of the model: what the worker, the CLI, the trainer and the tests import.
// Everything here is pure TypeScript with no DOM, worker or Node APIs.
export type { Tensor, BoolTensor, IntTensor, AnyTensor } from './tensor';
export { sizeOf, zeros, toNested } from './tensor';
export * from './trace';
export { ModelFileError, ModelInputError } from './errors';
export { parseConfig, dHeadOf, POSITIONALS, isPositional } from './config';
export type { ModelConfig, Arch, Positional, NormPlacement, Activation } from './config';
export type {
  Model,
  ModelWeights,
  StackWeights,
  LayerWeights,
  AttentionWeights,
  LinearWeights,
  NormWeights,
} from './model';
export { readSafetensors, writeSafetensors, halfToFloat } from './safetensors';
export type { SafetensorsFile, DType } from './safetensors';
export { loadModel, modelFromTensors, namedTensors, parameterCount, pickParameters, saveModel } from './load';
export { parameterSpec, paramNames, defaultLayout, layoutOf, stacksOf } from './params';
export type { ParamSpec, ParamRole, ParamLayout, PairNames, AttentionNames, LayerNames, StackShape } from './params';
export { forward, validateRun } from './forward';
export type { ForwardInput, ForwardOptions, RunResult } from './forward';
export { createTracer } from './tracer';
export type { Tracer, TraceListener } from './tracer';
export { multiHeadAttention } from './attention';
export { plainMultiHeadAttention } from './attention.plain';
export type { AttentionResult } from './attention';
export { transformerLayer } from './layers';
export { patternBlocks, patternMask, paddingMask, combineMasks, attentionMask } from './masks';
export type { MaskPattern } from './masks';
export {
  sinusoidalTable,
  learnedTable,
  ropeAngles,
  applyRope,
  applyRopeInPlace,
  rotateAt,
} from './positional';
export { linear, matmul, matmulTransB, gemm, gemmTransB } from './ops/matmul';
export { softmax, softmaxRowsInto } from './ops/softmax';
export { layerNorm } from './ops/layerNorm';
export { relu, gelu, geluScalar, erf } from './ops/activations';
export { add, clone } from './ops/elementwise';
export { embedTokens } from './ops/embedding';
export { createRng, argmax, topKIds, samplingDistribution, sampleToken } from './sample';
export type { Rng, SampleOptions } from './sample';
export { decodeSteps, generate, greedyDecode } from './generate';
export type { DecodeLimits, DecodeRun, DecodeStep, GenerateOptions, GenerateStep, StopReason } from './generate';
export { createTokenizer, encode, decode, splitPieces, SPECIAL_TOKENS } from './tokenizer';
export type { Tokenizer, Encoded, SpecialIds } from './tokenizer';
export { initModel, normal } from './init';
