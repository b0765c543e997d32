// Tests for the colour scales: exact agreement with d3's viridis, RdBu centred at 0, ticks and contrast.
import { describe, expect, it } from 'vitest';
import { rgb } from 'd3-color';
import { interpolateRdBu, interpolateViridis } from 'd3-scale-chromatic';
import { binOf, divergingScale, maxAbsOf, niceMaxAbs, sequentialScale, textOn } from './scales';

describe('sequentialScale', () => {
  it('gives exactly d3 viridis colours (a 256-colour ramp) across [0, 1]', () => {
    const s = sequentialScale('viridis');
    for (const v of [0, 0.001, 0.1, 0.25, 0.42, 0.5, 0.77, 0.999, 1]) {
      const c = rgb(interpolateViridis(v));
      expect(s.rgb(v)).toEqual([c.r, c.g, c.b]);
    }
  });
  it('clamps outside the domain and maps NaN to grey', () => {
    const s = sequentialScale('cividis');
    expect(s.rgb(-1)).toEqual(s.rgb(0));
    expect(s.rgb(2)).toEqual(s.rgb(1));
    expect(s.rgb(NaN)).toEqual([128, 128, 128]);
    expect(s.index(NaN)).toBe(-1);
  });
  it('honours a custom domain', () => {
    const s = sequentialScale('viridis', [0, 0.01]);
    expect(s.rgb(0.01)).toEqual(sequentialScale('viridis').rgb(1));
    expect(s.rgb(0.005)).toEqual(sequentialScale('viridis').rgb(0.5));
  });
  it('has numeric ticks spanning the domain', () => {
    expect(sequentialScale().ticks(5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});

describe('divergingScale', () => {
  it('is centred at 0: white-ish at 0, symmetric ends', () => {
    const s = divergingScale(2);
    expect(s.domain).toEqual([-2, 2]);
    const mid = rgb(interpolateRdBu(0.5));
    const [r, g, b] = s.rgb(0);
    expect(Math.abs(r - mid.r) + Math.abs(g - mid.g) + Math.abs(b - mid.b)).toBeLessThanOrEqual(6);
    expect(s.index(-2)).toBe(0);
    expect(s.index(2)).toBe(255);
    expect(s.index(1) - 128).toBe(255 - s.index(-1) - 127);
  });
  it('puts negative values on the red side and positive on the blue side', () => {
    const s = divergingScale(1);
    const [r1, , b1] = s.rgb(-0.9);
    const [r2, , b2] = s.rgb(0.9);
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
  });
  it('includes 0 among its ticks and survives a zero range', () => {
    expect(divergingScale(1.5).ticks(5)).toContain(0);
    expect(divergingScale(0).domain).toEqual([-1, 1]);
  });
});

describe('helpers', () => {
  it('binOf follows d3 ramp: floor(t·256), clamped', () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(1)).toBe(255);
    expect(binOf(0.5)).toBe(128);
    expect(binOf(-3)).toBe(0);
  });
  it('maxAbsOf / niceMaxAbs ignore non-finite values', () => {
    expect(maxAbsOf([1, -3, Infinity, NaN])).toBe(3);
    expect(niceMaxAbs([0.3, -2.37])).toBe(2.5);
    expect(niceMaxAbs([])).toBe(1);
  });
  it('textOn picks readable text', () => {
    expect(textOn([255, 255, 255])).toBe('#000');
    expect(textOn([68, 1, 84])).toBe('#fff');
  });
});
