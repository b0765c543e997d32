// What lessons 11, 13 and 14 say about the shipped dates model, checked on the file itself: where
// each output character's cross-attention (mean of the heads of decoder layer 0) peaks, and what
// the model writes. Retrain the model and these tell you which sentences to revisit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenizer, encode, forward, generate, getTensor, loadModel, tracePath, type Tensor } from '../model/index';

const m = loadModel(new Uint8Array(readFileSync(join(__dirname, '..', '..', 'public', 'models', 'dates.safetensors'))));
const tok = createTokenizer(m);
const ids = (s: string) => encode(tok, s).ids;

/** For each decoder position: the source position with the largest mean cross-attention, its weight, and the argmax written. */
function alignment(src: string, tgt: string) {
  const r = forward(m, { src: ids(src), tgt: [1, ...ids(tgt)] }, { trace: 'full' });
  const w = getTensor(r.trace, tracePath.attention('decoder', 0, 'crossAttention', 'weights')) as Tensor; // [H, T, S]
  const [H, T, S] = w.shape;
  return Array.from({ length: T }, (_, t) => {
    const row = new Float64Array(S); // [S], mean over heads
    for (let h = 0; h < H; h++) for (let j = 0; j < S; j++) row[j] += w.data[(h * T + t) * S + j] / H;
    const top = row.indexOf(Math.max(...row));
    return { top, weight: row[top], writes: m.vocab![r.argmax.data[t]] };
  });
}

const written = (src: string) => {
  const steps = [...generate(m, { src: ids(src), tgt: [1] }, { maxNewTokens: 12 })];
  return steps.at(-1)!.tokens.map((t) => m.vocab![t]).filter((p) => !p.startsWith('<')).join('');
};

describe('lesson claims about the dates model', () => {
  it('lesson 11 step 4: year, month and day digits read the year, `M` of March and the `3` of 3rd', () => {
    const a = alignment('Wednesday the 3rd of March 2021', '2021-03-03');
    expect(a.map((x) => x.writes).join('')).toBe('2021-03-03<eos>');
    expect([a[2].top, a[3].top, a[6].top, a[9].top]).toEqual([29, 30, 21, 14]);
    // the weights quoted in the speaker notes, to two decimals
    [[2, 0.29], [3, 0.69], [6, 0.44], [9, 0.88]].forEach(([t, w]) => expect(a[t].weight).toBeCloseTo(w, 1));
  });
  it('lesson 11 step 5: the separators decide which digit is the month', () => {
    const us = alignment('03/04/1999', '1999-03-04');
    expect([us[6].top, us[9].top]).toEqual([1, 4]); // month digit reads the first number, day digit the second
    const eu = alignment('3.4.1999', '1999-04-03');
    expect([eu[6].top, eu[9].top]).toEqual([2, 0]);
  });
  it('lessons 13 and 14: the model writes these dates right, by greedy generation', () => {
    for (const [src, iso] of [['march 14, 1999', '1999-03-14'], ['14.3.1999', '1999-03-14'], ['Wednesday the 3rd of March 2021', '2021-03-03'], ['Tuesday, August 9, 1994', '1994-08-09']])
      expect(written(src), src).toBe(iso);
  });
  it('lesson 13 step 2: teacher forcing on the right target matches at all n + 1 positions', () => {
    const a = alignment('march 14, 1999', '1999-03-14');
    expect(a.map((x) => x.writes).join('')).toBe('1999-03-14<eos>');
  });
});
