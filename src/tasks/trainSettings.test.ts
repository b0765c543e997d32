// The train playground's URL codec: round trips, per-task defaults, and fallbacks that are reported.
import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, settingsToConfig, settingsToParams } from './trainSettings';

describe('train settings in the URL', () => {
  it('round-trips every field', () => {
    const s = { ...defaultSettings('sort'), lr: 0.003, layers: 2, heads: 4, dModel: 64, pos: 'rope' as const, norm: 'post' as const, seed: 42 };
    const back = parseSettings(new URLSearchParams(settingsToParams(s).toString()));
    expect(back).toEqual({ settings: s, rejected: [] });
  });
  it('falls back to the defaults and names what it rejected', () => {
    const { settings, rejected } = parseSettings(new URLSearchParams('task=induction&heads=3&pos=alibi&lr=5&seed=-1'));
    expect(settings).toEqual(defaultSettings('induction'));
    expect(rejected.sort()).toEqual(['heads', 'lr', 'pos', 'seed']);
    expect(parseSettings(new URLSearchParams('task=nope')).rejected).toEqual(['task']);
  });
  it('gives the induction task a decoder-only model of two layers', () => {
    const c = settingsToConfig(defaultSettings('induction'));
    expect(c.arch).toBe('decoder-only');
    expect(c.nLayers).toBe(2);
    expect(settingsToConfig(defaultSettings('reverse')).nDecoderLayers).toBe(1);
  });
});
