import { describe, expect, it } from 'vitest';
import { stateToApply, viewOfStep, withPositionalReset } from './applyState';

describe('stateToApply', () => {
  it('applies everything when landing on a step', () => {
    expect(stateToApply(null, { model: 'grammar', input: 'a' }, {})).toEqual({ model: 'grammar', input: 'a' });
  });
  it('keeps the learner’s input when the next step sets nothing', () => {
    expect(stateToApply({ model: 'reverse', src: 'abc' }, { model: 'reverse', src: 'abc' }, {})).toEqual({});
  });
  it('applies the step’s own fields and what changed between the steps', () => {
    expect(stateToApply({ model: 'grammar', mask: 'prefix', prefix: 3 }, { model: 'reverse', mask: 'causal', prefix: 3, src: 'x' }, { src: 'x' })).toEqual({
      src: 'x',
      model: 'reverse',
      mask: 'causal',
    });
  });
  it('maps the lesson field input to the store field text', () => {
    expect(viewOfStep({ input: 'the dog', layer: 1 })).toEqual({ text: 'the dog', layer: 1 });
  });
});

describe('withPositionalReset', () => {
  it('resets an override to the step value on a step change, and leaves the store alone when equal', () => {
    expect(withPositionalReset({}, {}, 'none')).toEqual({ positional: null });
    expect(withPositionalReset({}, { positional: 'sinusoidal' }, null)).toEqual({ positional: 'sinusoidal' });
    expect(withPositionalReset({ layer: 1 }, {}, null)).toEqual({ layer: 1 });
    expect(withPositionalReset({ positional: 'none' }, { positional: null }, 'rope')).toEqual({ positional: 'none' });
  });
});
