// The URL codec: every field round-trips; unknown parameters are kept for their owners; malformed
// or hostile values are ignored.
import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, VIEW_PARAMS, type ViewState } from './urlCodec';

describe('url codec', () => {
  it('round-trips every field', () => {
    const view: Required<ViewState> = {
      model: 'dates',
      hf: 'openai-community/gpt2',
      text: 'the cat sat & the dog?=#ran ünïcode ✓',
      src: '2024-03-01',
      tgt: '<bos>March',
      layer: 3,
      head: 7,
      mask: 'prefix',
      prefix: 5,
      positional: 'none',
      stage: 'scores',
      step: 12,
      stack: 'decoder',
      attention: 'crossAttention',
      ablate: [
        { stack: 'decoder', layer: 1, head: 0, kind: 'self' },
        { stack: 'decoder', layer: 0, head: 3, kind: 'cross' },
      ],
      corrupt: 'the dogs that the cat chases',
    };
    const params = encodeView(view);
    expect(params.get('ablate')).toBe('decoder.1.0,decoder.0.cross.3');
    // Through a real URL hash, as the app writes it.
    const url = new URL(`http://x/#/playground?${params.toString()}`);
    const back = decodeView(new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1)));
    expect(back).toEqual(view);
    expect(Object.keys(view).length).toBe(VIEW_PARAMS.length);
  });

  it('accepts a Hub name owner/name and nothing else', () => {
    const hf = (raw: string) => decodeView(new URLSearchParams({ hf: raw })).hf;
    expect(hf('openai-community/gpt2')).toBe('openai-community/gpt2');
    expect(hf('Helsinki-NLP/opus-mt-en-de')).toBe('Helsinki-NLP/opus-mt-en-de');
    for (const bad of ['gpt2', '../x/y', 'a/b/c', 'a/..', 'https://evil/x', 'a b/c', '/x']) expect(hf(bad)).toBeUndefined();
  });

  it('keeps parameters it does not own and replaces its own', () => {
    const base = new URLSearchParams('mode=present&steps=3-7&layer=1&testhooks=1');
    const out = encodeView({ layer: 2 }, base);
    expect(out.get('mode')).toBe('present');
    expect(out.get('steps')).toBe('3-7');
    expect(out.get('testhooks')).toBe('1');
    expect(out.getAll('layer')).toEqual(['2']);
  });

  it('reads ablate=… as heads, and ignores the whole value when any piece is not a head', () => {
    expect(decodeView(new URLSearchParams('ablate=')).ablate).toEqual([]);
    expect(decodeView(new URLSearchParams('ablate=encoder.0.1')).ablate).toEqual([{ stack: 'encoder', layer: 0, head: 1, kind: 'self' }]);
    for (const bad of ['decoder.1', 'decoder.1.0,<script>', 'decoder.1.0,,', 'x.0.0', 'decoder.1.0;decoder.0.0', Array(65).fill('decoder.0.0').join(','), 'decoder.1e3.0'])
      expect(decodeView(new URLSearchParams({ ablate: bad })).ablate, bad).toBeUndefined();
  });

  it('ignores unknown and malformed values', () => {
    const hostile = new URLSearchParams({
      model: '../../etc/passwd',
      layer: '-1',
      head: '1e3',
      mask: '<script>',
      prefix: '99999999',
      stage: 'constructor',
      step: '1.5',
      stack: '__proto__',
      attn: 'everything',
      pos: 'alibi',
      unknown: 'x',
      text: 'x'.repeat(5000),
    });
    expect(decodeView(hostile)).toEqual({});
    expect(decodeView(new URLSearchParams('layer=64&head=0x1&step=1000'))).toEqual({});
    expect(decodeView(new URLSearchParams('layer=63&head=0'))).toEqual({ layer: 63, head: 0 });
  });

  it('round-trips each positional scheme under pos; hostile or empty values are ignored', () => {
    for (const positional of ['sinusoidal', 'learned', 'rope', 'none'] as const) {
      const params = encodeView({ positional });
      expect(params.get('pos')).toBe(positional);
      expect(decodeView(new URLSearchParams(params.toString()))).toEqual({ positional });
    }
    // null (the model's own scheme) is not written.
    expect(encodeView({ positional: null, layer: 1 }).has('pos')).toBe(false);
    for (const raw of ['', 'ROPE', 'rope ', '__proto__', 'toString', '<script>', 'none;learned', 'x'.repeat(5000)])
      expect(decodeView(new URLSearchParams({ pos: raw }))).toEqual({});
    expect(decodeView(new URLSearchParams('pos=rope&pos=none'))).toEqual({ positional: 'rope' });
  });

  it('keeps markup in text as text (rendering decides, and never as HTML)', () => {
    const v = decodeView(new URLSearchParams({ text: '<img src=x onerror=alert(1)>' }));
    expect(v.text).toBe('<img src=x onerror=alert(1)>');
  });
});
