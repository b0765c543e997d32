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
