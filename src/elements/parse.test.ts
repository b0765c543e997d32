import { describe, expect, it } from 'vitest';
import { parseAttention, parseMask, parsePositional } from './parse';

const attrs = (a: Record<string, string>) => (name: string) => a[name] ?? null;

describe('parseAttention', () => {
  it('reads one head [S, S] as [1, S, S]', () => {
    const r = parseAttention(attrs({ tokens: '["a","b"]', weights: '[[1,0],[0.4,0.6]]' }));
    expect(r.ok && r.value.weights.shape).toEqual([1, 2, 2]);
    expect(r.ok && [...r.value.weights.data]).toEqual([1, 0, 0.4000000059604645, 0.6000000238418579]);
  });
  it('reads [H, Sq, Sk] with query tokens (cross-attention) and a mask', () => {
    const r = parseAttention(attrs({ tokens: '["x","y","z"]', 'query-tokens': '["a"]', weights: '[[[0.2,0.3,0.5]],[[1,0,0]]]', mask: '[[0,0,1]]' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.weights.shape).toEqual([2, 1, 3]);
    expect(r.value.nHeads).toBe(2);
    expect([...r.value.mask!.data]).toEqual([0, 0, 1]);
  });
  it('says in one line what is wrong', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ weights: '[[1]]' }, /tokens is missing/],
      [{ tokens: '["a"', weights: '[[1]]' }, /tokens is not valid JSON/],
      [{ tokens: '["a","b"]', weights: '[[1,0]]' }, /2 rows/],
      [{ tokens: '["a","b"]', weights: '[[1,0],[1]]' }, /row 1 must have 2 numbers/],
      [{ tokens: '["a"]', weights: '[["x"]]' }, /not a finite number/],
      [{ tokens: '[{"x":1}]', weights: '[[1]]' }, /list of strings/],
    ];
    for (const [a, re] of bad) {
      const r = parseAttention(attrs(a));
      expect(r.ok, JSON.stringify(a)).toBe(false);
      if (!r.ok) {
        expect(r.message).toMatch(re);
        expect(r.message).not.toContain('\n');
      }
    }
  });
});

describe('parseMask and parsePositional', () => {
  it('reads patterns and refuses unknown ones', () => {
    const r = parseMask(attrs({ tokens: '["a","b","c"]', pattern: 'prefix', prefix: '1' }));
    expect(r.ok && r.value).toMatchObject({ pattern: 'prefix', prefix: 1, padding: 0 });
    expect(parseMask(attrs({ tokens: '["a"]', pattern: 'diagonal' })).ok).toBe(false);
  });
  it('reads a sinusoidal size or a table of the author', () => {
    expect(parsePositional(attrs({ length: '8', 'd-model': '4' }))).toEqual({ ok: true, value: { kind: 'sinusoidal', length: 8, dModel: 4 } });
    expect(parsePositional(attrs({ 'd-model': '5' })).ok).toBe(false);
    const t = parsePositional(attrs({ values: '[[1,0],[0,1],[1,1]]' }));
    expect(t.ok && t.value.kind === 'table' && t.value.table.shape).toEqual([3, 2]);
  });
});
