// The schemes lesson 3's switch offers: the model's own first, never one the model cannot run.
import { describe, expect, it } from 'vitest';
import { choicesFor } from './PositionalSwitch';

describe('choicesFor', () => {
  it('offers the own scheme first, then sinusoidal and none', () => {
    expect(choicesFor('rope', 64)).toEqual(['rope', 'sinusoidal', 'none']);
    expect(choicesFor('learned', 64)).toEqual(['learned', 'sinusoidal', 'none']);
    expect(choicesFor('sinusoidal', 64)).toEqual(['sinusoidal', 'none']);
  });
  it('never offers learned to a model trained without it, nor sinusoidal for an odd dModel', () => {
    expect(choicesFor('rope', 64)).not.toContain('learned');
    expect(choicesFor('none', 9)).toEqual(['none']);
  });
});
