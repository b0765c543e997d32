import { describe, expect, it } from 'vitest';
import { hashOf, parseHash } from './router';

describe('parseHash', () => {
  it('maps the known routes', () => {
    expect(parseHash('').route).toEqual({ name: 'home' });
    expect(parseHash('#/').route).toEqual({ name: 'home' });
    expect(parseHash('#/playground').route).toEqual({ name: 'playground' });
    expect(parseHash('#/gallery').route).toEqual({ name: 'gallery' });
    expect(parseHash('#/learn/self-attention/3').route).toEqual({ name: 'lesson', slug: 'self-attention', step: 3 });
    expect(parseHash('#/learn/self-attention').route).toEqual({ name: 'lesson', slug: 'self-attention', step: 1 });
  });
  it('keeps query parameters inside the hash', () => {
    const { route, params } = parseHash('#/learn/masking/2?layer=1&head=0');
    expect(route).toEqual({ name: 'lesson', slug: 'masking', step: 2 });
    expect(params.get('layer')).toBe('1');
  });
  it('sends anything else to not-found', () => {
    expect(parseHash('#/nope').route.name).toBe('not-found');
    expect(parseHash('#/learn/x/0').route.name).toBe('not-found');
    expect(parseHash('#/learn/x/-1').route.name).toBe('not-found');
    expect(parseHash('#/learn/x/1e9').route.name).toBe('not-found');
    // Only plain decimal integers are step numbers (issue 13).
    for (const step of ['0x2', '1e2', '2.0', '+2', ' 2', '02e0', '0b1'])
      expect(parseHash(`#/learn/masking/${encodeURIComponent(step)}`).route.name, step).toBe('not-found');
    expect(parseHash('#/learn/<script>/1').route.name).toBe('not-found');
  });
  it('round-trips through hashOf', () => {
    for (const h of ['#/', '#/playground', '#/learn/masking/4', '#/gallery'])
      expect(hashOf(parseHash(h).route)).toBe(h);
  });
});
