import { describe, expect, it } from 'vitest';
import { nonViewParams, stepHref } from './navigation';

describe('step links', () => {
  it('drop the view parameters and keep the others', () => {
    const p = new URLSearchParams('model=grammar&text=the+dog&layer=1&mode=present&steps=2-4');
    expect(nonViewParams(p).toString()).toBe('mode=present&steps=2-4');
  });
  it('build #/learn/<slug>/<step>', () => {
    expect(stepHref('masking', 3)).toBe('#/learn/masking/3');
    expect(stepHref('masking', 3, new URLSearchParams('mode=present'))).toBe('#/learn/masking/3?mode=present');
  });
});
