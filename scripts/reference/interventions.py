#!/usr/bin/python3
"""PyTorch reference for interventions and the logit lens (docs/interventions.md).

Writes src/model/golden/interventions/*.json, which vitest compares with forward() and the trace
CLI (src/model/interventions.golden.test.ts). Run from the repository root:

    /usr/bin/python3 scripts/reference/interventions.py      # PyTorch 1.13 (apt-get install python3-torch)

Two independent PyTorch computations check each other before anything is written:
  1. `Reference`: the forward pass of docs/model-spec.md written with torch ops, with the interventions
     applied where the definitions put them (head outputs before W_O, sublayer outputs, the
     residual stream). Without interventions it must reproduce the existing golden traces (made
     with nn.TransformerEncoderLayer / nn.TransformerDecoderLayer) to 1e-5.
  2. For models without RoPE: torch's own nn.TransformerEncoderLayer / nn.TransformerDecoderLayer
     (nn.MultiheadAttention) loaded with the same weights, where ablating head h is weight surgery
     on W_O (columns h·dHead…(h+1)·dHead zeroed; a mean ablation adds W_O,h·mean to b_O). Its
     logits and layer outputs must equal the reference's to 1e-5.
"""
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_grad_enabled(False)
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.path.join(ROOT, 'src', 'model', 'golden', 'interventions')


# ---------------------------------------------------------------- files

def read_safetensors(path):
    raw = open(path, 'rb').read()
    n = struct.unpack('<Q', raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    meta = header.pop('__metadata__', {})
    data = raw[8 + n:]
    tensors = {}
    for name, h in header.items():
        assert h['dtype'] == 'F32', f'{name}: {h["dtype"]}'
        a, b = h['data_offsets']
        tensors[name] = torch.from_numpy(np.frombuffer(data[a:b], dtype='<f4').copy()).reshape(h['shape'])
    config = json.loads(meta['config'])
    config.setdefault('layerNormEps', 1e-5)
    config.setdefault('scaleEmbedding', False)
    config.setdefault('padId', None)
    return config, tensors


# ---------------------------------------------------------------- the reference forward pass

def sinusoidal(S, d):
    pos = torch.arange(S, dtype=torch.float64)[:, None]
    i = torch.arange(0, d, 2, dtype=torch.float64)
    ang = pos / torch.pow(10000.0, i / d)
    P = torch.zeros(S, d, dtype=torch.float64)
    P[:, 0::2] = torch.sin(ang)
    P[:, 1::2] = torch.cos(ang)
    return P.float()


def rope(x):
    """x [nHeads, S, dHead]: pair (2i, 2i+1) at position pos rotated by pos·10000^(−2i/dHead)."""
    H, S, dh = x.shape
    pos = torch.arange(S, dtype=torch.float64)[:, None]
    inv = torch.pow(10000.0, -torch.arange(0, dh, 2, dtype=torch.float64) / dh)
    ang = pos * inv  # [S, dh/2]
    cos, sin = torch.cos(ang).float(), torch.sin(ang).float()
    a, b = x[..., 0::2], x[..., 1::2]
    out = torch.empty_like(x)
    out[..., 0::2] = a * cos - b * sin
    out[..., 1::2] = a * sin + b * cos
    return out


def mask_of(Sq, key_tokens, pad_id, pattern, prefix=0):
    Sk = len(key_tokens)
    i = torch.arange(Sq)[:, None]
    j = torch.arange(Sk)[None, :]
    if pattern == 'full':
        m = torch.zeros(Sq, Sk, dtype=torch.bool)
    elif pattern == 'causal':
        m = j > i
    else:
        m = (j > i) & (j >= prefix)
    if pad_id is not None:
        m = m | (torch.tensor(key_tokens)[None, :] == pad_id)
    return m


class Reference:
    """The forward pass with intervention points; records everything the trace holds."""

    def __init__(self, config, tensors):
        self.c = config
        self.t = tensors
        self.dh = config['dModel'] // config['nHeads']

    def W(self, name):
        return self.t[name]

    def norm(self, x, prefix):
        d = self.c['dModel']
        return F.layer_norm(x, (d,), self.W(prefix + '.weight'), self.W(prefix + '.bias'), self.c['layerNormEps'])

    def attention(self, x, mem, p, mask, use_rope, where, iv, rec):
        c, dh, H = self.c, self.dh, self.c['nHeads']
        d = c['dModel']
        Wi, bi = self.W(p + '.in_proj_weight'), self.W(p + '.in_proj_bias')
        q = F.linear(x, Wi[:d], bi[:d]).reshape(-1, H, dh).transpose(0, 1)  # [H, Sq, dh]
        k = F.linear(mem, Wi[d:2 * d], bi[d:2 * d]).reshape(-1, H, dh).transpose(0, 1)  # [H, Sk, dh]
        v = F.linear(mem, Wi[2 * d:], bi[2 * d:]).reshape(-1, H, dh).transpose(0, 1)
        if use_rope:
            q, k = rope(q), rope(k)
        scores = q @ k.transpose(1, 2) / math.sqrt(dh)  # [H, Sq, Sk]
        w = torch.softmax(scores.masked_fill(mask[None], float('-inf')), dim=-1)
        w = torch.nan_to_num(w, nan=0.0)  # a fully blocked row: zeros (spec)
        heads = (w @ v).clone()  # [H, Sq, dh]
        for patch in iv.get('patchHead', []):
            if (patch['stack'], patch['layer'], patch['kind']) == where:
                heads[patch['head']] = patch['values']
        for a in iv.get('ablate', []):
            if (a['stack'], a['layer'], a['kind']) == where:
                heads[a['head']] = a['mean'][None, :] if a.get('mode') == 'mean' else 0.0
        concat = heads.transpose(0, 1).reshape(-1, d)  # [Sq, d]
        out = F.linear(concat, self.W(p + '.out_proj.weight'), self.W(p + '.out_proj.bias'))
        if any((s['stack'], s['layer'], s['sublayer']) == where for s in iv.get('ablateSublayer', [])):
            out = torch.zeros_like(out)
        rec.update(q=q, k=k, v=v, scores=scores, mask=mask, weights=w, headOutputs=heads, output=out)
        return out

    def ffn(self, x, p, where, iv, rec):
        h = F.linear(x, self.W(p + '.linear1.weight'), self.W(p + '.linear1.bias'))
        h = F.relu(h) if self.c['activation'] == 'relu' else F.gelu(h)  # exact GELU (erf)
        rec['ffnHidden'] = h
        out = F.linear(h, self.W(p + '.linear2.weight'), self.W(p + '.linear2.bias'))
        if any((s['stack'], s['layer'], s['sublayer']) == where for s in iv.get('ablateSublayer', [])):
            out = torch.zeros_like(out)
        return out

    def stack(self, name, tokens, n_layers, pattern, prefix, iv, memory=None, src=None):
        c = self.c
        d = c['dModel']
        S = len(tokens)
        emb = self.W('embed.weight')[torch.tensor(tokens)] * (math.sqrt(d) if c['scaleEmbedding'] else 1.0)
        if c['positional'] == 'sinusoidal':
            pos = sinusoidal(S, d)
        elif c['positional'] == 'learned':
            pos = self.W('pos_embed.weight')[:S]
        else:
            pos = torch.zeros(S, d)
        x = emb + pos
        rec = dict(tokens=torch.tensor(tokens), embeddings=emb, positional=pos, input=x, layers=[])
        self_mask = mask_of(S, tokens, c['padId'], pattern, prefix)
        cross_mask = mask_of(S, src, c['padId'], 'full') if memory is not None else None
        use_rope = c['positional'] == 'rope'
        outs = []
        for i in range(n_layers):
            p = f'{name}.layers.{i}'
            L = {'selfAttention': {}}
            pre = c['norm'] == 'pre'
            last_norm = p + ('.norm3' if memory is not None else '.norm2')
            xa = self.norm(x, p + '.norm1') if pre else x
            x = x + self.attention(xa, xa, p + '.self_attn', self_mask, use_rope, (name, i, 'self'), iv, L['selfAttention'])
            if not pre:
                x = self.norm(x, p + '.norm1')
            if memory is not None:
                L['crossAttention'] = {}
                xc = self.norm(x, p + '.norm2') if pre else x
                x = x + self.attention(xc, memory, p + '.multihead_attn', cross_mask, False, (name, i, 'cross'), iv, L['crossAttention'])
                if not pre:
                    x = self.norm(x, p + '.norm2')
            xf = self.norm(x, last_norm) if pre else x
            x = x + self.ffn(xf, p, (name, i, 'ffn'), iv, L)
            if not pre:
                x = self.norm(x, last_norm)
            for patch in iv.get('patchResidual', []):
                if (patch['stack'], patch['layer']) == (name, i):
                    x = x.clone()
                    x[patch['position']] = patch['values']
            L['output'] = x
            rec['layers'].append(L)
            outs.append(x)
        if name + '.norm.weight' in self.t:
            x = self.norm(x, name + '.norm')
        rec['output'] = x
        return x, rec, outs

    def lm_head(self, h):
        b = self.t.get('lm_head.bias')
        return F.linear(h, self.W('lm_head.weight'), b)

    def run(self, inp, mask=None, prefix=0, temperature=1.0, iv=None, lens=False):
        c = self.c
        iv = iv or {}
        trace = {}
        if 'src' in inp:
            mem, trace['encoder'], _ = self.stack('encoder', inp['src'], c['nLayers'], 'full', 0, iv)
            h, trace['decoder'], outs = self.stack('decoder', inp['tgt'], c['nDecoderLayers'], mask or 'causal', prefix, iv, mem, inp['src'])
            last = 'decoder'
        elif c['arch'] == 'encoder-only':
            h, trace['encoder'], outs = self.stack('encoder', inp['tokens'], c['nLayers'], mask or 'full', prefix, iv)
            last = 'encoder'
        else:
            h, trace['decoder'], outs = self.stack('decoder', inp['tokens'], c['nLayers'], mask or 'causal', prefix, iv)
            last = 'decoder'
        logits = self.lm_head(h)
        trace['logits'] = logits
        trace['probs'] = torch.softmax(logits / temperature, dim=-1)
        trace['argmax'] = torch.argmax(logits, dim=-1)
        if lens:
            def lens_of(x):
                return self.lm_head(self.norm(x, last + '.norm') if last + '.norm.weight' in self.t else x)
            trace['lens'] = {last: [lens_of(x) for x in outs]}
        return trace


# ---------------------------------------------------------------- torch's own modules, W_O surgery

def nn_run(config, tensors, inp, mask=None, prefix=0, iv=None):
    """Layer outputs and logits from nn.TransformerEncoderLayer / DecoderLayer (no RoPE)."""
    c = config
    d, H = c['dModel'], c['nHeads']
    dh = d // H
    act = 'relu' if c['activation'] == 'relu' else 'gelu'
    ref = Reference(c, tensors)

    def layer_of(name, i, cross):
        cls = nn.TransformerDecoderLayer if cross else nn.TransformerEncoderLayer
        m = cls(d, H, c['dFF'], dropout=0.0, activation=act, layer_norm_eps=c['layerNormEps'],
                batch_first=True, norm_first=c['norm'] == 'pre')
        prefix_ = f'{name}.layers.{i}.'
        sd = {k[len(prefix_):]: v.clone() for k, v in tensors.items() if k.startswith(prefix_)}
        for a in (iv or {}).get('ablate', []):
            if (a['stack'], a['layer']) != (name, i):
                continue
            key = 'self_attn' if a['kind'] == 'self' else 'multihead_attn'
            W = sd[key + '.out_proj.weight']
            cols = slice(a['head'] * dh, (a['head'] + 1) * dh)
            if a.get('mode') == 'mean':
                sd[key + '.out_proj.bias'] = sd[key + '.out_proj.bias'] + W[:, cols] @ a['mean']
            W[:, cols] = 0.0
        m.load_state_dict(sd, strict=True)
        return m.eval()

    def embed(tokens):
        S = len(tokens)
        x = tensors['embed.weight'][torch.tensor(tokens)] * (math.sqrt(d) if c['scaleEmbedding'] else 1.0)
        if c['positional'] == 'sinusoidal':
            x = x + sinusoidal(S, d)
        elif c['positional'] == 'learned':
            x = x + tensors['pos_embed.weight'][:S]
        return x[None]

    def float_mask(m):
        return torch.zeros(m.shape).masked_fill(m, float('-inf'))

    def pad(tokens):
        return None if c['padId'] is None else (torch.tensor(tokens) == c['padId'])[None]

    outs = []

    def final(name, x):
        return ref.norm(x, name + '.norm') if name + '.norm.weight' in tensors else x

    if 'src' in inp:
        x = embed(inp['src'])
        for i in range(c['nLayers']):
            x = layer_of('encoder', i, False)(x, src_key_padding_mask=pad(inp['src']))
            outs.append(x[0])
        mem = final('encoder', x)
        y = embed(inp['tgt'])
        tm = float_mask(mask_of(len(inp['tgt']), inp['tgt'], None, mask or 'causal', prefix))
        for i in range(c['nDecoderLayers']):
            y = layer_of('decoder', i, True)(y, mem, tgt_mask=tm, tgt_key_padding_mask=pad(inp['tgt']), memory_key_padding_mask=pad(inp['src']))
            outs.append(y[0])
        h = final('decoder', y)
    else:
        name = 'encoder' if c['arch'] == 'encoder-only' else 'decoder'
        x = embed(inp['tokens'])
        sm = float_mask(mask_of(len(inp['tokens']), inp['tokens'], None, mask or ('full' if name == 'encoder' else 'causal'), prefix))
        for i in range(c['nLayers']):
            x = layer_of(name, i, False)(x, src_mask=sm, src_key_padding_mask=pad(inp['tokens']))
            outs.append(x[0])
        h = final(name, x)
    return outs, ref.lm_head(h[0])


# ---------------------------------------------------------------- JSON

def nested(x):
    if isinstance(x, torch.Tensor):
        if x.dtype == torch.bool:
            return x.tolist()
        if x.dtype in (torch.int64, torch.int32):
            return [int(v) for v in x.tolist()]
        return round7(x.double().tolist())  # 7 significant digits: float32 precision, half the bytes
    if isinstance(x, dict):
        return {k: nested(v) for k, v in x.items()}
    if isinstance(x, list):
        return [nested(v) for v in x]
    return x


def round7(x):
    if isinstance(x, list):
        return [round7(v) for v in x]
    return float(f'{x:.7g}')


def slim(trace):
    """What the shipped-model goldens keep: weights, head outputs, sublayer and layer outputs, logits, lens."""
    out = {}
    for s in ('encoder', 'decoder'):
        if s not in trace:
            continue
        st = trace[s]
        layers = []
        for L in st['layers']:
            l2 = {k: {f: L[k][f] for f in ('weights', 'headOutputs', 'output')} for k in ('selfAttention', 'crossAttention') if k in L}
            l2['output'] = L['output']
            layers.append(l2)
        out[s] = {'layers': layers, 'output': st['output']}
    for k in ('logits', 'probs', 'argmax', 'lens'):
        if k in trace:
            out[k] = trace[k]
    return out


def max_diff(a, b, path='trace'):
    """Largest abs difference between two nested traces over the keys of a."""
    if isinstance(a, dict):
        return max([max_diff(v, b[k], f'{path}.{k}') for k, v in a.items()] or [0.0])
    if isinstance(a, list):
        assert len(a) == len(b), path
        return max([max_diff(x, y, path) for x, y in zip(a, b)] or [0.0])
    if isinstance(a, bool):
        assert a == b, path
        return 0.0
    return abs(a - b)


# ---------------------------------------------------------------- the cases

def parse_args(args):
    flags, ablate, lens = {}, [], False
    it = iter(args)
    for a in it:
        if a == '--lens':
            lens = True
        elif a == '--ablate':
            parts = next(it).split('.')
            kind = 'cross' if len(parts) == 4 else 'self'
            ablate.append({'stack': parts[0], 'layer': int(parts[1]), 'head': int(parts[-1]), 'kind': kind, 'mode': 'zero'})
        else:
            flags[a] = next(it)
    ids = lambda s: [int(t) for t in s.split()]
    inp = {'tokens': ids(flags['--input'])} if '--input' in flags else {'src': ids(flags['--src']), 'tgt': ids(flags['--tgt'])}
    return inp, dict(mask=flags.get('--mask'), prefix=int(flags.get('--prefix', 0)),
                     temperature=float(flags.get('--temperature', 1.0))), {'ablate': ablate}, lens


def words(vocab, text):
    return [vocab.index(w) for w in text.split()]


def chars(vocab, text, bos=True, eos=True):
    return ([vocab.index('<bos>')] if bos else []) + [vocab.index(ch) for ch in text] + ([vocab.index('<eos>')] if eos else [])


def main():
    os.makedirs(OUT, exist_ok=True)
    golden = os.path.join(ROOT, 'src', 'model', 'golden')
    written = []

    def check_nn(config, tensors, inp, opts, iv, trace):
        if config['positional'] == 'rope':
            return None
        outs, logits = nn_run(config, tensors, inp, opts['mask'], opts['prefix'], iv)
        last = 'encoder' if config['arch'] == 'encoder-only' else 'decoder'
        ref_outs = ([L['output'] for L in trace['encoder']['layers']] if 'src' in inp else []) + [L['output'] for L in trace[last]['layers']]
        rel = lambda a, b: float(((a - b).abs() / (1 + b.abs())).max())  # float32 rounding grows with size
        diff = max([rel(a, b) for a, b in zip(outs, ref_outs)] + [rel(logits, trace['logits'])])
        assert diff < 1e-5, f'nn modules disagree with the reference: {diff}'
        return diff

    def write(name, record):
        path = os.path.join(OUT, name + '.json')
        with open(path, 'w') as f:
            json.dump(record, f, separators=(',', ':'))
        written.append((name, os.path.getsize(path)))

    # 1. The golden fixtures: the reference reproduces them, then CLI cases with --ablate and --lens.
    cli_ablate = {
        'encoder_sinusoidal_post_relu_pad': ['--ablate', 'encoder.0.1', '--lens'],
        'decoder_learned_pre_gelu_causal': ['--ablate', 'decoder.1.0', '--ablate', 'decoder.0.1', '--lens'],
        'decoder_rope_pre_gelu_prefix3': ['--ablate', 'decoder.0.0', '--lens'],
        'encdec_sinusoidal_post_relu': ['--ablate', 'encoder.0.1', '--ablate', 'decoder.0.cross.0', '--lens'],
        'encdec_none_pre_gelu_temp': ['--ablate', 'decoder.1.cross.1', '--ablate', 'decoder.2.0', '--lens'],
    }
    for case, extra in cli_ablate.items():
        config, tensors = read_safetensors(os.path.join(golden, case + '.safetensors'))
        fixture = json.load(open(os.path.join(golden, case + '.json')))
        inp, opts, _, _ = parse_args(fixture['args'])
        ref = Reference(config, tensors)
        plain = nested(ref.run(inp, **opts))
        d0 = max_diff(fixture['trace'], plain)
        assert d0 < 1e-5, f'{case}: the reference differs from the golden fixture by {d0}'
        inp, opts, iv, lens = parse_args(fixture['args'] + extra)
        trace = ref.run(inp, **opts, iv=iv, lens=lens)
        dnn = check_nn(config, tensors, inp, opts, iv, trace)
        print(f'{case}: reference vs golden fixture {d0:.1e}; vs nn modules with W_O surgery {dnn}')
        write(f'cli_{case}', {'model': f'src/model/golden/{case}.safetensors', 'args': fixture['args'] + extra, 'trace': nested(trace)})

    # 2. The shipped models through the CLI.
    models = os.path.join(ROOT, 'public', 'models')
    shipped = {}
    for m in ('grammar', 'masked-grammar', 'reverse', 'dates'):
        config, tensors = read_safetensors(os.path.join(models, m + '.safetensors'))
        vocab = json.loads(read_meta(os.path.join(models, m + '.safetensors'))['vocab'])
        shipped[m] = (config, tensors, vocab)
    g_vocab = shipped['grammar'][2]
    bos = g_vocab.index('<bos>')
    clean = [bos] + words(g_vocab, 'the dog that the cats chase')
    corrupt = [bos] + words(g_vocab, 'the dogs that the cat chases')
    r_vocab, d_vocab = shipped['reverse'][2], shipped['dates'][2]
    cli_shipped = {
        'grammar': ['--input', ' '.join(map(str, clean)), '--ablate', 'decoder.1.0', '--lens'],
        'masked-grammar': ['--input', ' '.join(map(str, words(g_vocab, 'the dog that the cats chase <mask> .'))), '--ablate', 'encoder.1.2', '--ablate', 'encoder.0.0', '--lens'],
        'reverse': ['--src', ' '.join(map(str, chars(r_vocab, 'atlas', bos=False))), '--tgt', ' '.join(map(str, chars(r_vocab, 'sal', eos=False))), '--ablate', 'decoder.0.cross.1', '--lens'],
        'dates': ['--src', ' '.join(map(str, chars(d_vocab, 'march 3, 2021', bos=False))), '--tgt', ' '.join(map(str, chars(d_vocab, '2021-0', eos=False))), '--ablate', 'encoder.1.2', '--ablate', 'decoder.0.cross.0', '--lens'],
    }
    for m, args in cli_shipped.items():
        config, tensors, _ = shipped[m]
        inp, opts, iv, lens = parse_args(args)
        trace = Reference(config, tensors).run(inp, **opts, iv=iv, lens=lens)
        dnn = check_nn(config, tensors, inp, opts, iv, trace)
        print(f'{m}: nn modules with W_O surgery {dnn}')
        write(f'cli_{m}', {'model': f'public/models/{m}.safetensors', 'args': args, 'trace': nested(slim(trace))})

    # 3. forward() only: mean ablation, sublayer ablation, patching a head and a residual position.
    def mean_over(ref, inputs, stack, layer, kind, head):
        rows = []
        for inp in inputs:
            t = ref.run(inp)
            key = 'selfAttention' if kind == 'self' else 'crossAttention'
            rows.append(t[stack]['layers'][layer][key]['headOutputs'][head])  # [S, dh]
        return torch.cat(rows).mean(0)  # [dh]

    def spec_case(name, model_path, config, tensors, inp, spec, slim_it):
        """spec: JSON the test turns into interventions with the TS helpers (meanOver, from)."""
        ref = Reference(config, tensors)
        iv = {'ablate': [], 'ablateSublayer': spec.get('ablateSublayer', []), 'patchHead': [], 'patchResidual': []}
        for a in spec.get('ablate', []):
            a2 = dict(a)
            if a.get('mode') == 'mean':
                a2['mean'] = mean_over(ref, a['meanOver'], a['stack'], a['layer'], a['kind'], a['head'])
            iv['ablate'].append(a2)
        for p in spec.get('patchHead', []):
            t = ref.run(p['from'])
            key = 'selfAttention' if p['kind'] == 'self' else 'crossAttention'
            iv['patchHead'].append({**p, 'values': t[p['stack']]['layers'][p['layer']][key]['headOutputs'][p['head']]})
        for p in spec.get('patchResidual', []):
            t = ref.run(p['from'])
            iv['patchResidual'].append({**p, 'values': t[p['stack']]['layers'][p['layer']]['output'][p['position']]})
        trace = ref.run(inp, iv=iv, lens=True)
        dnn = check_nn(config, tensors, inp, {'mask': None, 'prefix': 0}, iv, trace) if not spec.get('patchHead') and not spec.get('patchResidual') and not spec.get('ablateSublayer') else None
        print(f'{name}: nn modules {dnn}')
        write(f'forward_{name}', {'model': model_path, 'input': inp, 'interventions': spec, 'trace': nested(slim(trace) if slim_it else trace)})

    gcfg, gten = read_safetensors(os.path.join(golden, 'encdec_sinusoidal_post_relu.safetensors'))
    spec_case('encdec_mean_ablation', 'src/model/golden/encdec_sinusoidal_post_relu.safetensors', gcfg, gten,
              {'src': [4, 6, 8, 10, 0], 'tgt': [1, 3, 5, 7]},
              {'ablate': [{'stack': 'decoder', 'layer': 0, 'head': 1, 'kind': 'cross', 'mode': 'mean',
                           'meanOver': [{'src': [3, 5, 7, 9], 'tgt': [1, 2, 4]}, {'src': [2, 2, 8, 0, 0], 'tgt': [1, 9]}]}]}, False)
    dcfg, dten = read_safetensors(os.path.join(golden, 'decoder_rope_pre_gelu_prefix3.safetensors'))
    spec_case('decoder_sublayers_and_patch', 'src/model/golden/decoder_rope_pre_gelu_prefix3.safetensors', dcfg, dten,
              {'tokens': [5, 1, 8, 8, 2, 10]},
              {'ablateSublayer': [{'stack': 'decoder', 'layer': 0, 'sublayer': 'ffn'}, {'stack': 'decoder', 'layer': 1, 'sublayer': 'self'}],
               'patchHead': [{'stack': 'decoder', 'layer': 1, 'head': 1, 'kind': 'self', 'from': {'tokens': [3, 1, 8, 7, 2, 4]}}]}, False)
    config, tensors, _ = shipped['grammar']
    spec_case('grammar_patch_subject_head', 'public/models/grammar.safetensors', config, tensors, {'tokens': corrupt},
              {'patchHead': [{'stack': 'decoder', 'layer': 1, 'head': 0, 'kind': 'self', 'from': {'tokens': clean}}]}, True)
    spec_case('grammar_patch_residual', 'public/models/grammar.safetensors', config, tensors, {'tokens': corrupt},
              {'patchResidual': [{'stack': 'decoder', 'layer': 0, 'position': 2, 'from': {'tokens': clean}}]}, True)
    config, tensors, _ = shipped['dates']
    src = chars(d_vocab, 'march 3, 2021', bos=False)
    spec_case('dates_mean_ablation', 'public/models/dates.safetensors', config, tensors,
              {'src': src, 'tgt': chars(d_vocab, '2021-0', eos=False)},
              {'ablate': [{'stack': 'encoder', 'layer': 0, 'head': 3, 'kind': 'self', 'mode': 'mean',
                           'meanOver': [{'src': chars(d_vocab, '3/4/1999', bos=False), 'tgt': chars(d_vocab, '1999-', eos=False)},
                                        {'src': chars(d_vocab, 'july 14, 1789', bos=False), 'tgt': chars(d_vocab, '17', eos=False)}]}],
               'ablateSublayer': [{'stack': 'decoder', 'layer': 0, 'sublayer': 'cross'}]}, True)

    for name, size in written:
        print(f'wrote {name}.json ({size // 1024} KB)')


def read_meta(path):
    raw = open(path, 'rb').read()
    n = struct.unpack('<Q', raw[:8])[0]
    return json.loads(raw[8:8 + n])['__metadata__']


if __name__ == '__main__':
    sys.exit(main())
