import { describe, expect, it } from 'vitest';
import { firstSentence, fitScale, KEY_MAX, splitProse } from './slideText';

describe('firstSentence', () => {
  it('splits after the first sentence, never inside maths', () => {
    expect(firstSentence('One $a. B$ two. Three more.')).toEqual(['One $a. B$ two.', 'Three more.']);
    expect(firstSentence('No split here')).toEqual(['No split here', '']);
    expect(firstSentence('e.g. lower case does not split. Then it does.')).toEqual(['e.g. lower case does not split.', 'Then it does.']);
  });
});

describe('splitProse', () => {
  it('keeps a short first paragraph whole and moves the rest to the reveal', () => {
    expect(splitProse(['Short.', 'Second.'])).toEqual({ key: 'Short.', rest: ['Second.'] });
  });
  it('cuts a long first paragraph after its first sentence', () => {
    const long = `First sentence. X${'x'.repeat(KEY_MAX)}`;
    expect(splitProse([long, 'B'])).toEqual({ key: 'First sentence.', rest: [`X${'x'.repeat(KEY_MAX)}`, 'B'] });
  });
  it('has no key sentence without prose', () => {
    expect(splitProse([])).toEqual({ key: null, rest: [] });
  });
});

describe('fitScale', () => {
  it('fits the tighter side, within [min, max]', () => {
    expect(fitScale(600, 800, 1800, 800)).toBe(1);
    expect(fitScale(600, 400, 1800, 800)).toBe(2);
    expect(fitScale(1000, 1000, 900, 500)).toBe(0.5);
    expect(fitScale(1000, 10000, 900, 500)).toBe(0.25);
    expect(fitScale(0, 100, 900, 500)).toBe(1);
  });
});
