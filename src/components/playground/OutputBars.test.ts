import { describe, expect, it } from 'vitest';
import { topOf } from './OutputBars';

describe('topOf', () => {
  it('finds the k largest in order, ties by lower id, as a full sort would', () => {
    const row = [0.1, 0.5, 0.2, 0.5, 0.05, 0.9, 0.2];
    const sorted = Array.from(row, (p, id) => ({ id, p })).sort((a, b) => b.p - a.p || a.id - b.id);
    for (const k of [1, 3, 5, 7]) expect(topOf(row, k)).toEqual(sorted.slice(0, k));
    expect(topOf([0.3], 5)).toEqual([{ id: 0, p: 0.3 }]);
  });
});
