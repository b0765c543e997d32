// The golden traces (made with PyTorch 1.13, see golden/README.md): every traced number of every
// fixture within 1e-4 absolute or relative, through the same API the app uses.
import { describe, expect, it } from 'vitest';
import {
  compareTrace,
  countLeaves,
  goldenCases,
  readFixture,
  readFixtureModel,
  requestFromArgs,
} from './golden/fixtures';
import { assembleTrace, forward, loadModel, traceToJson } from './index';

describe('golden traces through forward()', () => {
  it('finds all five fixtures', () => expect(goldenCases.length).toBe(5));

  for (const name of goldenCases) {
    it(name, () => {
      const fixture = readFixture(name);
      const model = loadModel(readFixtureModel(name));
      const { input, options } = requestFromArgs(fixture.args);
      const result = forward(model, input, options);
      const actual = traceToJson(assembleTrace(result.trace));
      expect(countLeaves(fixture.trace)).toBeGreaterThan(500);
      expect(compareTrace(fixture.trace, actual)).toEqual([]);
    });
  }

  it('the comparison fails on a perturbed number', () => {
    expect(compareTrace({ a: [1, 2] }, { a: [1, 2.001] })).toHaveLength(1);
    expect(compareTrace({ a: [true] }, { a: [false] })).toHaveLength(1);
    expect(compareTrace({ a: 1000 }, { a: 1000.05 })).toHaveLength(0); // 5e-5 relative
  });
});
