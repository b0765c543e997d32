import { describe, expect, it } from 'vitest';
import { parseProgress } from './progress';

describe('parseProgress', () => {
  it('survives missing, corrupted and hostile data', () => {
    expect(parseProgress(null)).toEqual({});
    expect(parseProgress('{not json')).toEqual({});
    expect(parseProgress('[1,2]')).toEqual({});
    expect(parseProgress('{"../x":{"visited":[1]}, "ok":{"visited":[3,1,1,"2",-4,1.5],"quizDone":"yes"}}')).toEqual({
      ok: { visited: [1, 3], quizDone: false },
    });
  });
  it('keeps valid entries', () => {
    expect(parseProgress('{"masking":{"visited":[2,1],"quizDone":true}}')).toEqual({ masking: { visited: [1, 2], quizDone: true } });
  });
});

describe('guesses in progress', () => {
  it('keeps well-formed predict-then-reveal results and drops the rest', () => {
    const p = parseProgress(JSON.stringify({ masking: { visited: [1], quizDone: false, guesses: { 'mask-row': { rank: 2, of: 5 }, bad: { rank: 9, of: 3 }, 'x y': { rank: 1, of: 2 } } } }));
    expect(p.masking.guesses).toEqual({ 'mask-row': { rank: 2, of: 5 } });
  });
});
