// GPT-2 (and distilgpt2) onto the internal model, after Hugging Face's modeling_gpt2.py:
// pre-norm decoder (ln_1, attention, ln_2, MLP), learned positions (wpe), final ln_f, gelu_new,
// Conv1D weights stored [in, out] (transposed here), fused c_attn = [W_Q | W_K | W_V], and the
// de-embedding tied to the token embeddings (wte) unless lm_head.weight is stored.
import type { ModelConfig } from '../config';
import { ModelFileError } from '../errors';
import type { LayerWeights, Model } from '../model';
import { zeros, type Tensor } from '../tensor';
import type { HfConfig } from './config';
import { HfTensors } from './tensors';

export function gpt2Model(hf: HfConfig, tensors: ReadonlyMap<string, Tensor>): Model {
  hf.refuseUnless(
    'scale_attn_by_inverse_layer_idx',
    false,
    "GPT-2's attention scaled by the inverse layer index",
  );
  hf.refuseUnless('add_cross_attention', false, 'GPT-2 with cross-attention');
  hf.refuseUnless('scale_attn_weights', true, 'GPT-2 attention without the 1/√dHead scale');
  const dModel = hf.int('n_embd');
  const config: ModelConfig = {
    arch: 'decoder-only',
    vocabSize: hf.int('vocab_size'),
    dModel,
    nHeads: hf.int('n_head'),
    dFF: hf.raw.n_inner == null ? 4 * dModel : hf.int('n_inner'),
    nLayers: hf.int('n_layer'),
    maxLen: hf.int('n_positions'),
    positional: 'learned',
    norm: 'pre',
    activation: hf.activation('activation_function', 'gelu_new'),
    layerNormEps: hf.number('layer_norm_epsilon', 1e-5),
    scaleEmbedding: false,
    padId: null, // HF attends to every token of one unpadded sequence
  };
  if (dModel % config.nHeads !== 0)
    throw new ModelFileError(`config.json: n_head ${config.nHeads} must divide n_embd ${dModel}`);
  const { vocabSize: V, dFF, nLayers, maxLen } = config;
  const d = dModel;
  // openai-community/gpt2 stores names bare ("h.0.…"), distilgpt2 and GPT2LMHeadModel under "transformer.".
  const t = HfTensors.withPrefix(tensors, 'wte.weight', ['transformer.', '']);
  const embed = t.get('wte.weight', [V, d]);
  const layers: LayerWeights[] = [];
  for (let i = 0; i < nLayers; i++) {
    const h = `h.${i}`;
    const cAttn = t.conv1d(`${h}.attn.c_attn`, d, 3 * d); // [3d, d]: rows W_Q, W_K, W_V
    layers.push({
      selfAttn: { inProj: cAttn, outProj: t.conv1d(`${h}.attn.c_proj`, d, d) },
      linear1: t.conv1d(`${h}.mlp.c_fc`, d, dFF),
      linear2: t.conv1d(`${h}.mlp.c_proj`, dFF, d),
      norm1: t.norm(`${h}.ln_1`, d),
      norm2: t.norm(`${h}.ln_2`, d),
    });
  }
  const root = new HfTensors(tensors);
  const lmHead = root.has('lm_head.weight') ? root.get('lm_head.weight', [V, d]) : embed; // tied
  return {
    config,
    metadata: { family: 'gpt2' },
    weights: {
      embed,
      posEmbed: t.get('wpe.weight', [maxLen, d]),
      decoder: { layers, norm: t.norm('ln_f', d) },
      lmHead: { weight: lmHead, bias: zeros([V]) },
    },
  };
}
