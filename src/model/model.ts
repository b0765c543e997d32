// The in-memory model: config, vocabulary and weights arranged by layer. Weights keep PyTorch's
// Linear layout [out, in], so `linear()` takes dot products over contiguous rows.
import type { ModelConfig } from './config';
import type { Tensor } from './tensor';

/** y = x·weightᵀ + bias; weight [out, in], bias [out] (zero when the file has none). */
export interface LinearWeights {
  weight: Tensor;
  bias: Tensor;
}

/** LayerNorm gain and shift, both [dModel]. */
export interface NormWeights {
  weight: Tensor;
  bias: Tensor;
}

/** PyTorch MultiheadAttention: inProj [3·dModel, dModel] stacks W_Q, W_K, W_V; outProj is W_O. */
export interface AttentionWeights {
  inProj: LinearWeights;
  outProj: LinearWeights;
}

/** One encoder or decoder layer (names as in nn.TransformerEncoderLayer / DecoderLayer). */
export interface LayerWeights {
  selfAttn: AttentionWeights;
  /** Cross-attention (`multihead_attn`), decoder layers of encoder-decoder models only. */
  crossAttn?: AttentionWeights;
  linear1: LinearWeights;
  linear2: LinearWeights;
  norm1: NormWeights;
  norm2: NormWeights;
  /** Present with cross-attention: then norm2 belongs to it and norm3 to the feed-forward. */
  norm3?: NormWeights;
}

/** A stack of layers and its optional final LayerNorm. */
export interface StackWeights {
  layers: LayerWeights[];
  norm?: NormWeights;
}

export interface ModelWeights {
  /** Token embeddings [vocabSize, dModel], shared by encoder and decoder. */
  embed: Tensor;
  /** Learned positions [maxLen, dModel] (positional: learned). */
  posEmbed?: Tensor;
  encoder?: StackWeights;
  decoder?: StackWeights;
  /** De-embedding [vocabSize, dModel] and bias [vocabSize]; may be the same tensor as `embed` (tied). */
  lmHead: LinearWeights;
  /** Token-type (segment) embeddings [nTypes, dModel] (BERT); row 0 is added to every token. */
  tokenTypeEmbed?: Tensor;
  /** LayerNorm over embeddings + positions before the first layer (BERT, DistilBERT). */
  embedNorm?: NormWeights;
  /** The masked-LM head's transform before the de-embedding: LayerNorm(act(h·Wᵀ + b)) (BERT). */
  headTransform?: { dense: LinearWeights; norm: NormWeights };
}

/** A loaded model, ready for forward(). */
export interface Model {
  config: ModelConfig;
  /** Token strings, index = id (from __metadata__.vocab). */
  vocab?: string[];
  /** How text maps to the vocabulary (from __metadata__.tokenizer). */
  tokenizer?: 'char' | 'word';
  /** Every __metadata__ entry of the file, as strings. */
  metadata: Record<string, string>;
  weights: ModelWeights;
}
