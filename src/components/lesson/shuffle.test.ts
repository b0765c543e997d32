import { describe, expect, it } from 'vitest';
import { shuffledOrder } from './shuffle';

describe('shuffledOrder', () => {
  it('is a permutation, the same for the same student and question', () => {
    const a = shuffledOrder(4, 12345, 'q1');
    expect([...a].sort()).toEqual([0, 1, 2, 3]);
    expect(shuffledOrder(4, 12345, 'q1')).toEqual(a);
  });
  it('puts the first option first for only about a quarter of (student, question) pairs', () => {
    let first = 0;
    const n = 2000;
    for (let s = 1; s <= n; s++) if (shuffledOrder(4, s * 7919, `q${s % 37}`)[0] === 0) first++;
    expect(first / n).toBeGreaterThan(0.2);
    expect(first / n).toBeLessThan(0.3);
  });
  it('differs between students', () => {
    const orders = new Set(Array.from({ length: 50 }, (_, s) => shuffledOrder(4, s + 1, 'same').join('')));
    expect(orders.size).toBeGreaterThan(5);
  });
});
