#!/usr/bin/env python3
"""Tiny random Hugging Face checkpoints and their PyTorch golden traces (issue 18).

Run: /usr/bin/python3 scripts/reference/hf_fixtures.py   (PyTorch 1.13, numpy; no `transformers`)

For each family (GPT-2, BERT, DistilBERT, Marian) this writes, under src/model/hf/fixtures/NAME/,
a checkpoint in that family's exact Hugging Face layout -- config.json keys, state_dict names and
shapes (GPT-2's Conv1D weights stored [in, out]), tokenizer.json, tokenizer_config.json,
special_tokens_map.json -- in F32 and in F16 (the F16 GPT-2 is sharded, with
model.safetensors.index.json), and trace.json: {"args": CLI flags, "trace": the numbers}.

The reference forward of each family is written here from Hugging Face's modeling code
(modeling_gpt2.py, modeling_bert.py, modeling_distilbert.py, modeling_marian.py, eval mode, no
dropout), in float32 on the weights as stored (F16 weights widened to float32, as
`from_pretrained(..., torch_dtype=torch.float32)` does). The trace uses Atlas's names
(spec/model.md §The trace): q, k, v per head before scaling; scores = QK^T/sqrt(dHead) before the
mask; mask true = blocked; weights after softmax.
"""
import json
import math
import os
import struct

import numpy as np
import torch

torch.set_grad_enabled(False)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT = os.path.join(ROOT, 'src', 'model', 'hf', 'fixtures')


# ---------------------------------------------------------------- safetensors
def write_safetensors(path, tensors, dtype):
    """tensors: list of (name, torch.Tensor); dtype 'F32' or 'F16'. Header padded to 8 bytes."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors:
        arr = t.detach().cpu().numpy().astype('<f4' if dtype == 'F32' else '<f2')
        b = arr.tobytes()
        header[name] = {'dtype': dtype, 'shape': list(t.shape), 'data_offsets': [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    header['__metadata__'] = {'format': 'pt'}
    js = json.dumps(header, separators=(',', ':'))
    while (8 + len(js.encode())) % 8:
        js += ' '
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(js.encode())))
        f.write(js.encode())
        for b in blobs:
            f.write(b)


def as_stored(params, dtype):
    """The weights a loader sees: F16 rounds every number to half precision."""
    return {k: (v.half().float() if dtype == 'F16' else v.clone()) for k, v in params.items()}


def save_checkpoint(folder, params, dtype, shards=1):
    names = list(params.keys())
    if shards == 1:
        write_safetensors(os.path.join(folder, 'model.safetensors'), [(n, params[n]) for n in names], dtype)
        return
    per = math.ceil(len(names) / shards)
    weight_map, total = {}, 0
    for i in range(shards):
        fname = f'model-{i + 1:05d}-of-{shards:05d}.safetensors'
        part = names[i * per:(i + 1) * per]
        write_safetensors(os.path.join(folder, fname), [(n, params[n]) for n in part], dtype)
        for n in part:
            weight_map[n] = fname
            total += params[n].numel() * (2 if dtype == 'F16' else 4)
    with open(os.path.join(folder, 'model.safetensors.index.json'), 'w') as f:
        json.dump({'metadata': {'total_size': total}, 'weight_map': weight_map}, f, indent=2)


# ---------------------------------------------------------------- random weights
class Rand:
    def __init__(self, seed):
        self.g = torch.Generator().manual_seed(seed)

    def normal(self, *shape, std=0.3):
        return torch.randn(*shape, generator=self.g) * std

    def gain(self, n):
        return 1 + self.normal(n, std=0.1)


# ---------------------------------------------------------------- shared math
def layer_norm(x, w, b, eps):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w, b, eps)


def gelu_new(x):  # HF NewGELUActivation (GPT-2)
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


ACT = {
    'gelu': lambda x: torch.nn.functional.gelu(x),  # exact erf GELU (HF GELUActivation)
    'gelu_new': gelu_new,
    'relu': torch.relu,
    'swish': torch.nn.functional.silu,
    'silu': torch.nn.functional.silu,
}


def attention(xq, xkv, wq, bq, wk, bk, wv, bv, wo, bo, n_heads, blocked):
    """Multi-head attention with nn.Linear-layout weights [out, in]; returns output and the trace."""
    Sq, d = xq.shape
    Sk = xkv.shape[0]
    dh = d // n_heads
    q = (xq @ wq.T + bq).view(Sq, n_heads, dh).transpose(0, 1)  # [h, Sq, dh]
    k = (xkv @ wk.T + bk).view(Sk, n_heads, dh).transpose(0, 1)  # [h, Sk, dh]
    v = (xkv @ wv.T + bv).view(Sk, n_heads, dh).transpose(0, 1)  # [h, Sk, dh]
    scores = q @ k.transpose(1, 2) / math.sqrt(dh)  # [h, Sq, Sk]
    masked = scores.masked_fill(blocked.unsqueeze(0), torch.finfo(torch.float32).min)
    weights = torch.softmax(masked, dim=-1)
    heads = weights @ v  # [h, Sq, dh]
    out = heads.transpose(0, 1).reshape(Sq, d) @ wo.T + bo
    tr = {'q': q, 'k': k, 'v': v, 'scores': scores, 'mask': blocked, 'weights': weights, 'headOutputs': heads, 'output': out}
    return out, tr


def causal(S):
    return torch.triu(torch.ones(S, S, dtype=torch.bool), diagonal=1)


def full(Sq, Sk):
    return torch.zeros(Sq, Sk, dtype=torch.bool)


def to_json(x):
    if isinstance(x, dict):
        return {k: to_json(v) for k, v in x.items()}
    if isinstance(x, list):
        return [to_json(v) for v in x]
    if isinstance(x, torch.Tensor):
        if x.dtype == torch.bool:
            return x.tolist()
        if x.dtype in (torch.int32, torch.int64):
            return x.tolist()
        return [float(f'{v:.7g}') for v in x.flatten().tolist()] if x.dim() == 1 else [to_json(r) for r in x]
    return x


def head_outputs(logits):
    return {'logits': logits, 'probs': torch.softmax(logits, dim=-1), 'argmax': torch.argmax(logits, dim=-1)}


# ---------------------------------------------------------------- tokenizers
def bytes_to_unicode():
    """GPT-2's byte → printable character table (openai/gpt-2 encoder.py)."""
    bs = list(range(ord('!'), ord('~') + 1)) + list(range(ord('¡'), ord('¬') + 1)) + list(range(ord('®'), ord('ÿ') + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


def gpt2_tokenizer():
    byte_chars = [bytes_to_unicode()[b] for b in range(256)]
    vocab = {c: i for i, c in enumerate(byte_chars)}
    merges = ['Ġ t', 'h e', 'Ġt he', 'Ġ d', 'o g', 'Ġd og', 'Ġ c', 'a t', 'Ġc at', 'Ġ s', 'a w', 'Ġs aw',
              'Ġ a', 'i n', 'Ġa n', 'in g', 'Ġ r', 'u n', 'Ġr un', 'Ġrun n', 'Ġrunn ing', 'T he', 'e r', 'Ġ o',
              'Ġo v', 'Ġov er', 'Ġ m', 'a ts', 'Ġm ats', 'Ġ .', 'Ġ Ġ', 'ĠĠ ĠĠ']
    for m in merges:
        tok = m.replace(' ', '')
        if tok not in vocab:
            vocab[tok] = len(vocab)
    eos = len(vocab)
    tokenizer = {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': eos, 'content': '<|endoftext|>', 'single_word': False, 'lstrip': False,
                          'rstrip': False, 'normalized': True, 'special': True}],
        'normalizer': None,
        'pre_tokenizer': {'type': 'ByteLevel', 'add_prefix_space': False, 'trim_offsets': True, 'use_regex': True},
        'post_processor': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': False, 'use_regex': True},
        'decoder': {'type': 'ByteLevel', 'add_prefix_space': True, 'trim_offsets': True, 'use_regex': True},
        'model': {'type': 'BPE', 'dropout': None, 'unk_token': None, 'continuing_subword_prefix': '',
                  'end_of_word_suffix': '', 'fuse_unk': False, 'byte_fallback': False, 'ignore_merges': False,
                  'vocab': vocab, 'merges': merges},
    }
    config = {'model_max_length': 1024, 'bos_token': '<|endoftext|>', 'eos_token': '<|endoftext|>',
              'unk_token': '<|endoftext|>', 'add_prefix_space': False, 'tokenizer_class': 'GPT2Tokenizer'}
    special = {'bos_token': '<|endoftext|>', 'eos_token': '<|endoftext|>', 'unk_token': '<|endoftext|>'}
    return tokenizer, config, special, eos + 1


def wordpiece_tokenizer():
    words = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'the', 'dog', 'cat', 'saw', 'a', 'run', '##ning', '##s',
             'over', 'mat', '.', ',', '!', 'play', '##ing', '##ed', 'jump', 'big', 'small', 'red', 'is', 'was', 'on',
             'in', 'and', 'it', 'sat', 'un', '##believ', '##able', 'walk', 'b', 'c', 'd', 'e', '##e', '##r', '##n']
    vocab = {w: i for i, w in enumerate(words)}
    cls, sep = vocab['[CLS]'], vocab['[SEP]']
    tokenizer = {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': vocab[t], 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False,
                          'normalized': False, 'special': True} for t in ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]']],
        'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True,
                       'strip_accents': None, 'lowercase': True},
        'pre_tokenizer': {'type': 'BertPreTokenizer'},
        'post_processor': {
            'type': 'TemplateProcessing',
            'single': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                       {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}],
            'pair': [{'SpecialToken': {'id': '[CLS]', 'type_id': 0}}, {'Sequence': {'id': 'A', 'type_id': 0}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 1}},
                     {'SpecialToken': {'id': '[SEP]', 'type_id': 1}}],
            'special_tokens': {'[CLS]': {'id': '[CLS]', 'ids': [cls], 'tokens': ['[CLS]']},
                               '[SEP]': {'id': '[SEP]', 'ids': [sep], 'tokens': ['[SEP]']}}},
        'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
        'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##',
                  'max_input_chars_per_word': 100, 'vocab': vocab},
    }
    config = {'do_lower_case': True, 'model_max_length': 512, 'tokenizer_class': 'BertTokenizer',
              'cls_token': '[CLS]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'mask_token': '[MASK]', 'unk_token': '[UNK]'}
    special = {'cls_token': '[CLS]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'mask_token': '[MASK]', 'unk_token': '[UNK]'}
    return tokenizer, config, special, len(words)


def unigram_tokenizer():
    pieces = [('</s>', 0.0), ('<unk>', 0.0), ('▁the', -2.0), ('▁dog', -3.0), ('▁cat', -3.0), ('▁saw', -3.5),
              ('▁a', -2.5), ('▁der', -3.0), ('▁Hund', -4.0), ('▁die', -3.0), ('▁Katze', -4.0), ('▁sah', -4.0),
              ('▁eine', -3.5), ('▁', -2.0), ('s', -3.0), ('.', -2.5), ('▁run', -4.0), ('ning', -4.5), ('▁', -9.0)]
    pieces = pieces[:-1]
    for c in 'abcdefghijklmnopqrstuvwxyzHKT':
        pieces.append((c, -6.0))
    pieces.append(('<pad>', 0.0))
    pad = len(pieces) - 1
    tokenizer = {
        'version': '1.0', 'truncation': None, 'padding': None,
        'added_tokens': [{'id': i, 'content': p, 'single_word': False, 'lstrip': False, 'rstrip': False,
                          'normalized': False, 'special': True}
                         for i, (p, _) in enumerate(pieces) if p in ('</s>', '<unk>', '<pad>')],
        'normalizer': None,
        'pre_tokenizer': {'type': 'Metaspace', 'replacement': '▁', 'add_prefix_space': True, 'prepend_scheme': 'always'},
        'post_processor': {'type': 'TemplateProcessing',
                           'single': [{'Sequence': {'id': 'A', 'type_id': 0}}, {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
                           'pair': [{'Sequence': {'id': 'A', 'type_id': 0}}, {'Sequence': {'id': 'B', 'type_id': 0}},
                                    {'SpecialToken': {'id': '</s>', 'type_id': 0}}],
                           'special_tokens': {'</s>': {'id': '</s>', 'ids': [0], 'tokens': ['</s>']}}},
        'decoder': {'type': 'Metaspace', 'replacement': '▁', 'add_prefix_space': True, 'prepend_scheme': 'always'},
        'model': {'type': 'Unigram', 'unk_id': 1, 'vocab': [[p, s] for p, s in pieces], 'byte_fallback': False},
    }
    config = {'model_max_length': 512, 'tokenizer_class': 'MarianTokenizer', 'eos_token': '</s>',
              'unk_token': '<unk>', 'pad_token': '<pad>'}
    special = {'eos_token': '</s>', 'unk_token': '<unk>', 'pad_token': '<pad>'}
    return tokenizer, config, special, len(pieces), pad


# ---------------------------------------------------------------- GPT-2 (modeling_gpt2.py)
def gpt2_params(cfg, r):
    d, V, L, P = cfg['n_embd'], cfg['vocab_size'], cfg['n_layer'], cfg['n_positions']
    dff = cfg['n_inner'] or 4 * d
    p = {'transformer.wte.weight': r.normal(V, d), 'transformer.wpe.weight': r.normal(P, d, std=0.1)}
    for i in range(L):
        h = f'transformer.h.{i}.'
        p[h + 'ln_1.weight'] = r.gain(d); p[h + 'ln_1.bias'] = r.normal(d, std=0.1)
        p[h + 'attn.c_attn.weight'] = r.normal(d, 3 * d); p[h + 'attn.c_attn.bias'] = r.normal(3 * d, std=0.1)  # Conv1D [in, out]
        p[h + 'attn.c_proj.weight'] = r.normal(d, d); p[h + 'attn.c_proj.bias'] = r.normal(d, std=0.1)
        p[h + 'ln_2.weight'] = r.gain(d); p[h + 'ln_2.bias'] = r.normal(d, std=0.1)
        p[h + 'mlp.c_fc.weight'] = r.normal(d, dff); p[h + 'mlp.c_fc.bias'] = r.normal(dff, std=0.1)
        p[h + 'mlp.c_proj.weight'] = r.normal(dff, d, std=0.15); p[h + 'mlp.c_proj.bias'] = r.normal(d, std=0.1)
    p['transformer.ln_f.weight'] = r.gain(d); p['transformer.ln_f.bias'] = r.normal(d, std=0.1)
    return p  # lm_head.weight is tied to wte and not stored (as save_pretrained does)


def gpt2_forward(cfg, p, ids):
    p = {(k if k.startswith('transformer.') else 'transformer.' + k): v for k, v in p.items()}
    d, nh, eps = cfg['n_embd'], cfg['n_head'], cfg['layer_norm_epsilon']
    act = ACT[cfg['activation_function']]
    S = len(ids)
    t = torch.tensor(ids)
    emb = p['transformer.wte.weight'][t]
    pos = p['transformer.wpe.weight'][:S]
    x = emb + pos
    stack = {'tokens': t, 'embeddings': emb, 'positional': pos, 'input': x, 'layers': []}
    for i in range(cfg['n_layer']):
        h = f'transformer.h.{i}.'
        a_in = layer_norm(x, p[h + 'ln_1.weight'], p[h + 'ln_1.bias'], eps)
        W = p[h + 'attn.c_attn.weight']; B = p[h + 'attn.c_attn.bias']  # Conv1D: y = x @ W + b
        wq, wk, wv = (W[:, j * d:(j + 1) * d].T for j in range(3))
        bq, bk, bv = (B[j * d:(j + 1) * d] for j in range(3))
        a_out, tr = attention(a_in, a_in, wq, bq, wk, bk, wv, bv, p[h + 'attn.c_proj.weight'].T,
                              p[h + 'attn.c_proj.bias'], nh, causal(S))
        x = x + a_out
        m_in = layer_norm(x, p[h + 'ln_2.weight'], p[h + 'ln_2.bias'], eps)
        hidden = act(m_in @ p[h + 'mlp.c_fc.weight'] + p[h + 'mlp.c_fc.bias'])
        x = x + hidden @ p[h + 'mlp.c_proj.weight'] + p[h + 'mlp.c_proj.bias']
        stack['layers'].append({'selfAttention': tr, 'ffnHidden': hidden, 'output': x})
    x = layer_norm(x, p['transformer.ln_f.weight'], p['transformer.ln_f.bias'], eps)
    stack['output'] = x
    logits = x @ p['transformer.wte.weight'].T  # tied lm_head, no bias
    return {'decoder': stack, **head_outputs(logits)}


# ---------------------------------------------------------------- BERT (modeling_bert.py, BertForMaskedLM)
def bert_params(cfg, r):
    d, V, L, P, dff = cfg['hidden_size'], cfg['vocab_size'], cfg['num_hidden_layers'], cfg['max_position_embeddings'], cfg['intermediate_size']
    e = 'bert.embeddings.'
    p = {e + 'word_embeddings.weight': r.normal(V, d), e + 'position_embeddings.weight': r.normal(P, d, std=0.1),
         e + 'token_type_embeddings.weight': r.normal(cfg['type_vocab_size'], d, std=0.1),
         e + 'LayerNorm.weight': r.gain(d), e + 'LayerNorm.bias': r.normal(d, std=0.1)}
    for i in range(L):
        l = f'bert.encoder.layer.{i}.'
        for n in ('query', 'key', 'value'):
            p[l + f'attention.self.{n}.weight'] = r.normal(d, d); p[l + f'attention.self.{n}.bias'] = r.normal(d, std=0.1)
        p[l + 'attention.output.dense.weight'] = r.normal(d, d); p[l + 'attention.output.dense.bias'] = r.normal(d, std=0.1)
        p[l + 'attention.output.LayerNorm.weight'] = r.gain(d); p[l + 'attention.output.LayerNorm.bias'] = r.normal(d, std=0.1)
        p[l + 'intermediate.dense.weight'] = r.normal(dff, d); p[l + 'intermediate.dense.bias'] = r.normal(dff, std=0.1)
        p[l + 'output.dense.weight'] = r.normal(d, dff, std=0.15); p[l + 'output.dense.bias'] = r.normal(d, std=0.1)
        p[l + 'output.LayerNorm.weight'] = r.gain(d); p[l + 'output.LayerNorm.bias'] = r.normal(d, std=0.1)
    c = 'cls.predictions.'
    p[c + 'bias'] = r.normal(V, std=0.1)
    p[c + 'transform.dense.weight'] = r.normal(d, d); p[c + 'transform.dense.bias'] = r.normal(d, std=0.1)
    p[c + 'transform.LayerNorm.weight'] = r.gain(d); p[c + 'transform.LayerNorm.bias'] = r.normal(d, std=0.1)
    return p  # cls.predictions.decoder.weight is tied to word_embeddings and not stored


def bert_forward(cfg, p, ids):
    d, nh, eps = cfg['hidden_size'], cfg['num_attention_heads'], cfg['layer_norm_eps']
    act = ACT[cfg['hidden_act']]
    S = len(ids)
    t = torch.tensor(ids)
    e = 'bert.embeddings.'
    emb = p[e + 'word_embeddings.weight'][t] + p[e + 'token_type_embeddings.weight'][0]  # token_type_ids = 0
    pos = p[e + 'position_embeddings.weight'][:S]
    x = layer_norm(emb + pos, p[e + 'LayerNorm.weight'], p[e + 'LayerNorm.bias'], eps)
    stack = {'tokens': t, 'embeddings': emb, 'positional': pos, 'input': x, 'layers': []}
    for i in range(cfg['num_hidden_layers']):
        l = f'bert.encoder.layer.{i}.'
        s = l + 'attention.self.'
        a_out, tr = attention(x, x, p[s + 'query.weight'], p[s + 'query.bias'], p[s + 'key.weight'], p[s + 'key.bias'],
                              p[s + 'value.weight'], p[s + 'value.bias'], p[l + 'attention.output.dense.weight'],
                              p[l + 'attention.output.dense.bias'], nh, full(S, S))
        x = layer_norm(a_out + x, p[l + 'attention.output.LayerNorm.weight'], p[l + 'attention.output.LayerNorm.bias'], eps)
        hidden = act(x @ p[l + 'intermediate.dense.weight'].T + p[l + 'intermediate.dense.bias'])
        x = layer_norm(hidden @ p[l + 'output.dense.weight'].T + p[l + 'output.dense.bias'] + x,
                       p[l + 'output.LayerNorm.weight'], p[l + 'output.LayerNorm.bias'], eps)
        stack['layers'].append({'selfAttention': tr, 'ffnHidden': hidden, 'output': x})
    stack['output'] = x
    c = 'cls.predictions.'
    h = act(x @ p[c + 'transform.dense.weight'].T + p[c + 'transform.dense.bias'])
    h = layer_norm(h, p[c + 'transform.LayerNorm.weight'], p[c + 'transform.LayerNorm.bias'], eps)
    logits = h @ p[e + 'word_embeddings.weight'].T + p[c + 'bias']  # tied decoder with its own bias
    return {'encoder': stack, **head_outputs(logits)}


# ---------------------------------------------------------------- DistilBERT (modeling_distilbert.py, DistilBertForMaskedLM)
def distilbert_params(cfg, r):
    d, V, L, P, dff = cfg['dim'], cfg['vocab_size'], cfg['n_layers'], cfg['max_position_embeddings'], cfg['hidden_dim']
    e = 'distilbert.embeddings.'
    p = {e + 'word_embeddings.weight': r.normal(V, d), e + 'position_embeddings.weight': r.normal(P, d, std=0.1),
         e + 'LayerNorm.weight': r.gain(d), e + 'LayerNorm.bias': r.normal(d, std=0.1)}
    for i in range(L):
        l = f'distilbert.transformer.layer.{i}.'
        for n in ('q_lin', 'k_lin', 'v_lin', 'out_lin'):
            p[l + f'attention.{n}.weight'] = r.normal(d, d); p[l + f'attention.{n}.bias'] = r.normal(d, std=0.1)
        p[l + 'sa_layer_norm.weight'] = r.gain(d); p[l + 'sa_layer_norm.bias'] = r.normal(d, std=0.1)
        p[l + 'ffn.lin1.weight'] = r.normal(dff, d); p[l + 'ffn.lin1.bias'] = r.normal(dff, std=0.1)
        p[l + 'ffn.lin2.weight'] = r.normal(d, dff, std=0.15); p[l + 'ffn.lin2.bias'] = r.normal(d, std=0.1)
        p[l + 'output_layer_norm.weight'] = r.gain(d); p[l + 'output_layer_norm.bias'] = r.normal(d, std=0.1)
    p['vocab_transform.weight'] = r.normal(d, d); p['vocab_transform.bias'] = r.normal(d, std=0.1)
    p['vocab_layer_norm.weight'] = r.gain(d); p['vocab_layer_norm.bias'] = r.normal(d, std=0.1)
    p['vocab_projector.bias'] = r.normal(V, std=0.1)
    return p  # vocab_projector.weight is tied to word_embeddings and not stored


def distilbert_forward(cfg, p, ids):
    d, nh, eps = cfg['dim'], cfg['n_heads'], 1e-12  # DistilBERT's LayerNorms use eps=1e-12
    act = ACT[cfg['activation']]
    S = len(ids)
    t = torch.tensor(ids)
    e = 'distilbert.embeddings.'
    emb = p[e + 'word_embeddings.weight'][t]
    pos = p[e + 'position_embeddings.weight'][:S]
    x = layer_norm(emb + pos, p[e + 'LayerNorm.weight'], p[e + 'LayerNorm.bias'], eps)
    stack = {'tokens': t, 'embeddings': emb, 'positional': pos, 'input': x, 'layers': []}
    for i in range(cfg['n_layers']):
        l = f'distilbert.transformer.layer.{i}.attention.'
        a_out, tr = attention(x, x, p[l + 'q_lin.weight'], p[l + 'q_lin.bias'], p[l + 'k_lin.weight'], p[l + 'k_lin.bias'],
                              p[l + 'v_lin.weight'], p[l + 'v_lin.bias'], p[l + 'out_lin.weight'], p[l + 'out_lin.bias'],
                              nh, full(S, S))
        l = f'distilbert.transformer.layer.{i}.'
        x = layer_norm(a_out + x, p[l + 'sa_layer_norm.weight'], p[l + 'sa_layer_norm.bias'], eps)
        hidden = act(x @ p[l + 'ffn.lin1.weight'].T + p[l + 'ffn.lin1.bias'])
        x = layer_norm(hidden @ p[l + 'ffn.lin2.weight'].T + p[l + 'ffn.lin2.bias'] + x,
                       p[l + 'output_layer_norm.weight'], p[l + 'output_layer_norm.bias'], eps)
        stack['layers'].append({'selfAttention': tr, 'ffnHidden': hidden, 'output': x})
    stack['output'] = x
    h = act(x @ p['vocab_transform.weight'].T + p['vocab_transform.bias'])
    h = layer_norm(h, p['vocab_layer_norm.weight'], p['vocab_layer_norm.bias'], eps)
    logits = h @ p[e + 'word_embeddings.weight'].T + p['vocab_projector.bias']
    return {'encoder': stack, **head_outputs(logits)}


# ---------------------------------------------------------------- Marian (modeling_marian.py, MarianMTModel)
def marian_sinusoid(n_pos, dim):
    """MarianSinusoidalPositionalEmbedding._init_weight: [sin | cos] halves, not interleaved."""
    position_enc = np.array([[pos / np.power(10000, 2 * (j // 2) / dim) for j in range(dim)] for pos in range(n_pos)])
    out = torch.empty(n_pos, dim)
    sentinel = dim // 2 if dim % 2 == 0 else (dim // 2) + 1
    out[:, 0:sentinel] = torch.FloatTensor(np.sin(position_enc[:, 0::2]))
    out[:, sentinel:] = torch.FloatTensor(np.cos(position_enc[:, 1::2]))
    return out


def marian_params(cfg, r):
    d, V = cfg['d_model'], cfg['vocab_size']
    shared = r.normal(V, d, std=0.2)
    p = {'final_logits_bias': r.normal(1, V, std=0.1), 'model.shared.weight': shared,
         'model.encoder.embed_tokens.weight': shared, 'model.decoder.embed_tokens.weight': shared,
         'model.encoder.embed_positions.weight': marian_sinusoid(cfg['max_position_embeddings'], d),
         'model.decoder.embed_positions.weight': marian_sinusoid(cfg['max_position_embeddings'], d)}

    def attn(pre):
        for n in ('k_proj', 'v_proj', 'q_proj', 'out_proj'):
            p[pre + n + '.weight'] = r.normal(d, d); p[pre + n + '.bias'] = r.normal(d, std=0.1)

    def norm(pre):
        p[pre + '.weight'] = r.gain(d); p[pre + '.bias'] = r.normal(d, std=0.1)

    for stack, L, dff in (('encoder', cfg['encoder_layers'], cfg['encoder_ffn_dim']), ('decoder', cfg['decoder_layers'], cfg['decoder_ffn_dim'])):
        for i in range(L):
            l = f'model.{stack}.layers.{i}.'
            attn(l + 'self_attn.'); norm(l + 'self_attn_layer_norm')
            if stack == 'decoder':
                attn(l + 'encoder_attn.'); norm(l + 'encoder_attn_layer_norm')
            p[l + 'fc1.weight'] = r.normal(dff, d); p[l + 'fc1.bias'] = r.normal(dff, std=0.1)
            p[l + 'fc2.weight'] = r.normal(d, dff, std=0.15); p[l + 'fc2.bias'] = r.normal(d, std=0.1)
            norm(l + 'final_layer_norm')
    p['lm_head.weight'] = shared
    return p


def marian_forward(cfg, p, src, tgt):
    d, eps = cfg['d_model'], 1e-5
    act = ACT[cfg['activation_function']]
    scale = math.sqrt(d) if cfg['scale_embedding'] else 1.0
    out = {}

    def sa(pre, xq, xkv, blocked, nh):
        g = lambda n: p[pre + n]
        return attention(xq, xkv, g('q_proj.weight'), g('q_proj.bias'), g('k_proj.weight'), g('k_proj.bias'),
                         g('v_proj.weight'), g('v_proj.bias'), g('out_proj.weight'), g('out_proj.bias'), nh, blocked)

    def ln(x, pre):
        return layer_norm(x, p[pre + '.weight'], p[pre + '.bias'], eps)

    memory = None
    for stack, ids in (('encoder', src), ('decoder', tgt)):
        S = len(ids)
        t = torch.tensor(ids)
        emb = p['model.shared.weight'][t] * scale
        pos = marian_sinusoid(cfg['max_position_embeddings'], d)[:S]
        x = emb + pos
        st = {'tokens': t, 'embeddings': emb, 'positional': pos, 'input': x, 'layers': []}
        L = cfg[f'{stack}_layers']
        nh = cfg[f'{stack}_attention_heads']
        for i in range(L):
            l = f'model.{stack}.layers.{i}.'
            a, tr = sa(l + 'self_attn.', x, x, full(S, S) if stack == 'encoder' else causal(S), nh)
            x = ln(x + a, l + 'self_attn_layer_norm')
            layer = {'selfAttention': tr}
            if stack == 'decoder':
                c, ctr = sa(l + 'encoder_attn.', x, memory, full(S, memory.shape[0]), nh)
                x = ln(x + c, l + 'encoder_attn_layer_norm')
                layer['crossAttention'] = ctr
            hidden = act(x @ p[l + 'fc1.weight'].T + p[l + 'fc1.bias'])
            x = ln(x + hidden @ p[l + 'fc2.weight'].T + p[l + 'fc2.bias'], l + 'final_layer_norm')
            layer['ffnHidden'] = hidden
            layer['output'] = x
            st['layers'].append(layer)
        st['output'] = x
        out[stack] = st
        memory = x
    logits = memory @ p['model.shared.weight'].T + p['final_logits_bias'][0]  # lm_head tied to shared
    return {**out, **head_outputs(logits)}


# ---------------------------------------------------------------- writing
def write_folder(name, config, params, dtype, tok, forward, args, shards=1, extra_files=None):
    folder = os.path.join(OUT, name)
    os.makedirs(folder, exist_ok=True)
    for f in os.listdir(folder):
        os.remove(os.path.join(folder, f))
    stored = as_stored(params, dtype)
    save_checkpoint(folder, params, dtype, shards)
    tokenizer, tok_config, special = tok
    with open(os.path.join(folder, 'config.json'), 'w') as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(folder, 'tokenizer.json'), 'w') as f:
        json.dump(tokenizer, f, ensure_ascii=False, separators=(',', ':'))
    with open(os.path.join(folder, 'tokenizer_config.json'), 'w') as f:
        json.dump(tok_config, f, indent=2)
    with open(os.path.join(folder, 'special_tokens_map.json'), 'w') as f:
        json.dump(special, f, indent=2)
    trace = forward(stored)
    with open(os.path.join(folder, 'trace.json'), 'w') as f:
        json.dump({'args': args, 'trace': to_json(trace)}, f, separators=(',', ':'))


def ids(flag_value):
    return [int(v) for v in flag_value.split()]


def main():
    tok, tok_config, special, V = gpt2_tokenizer()
    cfg = {'architectures': ['GPT2LMHeadModel'], 'model_type': 'gpt2', 'vocab_size': V, 'n_embd': 16, 'n_head': 2,
           'n_layer': 2, 'n_positions': 32, 'n_ctx': 32, 'n_inner': None, 'activation_function': 'gelu_new',
           'layer_norm_epsilon': 1e-5, 'resid_pdrop': 0.1, 'embd_pdrop': 0.1, 'attn_pdrop': 0.1,
           'initializer_range': 0.02, 'scale_attn_weights': True, 'use_cache': True, 'bos_token_id': V - 1,
           'eos_token_id': V - 1, 'tie_word_embeddings': True, 'torch_dtype': 'float32'}
    args = ['--input', '51 260 259 265 262 13 51 260']
    for dtype, shards in (('F32', 1), ('F16', 2)):
        c = dict(cfg, torch_dtype='float32' if dtype == 'F32' else 'float16')
        p = gpt2_params(cfg, Rand(1))
        if dtype == 'F16':  # openai-community/gpt2 stores names without the `transformer.` prefix (distilgpt2 has it)
            p = {k.replace('transformer.', '', 1): v for k, v in p.items()}
        write_folder(f'gpt2-{dtype.lower()}', c, p, dtype, (tok, tok_config, special),
                     lambda s: gpt2_forward(cfg, s, ids(args[1])), args, shards)

    tok, tok_config, special, V = wordpiece_tokenizer()
    cfg = {'architectures': ['BertForMaskedLM'], 'model_type': 'bert', 'vocab_size': V, 'hidden_size': 16,
           'num_attention_heads': 2, 'num_hidden_layers': 2, 'intermediate_size': 32, 'hidden_act': 'gelu',
           'max_position_embeddings': 32, 'type_vocab_size': 2, 'layer_norm_eps': 1e-12, 'pad_token_id': 0,
           'position_embedding_type': 'absolute', 'hidden_dropout_prob': 0.1, 'attention_probs_dropout_prob': 0.1,
           'initializer_range': 0.02, 'torch_dtype': 'float32'}
    args = ['--input', '2 5 6 4 7 15 3']  # [CLS] the dog [MASK] cat . [SEP]
    for dtype in ('F32', 'F16'):
        c = dict(cfg, torch_dtype='float32' if dtype == 'F32' else 'float16')
        p = bert_params(cfg, Rand(2))
        write_folder(f'bert-{dtype.lower()}', c, p, dtype, (tok, tok_config, special),
                     lambda s: bert_forward(cfg, s, ids(args[1])), args)

    cfg = {'architectures': ['DistilBertForMaskedLM'], 'model_type': 'distilbert', 'vocab_size': V, 'dim': 16,
           'n_heads': 2, 'n_layers': 2, 'hidden_dim': 32, 'activation': 'gelu', 'max_position_embeddings': 32,
           'sinusoidal_pos_embds': False, 'pad_token_id': 0, 'dropout': 0.1, 'attention_dropout': 0.1,
           'qa_dropout': 0.1, 'seq_classif_dropout': 0.2, 'tie_weights_': True, 'initializer_range': 0.02,
           'torch_dtype': 'float32'}
    for dtype in ('F32', 'F16'):
        c = dict(cfg, torch_dtype='float32' if dtype == 'F32' else 'float16')
        p = distilbert_params(cfg, Rand(3))
        write_folder(f'distilbert-{dtype.lower()}', c, p, dtype, (tok, tok_config, special),
                     lambda s: distilbert_forward(cfg, s, ids(args[1])), args)

    tok, tok_config, special, V, pad = unigram_tokenizer()
    cfg = {'architectures': ['MarianMTModel'], 'model_type': 'marian', 'vocab_size': V, 'decoder_vocab_size': V,
           'd_model': 16, 'encoder_layers': 2, 'decoder_layers': 2, 'encoder_attention_heads': 2,
           'decoder_attention_heads': 2, 'encoder_ffn_dim': 32, 'decoder_ffn_dim': 32,
           'activation_function': 'swish', 'max_position_embeddings': 64, 'scale_embedding': True,
           'pad_token_id': pad, 'eos_token_id': 0, 'decoder_start_token_id': pad, 'forced_eos_token_id': 0,
           'share_encoder_decoder_embeddings': True, 'normalize_embedding': False, 'static_position_embeddings': True,
           'is_encoder_decoder': True, 'dropout': 0.1, 'attention_dropout': 0.0, 'activation_dropout': 0.0,
           'init_std': 0.02, 'tie_word_embeddings': True, 'torch_dtype': 'float32'}
    args = ['--src', '2 3 5 6 4 15 0', '--tgt', f'{pad} 7 8 11 12 10']
    for dtype in ('F32', 'F16'):
        c = dict(cfg, torch_dtype='float32' if dtype == 'F32' else 'float16')
        p = marian_params(cfg, Rand(4))
        # Tied copies are not stored twice: the F32 file keeps lm_head.weight, the F16 file only model.shared.
        for k in ['model.encoder.embed_tokens.weight', 'model.decoder.embed_tokens.weight'] + (['lm_head.weight'] if dtype == 'F16' else []):
            del p[k]
        write_folder(f'marian-{dtype.lower()}', c, p, dtype, (tok, tok_config, special),
                     lambda s: marian_forward(cfg, s, ids(args[1]), ids(args[3])), args)


if __name__ == '__main__':
    main()
