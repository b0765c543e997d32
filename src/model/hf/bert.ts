// BERT and DistilBERT onto the internal model, after Hugging Face's modeling_bert.py and
// modeling_distilbert.py (masked-LM models): post-norm encoders; embeddings = word + position
// (+ token type 0 for BERT), then LayerNorm; the MLM head's transform LayerNorm(act(h·Wᵀ + b))
// and a de-embedding tied to the word embeddings with its own bias.
import { ModelFileError } from '../errors';
import type { ModelConfig } from '../config';
import type { LayerWeights, Model } from '../model';
import type { Tensor } from '../tensor';
import type { HfConfig } from './config';
import { HfTensors } from './tensors';

function encoderConfig(
  fields: Omit<ModelConfig, 'arch' | 'positional' | 'norm' | 'scaleEmbedding' | 'padId'>,
): ModelConfig {
  if (fields.dModel % fields.nHeads !== 0)
    throw new ModelFileError(
      `config.json: the number of heads ${fields.nHeads} must divide the width ${fields.dModel}`,
    );
  return {
    arch: 'encoder-only',
    positional: 'learned',
    norm: 'post',
    scaleEmbedding: false,
    padId: null,
    ...fields,
  };
}

function noMlmHead(name: string): never {
  throw new ModelFileError(`this checkpoint has no masked-LM head (${name}), so it cannot predict tokens`);
}

export function bertModel(hf: HfConfig, tensors: ReadonlyMap<string, Tensor>): Model {
  hf.refuseUnless('position_embedding_type', 'absolute', "BERT's relative position embeddings");
  hf.refuseUnless('is_decoder', false, 'BERT as a decoder');
  const config = encoderConfig({
    vocabSize: hf.int('vocab_size'),
    dModel: hf.int('hidden_size'),
    nHeads: hf.int('num_attention_heads'),
    dFF: hf.int('intermediate_size'),
    nLayers: hf.int('num_hidden_layers'),
    maxLen: hf.int('max_position_embeddings'),
    activation: hf.activation('hidden_act', 'gelu'),
    layerNormEps: hf.number('layer_norm_eps', 1e-12),
  });
  const { vocabSize: V, dModel: d, dFF, maxLen } = config;
  const t = HfTensors.withPrefix(tensors, 'embeddings.word_embeddings.weight', ['bert.', '']);
  const embed = t.get('embeddings.word_embeddings.weight', [V, d]);
  const layers: LayerWeights[] = [];
  for (let i = 0; i < config.nLayers; i++) {
    const l = `encoder.layer.${i}`;
    const s = `${l}.attention.self`;
    layers.push({
      selfAttn: t.attention(`${s}.query`, `${s}.key`, `${s}.value`, `${l}.attention.output.dense`, d),
      linear1: t.linear(`${l}.intermediate.dense`, dFF, d),
      linear2: t.linear(`${l}.output.dense`, d, dFF),
      norm1: t.norm(`${l}.attention.output.LayerNorm`, d),
      norm2: t.norm(`${l}.output.LayerNorm`, d),
    });
  }
  const head = new HfTensors(tensors, 'cls.predictions.');
  if (!head.has('bias')) noMlmHead('cls.predictions.*');
  const decoder = head.has('decoder.weight') ? head.get('decoder.weight', [V, d]) : embed; // tied
  return {
    config,
    metadata: { family: 'bert' },
    weights: {
      embed,
      posEmbed: t.get('embeddings.position_embeddings.weight', [maxLen, d]),
      tokenTypeEmbed: t.get('embeddings.token_type_embeddings.weight', [hf.int('type_vocab_size', 2), d]),
      embedNorm: t.norm('embeddings.LayerNorm', d),
      encoder: { layers },
      headTransform: {
        dense: head.linear('transform.dense', d, d),
        norm: head.norm('transform.LayerNorm', d),
      },
      lmHead: { weight: decoder, bias: head.get('bias', [V]) },
    },
  };
}

export function distilbertModel(hf: HfConfig, tensors: ReadonlyMap<string, Tensor>): Model {
  const config = encoderConfig({
    vocabSize: hf.int('vocab_size'),
    dModel: hf.int('dim'),
    nHeads: hf.int('n_heads'),
    dFF: hf.int('hidden_dim'),
    nLayers: hf.int('n_layers'),
    maxLen: hf.int('max_position_embeddings'),
    activation: hf.activation('activation', 'gelu'),
    layerNormEps: 1e-12, // modeling_distilbert.py builds every LayerNorm with eps=1e-12
  });
  const { vocabSize: V, dModel: d, dFF, maxLen } = config;
  const t = HfTensors.withPrefix(tensors, 'embeddings.word_embeddings.weight', ['distilbert.', '']);
  const embed = t.get('embeddings.word_embeddings.weight', [V, d]);
  const layers: LayerWeights[] = [];
  for (let i = 0; i < config.nLayers; i++) {
    const l = `transformer.layer.${i}`;
    const a = `${l}.attention`;
    layers.push({
      selfAttn: t.attention(`${a}.q_lin`, `${a}.k_lin`, `${a}.v_lin`, `${a}.out_lin`, d),
      linear1: t.linear(`${l}.ffn.lin1`, dFF, d),
      linear2: t.linear(`${l}.ffn.lin2`, d, dFF),
      norm1: t.norm(`${l}.sa_layer_norm`, d),
      norm2: t.norm(`${l}.output_layer_norm`, d),
    });
  }
  const root = new HfTensors(tensors);
  if (!root.has('vocab_projector.bias')) noMlmHead('vocab_transform, vocab_layer_norm, vocab_projector');
  const projector = root.has('vocab_projector.weight') ? root.get('vocab_projector.weight', [V, d]) : embed; // tied
  return {
    config,
    metadata: { family: 'distilbert' },
    weights: {
      embed,
      // Sinusoidal or not (sinusoidal_pos_embds), DistilBERT stores its position table as weights.
      posEmbed: t.get('embeddings.position_embeddings.weight', [maxLen, d]),
      embedNorm: t.norm('embeddings.LayerNorm', d),
      encoder: { layers },
      headTransform: { dense: root.linear('vocab_transform', d, d), norm: root.norm('vocab_layer_norm', d) },
      lmHead: { weight: projector, bias: root.get('vocab_projector.bias', [V]) },
    },
  };
}
