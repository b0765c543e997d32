// The figures' pure parts: the heads laid side by side (concat), the FFN's top units per token, and
// where a tooltip goes (beside the grid, flipped and clamped so it never leaves the viewport).
import { describe, expect, it } from 'vitest';
import { concatHeads } from './MultiHead';
import { topUnits } from './FfnTopUnits';
import { placeTooltip } from '../CursorLayer';
import { buildFixtures } from '../fixtures/runs';
import { bytesOf } from '../fixtures';
import * as files from '../fixtures/modelFiles';

const fx = buildFixtures({
  decoder: bytesOf(files.decoder),
  encdec: bytesOf(files.encdec),
  rope: bytesOf(files.rope),
  encoder: bytesOf(files.encoder),
});

describe('concatHeads', () => {
  it('puts head h of a real run at columns h·dHead … (h+1)·dHead − 1', () => {
    const t = fx.decoder.layers[0].headOutputs; // [nHeads, S, dHead]
    const [nHeads, S, dHead] = t.shape;
    const m = concatHeads(t);
    expect([m.rows, m.cols]).toEqual([S, nHeads * dHead]);
    for (let h = 0; h < nHeads; h++)
      for (let i = 0; i < S; i++)
        for (let c = 0; c < dHead; c++) expect(m.values[i * m.cols + h * dHead + c]).toBe(t.data[(h * S + i) * dHead + c]);
  });
});

describe('topUnits', () => {
  it('lists each row’s largest values, largest first, with their column', () => {
    const v = [0, 3, 1, 2, /* row 1 */ -1, -2, 5, 0];
    expect(topUnits(v, 2, 4, 2)).toEqual([
      [
        { unit: 1, value: 3 },
        { unit: 3, value: 2 },
      ],
      [
        { unit: 2, value: 5 },
        { unit: 3, value: 0 },
      ],
    ]);
  });
});

describe('placeTooltip', () => {
  const grid = { left: 100, top: 100, right: 400, bottom: 400 };
  it('goes right of the grid when it fits', () => {
    expect(placeTooltip(grid, 150, 200, 80, 1280, 900)).toEqual({ left: 410, top: 150 });
  });
  it('flips to the left when the right has no room', () => {
    const g = { left: 700, top: 100, right: 1000, bottom: 400 };
    expect(placeTooltip(g, 150, 300, 80, 1024, 768).left).toBe(700 - 10 - 300);
  });
  it('goes below when neither side has room, and is clamped inside the viewport', () => {
    const g = { left: 10, top: 100, right: 360, bottom: 400 };
    const p = placeTooltip(g, 150, 300, 80, 375, 700);
    expect(p).toEqual({ left: 10, top: 410 });
    const low = placeTooltip({ ...g, top: 600, bottom: 690 }, 680, 300, 80, 375, 700);
    expect(low.top + 80).toBeLessThanOrEqual(700);
    expect(low.left + 300).toBeLessThanOrEqual(375);
  });
});
