// The notes the train playground shows: they follow the settings and what the curves did.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../tasks/trainSettings';
import type { EvalPoint } from '../../worker/trainSession';
import { STALL_STEPS, trainNotes } from './trainNotes';
import { bucketMeans } from './TrainCurves';

const point = (step: number, heldOutAcc: number, trainAcc = heldOutAcc): EvalPoint => ({ step, trainLoss: 1, trainAcc, heldOutLoss: 1, heldOutAcc });
const ids = (n: { id: string }[]) => n.map((x) => x.id);

describe('train notes', () => {
  it('explains that reverse without positions cannot be learned, once the curve has stalled', () => {
    const s = { ...defaultSettings('reverse'), pos: 'none' as const };
    const early = trainNotes(s, [point(100, 0.02)], null);
    expect(early[0].tone).toBe('info');
    const late = trainNotes(s, [point(100, 0.02), point(STALL_STEPS, 0.04)], null);
    expect(late[0]).toMatchObject({ id: 'no-positions', tone: 'warn' });
    expect(late[0].text).toContain('stuck near 4%');
    expect(ids(late)).not.toContain('stalled'); // the specific reason, not the generic advice
  });
  it('says sort needs no positions, and reports a reached target and memorising', () => {
    expect(ids(trainNotes({ ...defaultSettings('sort'), pos: 'none' }, [], null))).toEqual(['sort-no-positions']);
    expect(ids(trainNotes(defaultSettings('copy'), [point(300, 0.97)], { step: 275, seconds: 9.5 }))).toEqual(['reached']);
    expect(ids(trainNotes(defaultSettings('copy'), [point(500, 0.6, 0.95)], null))).toEqual(['overfit']);
    expect(ids(trainNotes(defaultSettings('copy'), [point(STALL_STEPS, 0.1)], null))).toEqual(['stalled']);
  });
});

describe('curve buckets', () => {
  it('averages consecutive losses into at most max points, keeping the last step of each bucket', () => {
    const x = Array.from({ length: 10 }, (_, i) => i + 1);
    const y = x.map((v) => v * 2);
    expect(bucketMeans(x, y, 5)).toEqual({ x: [2, 4, 6, 8, 10], y: [3, 7, 11, 15, 19] });
    expect(bucketMeans(x, y, 100).y).toEqual(y);
  });
});
