import { describe, expect, it } from 'vitest';
import { embedQuery, MAX_TEXT, parseEmbedParams, WIDGETS } from './params';

describe('parseEmbedParams', () => {
  it('reads every documented parameter', () => {
    const { config, notices } = parseEmbedParams(
      '?widget=mask&model=grammar&text=the%20dog&layer=1&head=2&mask=prefix&prefix=3&step=4&theme=dark&controls=min&show=scores',
    );
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ widget: 'mask', model: 'grammar', text: 'the dog', layer: 1, head: 2, mask: 'prefix', prefix: 3, step: 4, theme: 'dark', controls: 'min', show: 'scores' });
  });

  it('accepts every widget name', () => {
    for (const w of WIDGETS) expect(parseEmbedParams(`widget=${w}`).config.widget).toBe(w);
  });

  it('falls back on an unknown widget with a notice naming it as text', () => {
    const { config, notices } = parseEmbedParams('widget=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(config.widget).toBe('attention-heatmap');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('Unknown widget “<script>alert(1)</script>”');
  });

  it('refuses absurd numbers and malformed choices, keeping defaults', () => {
    const { config, notices } = parseEmbedParams('widget=rope&layer=99999999999&head=-1&prefix=1e9&step=0&mask=diagonal&theme=neon&controls=all');
    expect(config.layer).toBeUndefined();
    expect(config.head).toBeUndefined();
    expect(config.prefix).toBeUndefined();
    expect(config.step).toBeUndefined();
    expect(config.mask).toBeUndefined();
    expect(config.theme).toBe('auto');
    expect(config.controls).toBe('full');
    expect(notices).toHaveLength(7);
  });

  it('keeps hostile text as text (the renderer never parses it as HTML) and caps its length', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(parseEmbedParams(`text=${encodeURIComponent(hostile)}`).config.text).toBe(hostile);
    const long = parseEmbedParams(`text=${'a'.repeat(MAX_TEXT + 5)}`);
    expect(long.config.text).toHaveLength(MAX_TEXT);
    expect(long.notices[1]).toContain('cut to');
  });

  it('rejects model names that are not file names', () => {
    const { config, notices } = parseEmbedParams('model=..%2F..%2Fetc%2Fpasswd');
    expect(config.model).toBeUndefined();
    expect(notices.some((n) => n.includes('not valid'))).toBe(true);
  });

  it('reports unknown and repeated parameters, quoting at most 40 characters', () => {
    const { notices } = parseEmbedParams(`widget=mask&${'x'.repeat(60)}=1&layer=1&layer=2`);
    expect(notices.some((n) => n.includes(`“${'x'.repeat(40)}…”`))).toBe(true);
    expect(notices.some((n) => n.includes('more than once'))).toBe(true);
  });

  it('checks the lesson slug against the catalog', () => {
    expect(parseEmbedParams('widget=lesson&lesson=masking').config.lesson).toBe('masking');
    const bad = parseEmbedParams('widget=lesson&lesson=nope');
    expect(bad.config.lesson).toBe('why-transformers');
    expect(bad.notices[0]).toContain('Unknown lesson');
  });

  it('carries the stack and self- or cross-attention, so a cross-attention view can be embedded', () => {
    const q = embedQuery({ widget: 'attention-heatmap', model: 'reverse', src: 'abc', stack: 'decoder', attn: 'crossAttention', head: 1 });
    expect(q).toContain('stack=decoder');
    expect(q).toContain('attn=crossAttention');
    const { config, notices } = parseEmbedParams(q);
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ stack: 'decoder', attn: 'crossAttention', head: 1 });
    expect(parseEmbedParams('attn=diagonal').notices).toHaveLength(2); // no widget, bad attn
  });

  it('round-trips through embedQuery', () => {
    const q = embedQuery({ widget: 'attention-heatmap', model: 'dates', text: 'a&b=c', layer: 1, head: 0, theme: 'dark', controls: 'none' });
    const { config, notices } = parseEmbedParams(q);
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ widget: 'attention-heatmap', model: 'dates', text: 'a&b=c', layer: 1, head: 0, theme: 'dark', controls: 'none' });
  });
});

describe('ablate in an embed', () => {
  it('reads heads, and refuses anything else with one notice', () => {
    expect(parseEmbedParams('widget=next-token&ablate=decoder.1.0,decoder.0.cross.1').config.ablate).toEqual([
      { stack: 'decoder', layer: 1, head: 0, kind: 'self' },
      { stack: 'decoder', layer: 0, head: 1, kind: 'cross' },
    ]);
    const bad = parseEmbedParams('widget=next-token&ablate=<img src=x onerror=alert(1)>');
    expect(bad.config.ablate).toBeUndefined();
    expect(bad.notices).toHaveLength(1);
    expect(bad.notices[0]).toMatch(/Parameter “ablate” must list heads/);
  });
  it('an embed snippet carries the knocked-out heads', () => {
    const q = embedQuery({ widget: 'next-token', model: 'grammar', ablate: [{ stack: 'decoder', layer: 1, head: 0, kind: 'self' }] });
    expect(new URLSearchParams(q).get('ablate')).toBe('decoder.1.0');
    expect(parseEmbedParams(q).config.ablate).toEqual([{ stack: 'decoder', layer: 1, head: 0, kind: 'self' }]);
  });
});
