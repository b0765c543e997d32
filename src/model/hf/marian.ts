// Marian / opus-mt onto the internal model, after Hugging Face's modeling_marian.py: a post-norm
// encoder-decoder with cross-attention, sinusoidal positions in the [sin | cos] layout (computed,
// not read: the stored embed_positions are that same table), embeddings scaled by √dModel,
// one vocabulary shared by encoder, decoder and the tied lm_head, plus final_logits_bias.
import { ModelFileError } from '../errors';
import type { ModelConfig } from '../config';
import type { LayerWeights, Model } from '../model';
import { zeros, type Tensor } from '../tensor';
import type { HfConfig } from './config';
import { HfTensors } from './tensors';

export function marianModel(hf: HfConfig, tensors: ReadonlyMap<string, Tensor>): Model {
  hf.refuseUnless(
    'share_encoder_decoder_embeddings',
    true,
    'Marian with separate encoder and decoder vocabularies',
  );
  hf.refuseUnless('normalize_before', false, 'Marian with pre-norm layers');
  hf.refuseUnless('normalize_embedding', false, 'Marian with an embedding LayerNorm');
  const heads = hf.int('encoder_attention_heads');
  const dFF = hf.int('encoder_ffn_dim');
  if (hf.int('decoder_attention_heads') !== heads)
    throw new ModelFileError(
      'an encoder and a decoder with different numbers of heads are not supported yet',
    );
  if (hf.int('decoder_ffn_dim') !== dFF)
    throw new ModelFileError(
      'an encoder and a decoder with different feed-forward widths are not supported yet',
    );
  const V = hf.int('vocab_size');
  if (hf.raw.decoder_vocab_size != null && hf.int('decoder_vocab_size') !== V)
    throw new ModelFileError('Marian with a separate decoder vocabulary is not supported yet');
  const config: ModelConfig = {
    arch: 'encoder-decoder',
    vocabSize: V,
    dModel: hf.int('d_model'),
    nHeads: heads,
    dFF,
    nLayers: hf.int('encoder_layers'),
    nDecoderLayers: hf.int('decoder_layers'),
    maxLen: hf.int('max_position_embeddings'),
    positional: 'sinusoidal',
    sinusoidLayout: 'halves',
    norm: 'post',
    activation: hf.activation('activation_function', 'swish'),
    layerNormEps: 1e-5, // nn.LayerNorm's default, as modeling_marian.py builds them
    scaleEmbedding: hf.bool('scale_embedding', false),
    padId: null, // the decoder starts with the pad token, and HF masks nothing in one unpadded sequence
  };
  const d = config.dModel;
  if (d % heads !== 0) throw new ModelFileError(`config.json: ${heads} heads must divide d_model ${d}`);
  if (d % 2 !== 0)
    throw new ModelFileError(`config.json: sinusoidal positions need an even d_model (got ${d})`);
  const t = HfTensors.withPrefix(tensors, 'shared.weight', ['model.', '']);
  const embed = t.has('shared.weight')
    ? t.get('shared.weight', [V, d])
    : t.get('encoder.embed_tokens.weight', [V, d]);
  const stack = (name: 'encoder' | 'decoder', n: number): LayerWeights[] => {
    const layers: LayerWeights[] = [];
    for (let i = 0; i < n; i++) {
      const l = `${name}.layers.${i}`;
      const attn = (a: string) =>
        t.attention(`${a}.q_proj`, `${a}.k_proj`, `${a}.v_proj`, `${a}.out_proj`, d);
      const layer: LayerWeights = {
        selfAttn: attn(`${l}.self_attn`),
        linear1: t.linear(`${l}.fc1`, dFF, d),
        linear2: t.linear(`${l}.fc2`, d, dFF),
        norm1: t.norm(`${l}.self_attn_layer_norm`, d),
        norm2: t.norm(name === 'decoder' ? `${l}.encoder_attn_layer_norm` : `${l}.final_layer_norm`, d),
      };
      if (name === 'decoder') {
        layer.crossAttn = attn(`${l}.encoder_attn`);
        layer.norm3 = t.norm(`${l}.final_layer_norm`, d);
      }
      layers.push(layer);
    }
    return layers;
  };
  const root = new HfTensors(tensors);
  const lmHead = root.has('lm_head.weight') ? root.get('lm_head.weight', [V, d]) : embed; // tied
  const bias = root.has('final_logits_bias') ? root.get('final_logits_bias', [1, V]) : zeros([1, V]);
  return {
    config,
    // Generation starts the target with decoder_start_token_id (the pad token for opus-mt).
    metadata: { family: 'marian', decoderStartId: String(hf.raw.decoder_start_token_id ?? hf.raw.pad_token_id ?? 0) },
    weights: {
      embed,
      encoder: { layers: stack('encoder', config.nLayers) },
      decoder: { layers: stack('decoder', config.nDecoderLayers ?? 0) },
      lmHead: { weight: lmHead, bias: { data: bias.data, shape: [V] } },
    },
  };
}
