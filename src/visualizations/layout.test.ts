// Tests for cell-map layout, painting at data resolution, blocked runs and formatting.
import { describe, expect, it } from 'vitest';
import { layoutCellMap } from './layout';
import { blockedRuns, paintCells } from './paint';
import { divergingScale, sequentialScale } from './scales';
import { announceCell, formatValue, parseValue, shortLabel } from './format';
import { patternMask } from '../model';

describe('layoutCellMap', () => {
  const base = { rowLabels: ['the', 'cat'], colLabels: ['the', 'cat'], fontSize: 12, maxCell: 40 };
  it('caps the cell size and leaves room for labels and titles', () => {
    const l = layoutCellMap({ ...base, rows: 2, cols: 2, maxWidth: 800 });
    expect(l.cellW).toBe(40);
    expect(l.cellH).toBe(40);
    expect(l.left).toBeGreaterThan(3 * 12 * 0.6);
    expect(l.top).toBeGreaterThan(12);
    expect(l.width).toBeGreaterThanOrEqual(l.left + l.gridWidth);
    expect(l.height).toBeGreaterThanOrEqual(l.top + l.gridHeight);
    expect(l.rowEvery).toBe(1);
    expect(l.colEvery).toBe(1);
  });
  it('never draws a row under 14 px: a wide [S, 128] matrix gets narrow, 14 px high cells, every row labelled', () => {
    const cols = Array.from({ length: 128 }, (_, i) => String(i));
    const l = layoutCellMap({ ...base, rowLabels: ['a', 'b', 'c'], colLabels: cols, rows: 3, cols: 128, maxWidth: 560 });
    expect(l.cellH).toBeGreaterThanOrEqual(14);
    expect(l.cellW).toBeLessThan(5);
    expect(l.rowEvery).toBe(1);
    expect(l.width).toBeLessThanOrEqual(560 + 5);
  });
  it('labels every row and column of a 512 × 512 attention map (cells ≥ 14 px; the container scrolls)', () => {
    const labels = Array.from({ length: 512 }, (_, i) => `t${i}`);
    const l = layoutCellMap({ ...base, rowLabels: labels, colLabels: labels, rows: 512, cols: 512, maxWidth: 600, labelAll: true });
    expect(l.cellW).toBeGreaterThanOrEqual(14);
    expect(l.cellH).toBeGreaterThanOrEqual(14);
    expect(l.rowEvery).toBe(1);
    expect(l.colEvery).toBe(1);
    expect(l.colAngle).toBe(-90);
  });
  it('thins labels only where it may (not an attention map) so they never overlap', () => {
    const labels = Array.from({ length: 512 }, (_, i) => `t${i}`);
    const l = layoutCellMap({ ...base, rowLabels: labels, colLabels: labels, rows: 512, cols: 512, maxWidth: 600 });
    expect(l.width).toBeLessThanOrEqual(600 + 5);
    expect(l.rowEvery * l.cellH).toBeGreaterThanOrEqual(12);
    expect(l.colEvery * l.cellW).toBeGreaterThanOrEqual(12);
  });
  it('uses whole pixels for cells of 4 px or more', () => {
    const l = layoutCellMap({ ...base, rows: 7, cols: 7, maxWidth: 333 });
    expect(Number.isInteger(l.cellW)).toBe(true);
  });
});

describe('paintCells', () => {
  it('writes exactly scale.rgb(value) for every cell, opaque', () => {
    const values = new Float32Array([0, 0.25, 0.5, 1, 0.999, 0.42]);
    const s = sequentialScale('viridis');
    const out = new Uint8ClampedArray(6 * 4);
    paintCells(values, 0, 2, 3, s, out);
    for (let i = 0; i < 6; i++) {
      expect([out[i * 4], out[i * 4 + 1], out[i * 4 + 2]]).toEqual(s.rgb(values[i]));
      expect(out[i * 4 + 3]).toBe(255);
    }
  });
  it('reads from an offset (one head of a [nHeads, S, S] tensor) and paints signed values', () => {
    const values = new Float32Array([9, 9, -1.5, 0, 0.7, 1.5]);
    const s = divergingScale(1.5);
    const out = new Uint8ClampedArray(4 * 4);
    paintCells(values, 2, 2, 2, s, out);
    for (let i = 0; i < 4; i++)
      expect([out[i * 4], out[i * 4 + 1], out[i * 4 + 2]]).toEqual(s.rgb(values[2 + i]));
  });
});

describe('blockedRuns', () => {
  it('merges a causal mask into one run per row', () => {
    const m = patternMask('causal', 4, 4);
    expect(blockedRuns(m.data, 4, 4)).toEqual([
      { row: 0, col: 1, length: 3 },
      { row: 1, col: 2, length: 2 },
      { row: 2, col: 3, length: 1 },
    ]);
  });
  it('counts every blocked cell exactly once', () => {
    const m = patternMask('prefix', 9, 9, 3);
    const total = blockedRuns(m.data, 9, 9).reduce((s, r) => s + r.length, 0);
    expect(total).toBe(m.data.reduce((s, v) => s + v, 0));
  });
});

describe('format', () => {
  it('formats values with a true minus sign and round-trips', () => {
    expect(formatValue(0.4217)).toBe('0.42');
    expect(formatValue(-1.5)).toBe('−1.50');
    expect(formatValue(-0.0001)).toBe('0.00');
    expect(formatValue(-Infinity)).toBe('−∞');
    expect(parseValue('−1.50')).toBe(-1.5);
    expect(parseValue(formatValue(0.12345678, 4))).toBeCloseTo(0.1235, 6);
  });
  it('announces a cell as query → key: value', () => {
    expect(announceCell('query', 'the', 'key', 'cat', '0.42')).toBe('query ‘the’ → key ‘cat’: 0.42');
    expect(announceCell('query', 'a', 'key', '<pad>', '0.00', true)).toBe(
      'query ‘a’ → key ‘<pad>’: 0.00 (blocked)',
    );
  });
  it('shortens long labels and shows spaces', () => {
    expect(shortLabel('a b')).toBe('a·b');
    expect(shortLabel('abcdefghijklmnop', 6)).toBe('abcde…');
    expect(shortLabel('')).toBe('∅');
  });
});
