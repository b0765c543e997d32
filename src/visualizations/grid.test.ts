// Tests for the keyboard model of the ARIA grid and pointer hit-testing.
import { describe, expect, it } from 'vitest';
import { cellAt, moveCell } from './grid';

describe('moveCell', () => {
  const at = { row: 2, col: 3 };
  it('moves one cell with the arrows', () => {
    expect(moveCell(at, { key: 'ArrowUp' }, 5, 6)).toEqual({ row: 1, col: 3 });
    expect(moveCell(at, { key: 'ArrowDown' }, 5, 6)).toEqual({ row: 3, col: 3 });
    expect(moveCell(at, { key: 'ArrowLeft' }, 5, 6)).toEqual({ row: 2, col: 2 });
    expect(moveCell(at, { key: 'ArrowRight' }, 5, 6)).toEqual({ row: 2, col: 4 });
  });
  it('stops at the edges (no wrapping)', () => {
    expect(moveCell({ row: 0, col: 0 }, { key: 'ArrowUp' }, 5, 6)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, { key: 'ArrowLeft' }, 5, 6)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 4, col: 5 }, { key: 'ArrowDown' }, 5, 6)).toEqual({ row: 4, col: 5 });
    expect(moveCell({ row: 4, col: 5 }, { key: 'ArrowRight' }, 5, 6)).toEqual({ row: 4, col: 5 });
  });
  it('Home/End go to the row ends; with Ctrl to the grid corners', () => {
    expect(moveCell(at, { key: 'Home' }, 5, 6)).toEqual({ row: 2, col: 0 });
    expect(moveCell(at, { key: 'End' }, 5, 6)).toEqual({ row: 2, col: 5 });
    expect(moveCell(at, { key: 'Home', ctrlKey: true }, 5, 6)).toEqual({ row: 0, col: 0 });
    expect(moveCell(at, { key: 'End', ctrlKey: true }, 5, 6)).toEqual({ row: 4, col: 5 });
  });
  it('PageUp/PageDown move by a page, clamped', () => {
    expect(moveCell(at, { key: 'PageDown' }, 50, 6, 10)).toEqual({ row: 12, col: 3 });
    expect(moveCell(at, { key: 'PageUp' }, 50, 6, 10)).toEqual({ row: 0, col: 3 });
  });
  it('ignores other keys and empty grids; clamps a stale focus cell', () => {
    expect(moveCell(at, { key: 'a' }, 5, 6)).toBeNull();
    expect(moveCell(at, { key: 'Tab' }, 5, 6)).toBeNull();
    expect(moveCell(at, { key: 'ArrowUp' }, 0, 0)).toBeNull();
    expect(moveCell({ row: 9, col: 9 }, { key: 'ArrowLeft' }, 3, 3)).toEqual({ row: 2, col: 1 });
  });
});

describe('cellAt', () => {
  it('maps points to cells and refuses points outside', () => {
    expect(cellAt(0, 0, 10, 10, 3, 4)).toEqual({ row: 0, col: 0 });
    expect(cellAt(39.9, 29.9, 10, 10, 3, 4)).toEqual({ row: 2, col: 3 });
    expect(cellAt(40, 5, 10, 10, 3, 4)).toBeNull();
    expect(cellAt(-1, 5, 10, 10, 3, 4)).toBeNull();
  });
});

describe('cursorStore', () => {
  it('notifies only on change; the tooltip follows hover, else focus while focused; Esc dismisses', async () => {
    const { createCursorStore, tooltipCell } = await import('./cursorStore');
    const s = createCursorStore();
    let calls = 0;
    s.subscribe(() => calls++);
    s.set({ hover: { row: 1, col: 2 } });
    s.set({ hover: { row: 1, col: 2 } });
    expect(calls).toBe(1);
    expect(tooltipCell(s.get())).toEqual({ row: 1, col: 2 });
    s.set({ hover: null });
    expect(tooltipCell(s.get())).toBeNull();
    s.set({ focused: true, focus: { row: 3, col: 0 } });
    expect(tooltipCell(s.get())).toEqual({ row: 3, col: 0 });
    s.set({ dismissed: true });
    expect(tooltipCell(s.get())).toBeNull();
  });
});
