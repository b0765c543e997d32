import { describe, expect, it } from 'vitest';
import { stateToApply, viewOfStep } from './applyState';

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
