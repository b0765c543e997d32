import { describe, expect, it } from 'vitest';
import { stateAtStep } from '../lessons/stepState';
import type { Lesson } from '../lessons/types';
import { authorState, withAuthorState } from './authorState';
import { parseEmbedParams } from './params';

const lesson: Lesson = {
  slug: 'x',
  title: 'X',
  summary: '',
  steps: [
    { title: 'one', prose: [], notes: '', state: { model: 'grammar', input: 'the dog', layer: 0 } },
    { title: 'two', prose: [], notes: '', state: { layer: 1 } },
    { title: 'three', prose: [], notes: '', state: { model: 'dates' } },
  ],
};

describe('authorState', () => {
  it('maps embed parameters to step fields (text → input)', () => {
    const { config } = parseEmbedParams('widget=lesson&model=reverse&text=abc&head=2&mask=prefix&prefix=1');
    expect(authorState(config)).toEqual({ model: 'reverse', input: 'abc', head: 2, mask: 'prefix', prefix: 1 });
  });
});

describe('withAuthorState', () => {
  it("wins from the first shown step on, until a later step sets the field itself", () => {
    const merged = withAuthorState(lesson, 2, { model: 'reverse', input: 'abc', layer: 0 });
    expect(stateAtStep(merged, 1)).toEqual({ model: 'grammar', input: 'the dog', layer: 0 });
    expect(stateAtStep(merged, 2)).toEqual({ model: 'reverse', input: 'abc', layer: 0 });
    expect(stateAtStep(merged, 3)).toEqual({ model: 'dates', input: 'abc', layer: 0 });
  });
  it('returns the lesson itself when the author set nothing', () => {
    expect(withAuthorState(lesson, 1, {})).toBe(lesson);
  });
});
