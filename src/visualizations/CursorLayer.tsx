// The only parts of a cell map that follow the pointer and the keyboard: the hover/focus outlines,
// the ARIA active cell and the tooltip. They subscribe to the cursor store, so hovering re-renders
// them alone and never the canvas, axes or labels.
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { tooltipCell, type CursorStore } from './cursorStore';
import type { Cell } from './grid';

function useCursor(store: CursorStore) {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Props shared by the two cursor components. */
export interface CursorProps {
  store: CursorStore;
  cellW: number;
  cellH: number;
  idPrefix: string;
}

/** Inside the role="grid" element: the one rendered row/cell (aria-activedescendant) and the outlines. */
export function GridCursor({
  store,
  cellW,
  cellH,
  idPrefix,
  rows,
  cols,
  announce,
  gridRef,
}: CursorProps & {
  rows: number;
  cols: number;
  announce: (c: Cell) => string;
  gridRef: React.RefObject<HTMLDivElement | null>;
}) {
  const s = useCursor(store);
  const focus = { row: Math.min(s.focus.row, rows - 1), col: Math.min(s.focus.col, cols - 1) };
  const activeId = `${idPrefix}-cell-${focus.row}-${focus.col}`;
  useLayoutEffect(() => {
    gridRef.current?.setAttribute('aria-activedescendant', activeId);
  }, [activeId, gridRef]);
  const box = (c: Cell) => ({ left: c.col * cellW, top: c.row * cellH, width: cellW, height: cellH });
  return (
    <>
      <div role="row" aria-rowindex={focus.row + 1} className="visually-hidden">
        <div role="gridcell" id={activeId} aria-colindex={focus.col + 1}>
          {announce(focus)}
        </div>
      </div>
      {s.hover && <div aria-hidden="true" className="viz-hover-cell" style={box(s.hover)} />}
      {s.focused && (
        <div aria-hidden="true" className="viz-focus-cell" data-testid="focus-cell" style={box(focus)} />
      )}
    </>
  );
}

let tooltipRenders = 0;
/** How many times any tooltip has rendered (read by the hover benchmark). */
export function tooltipRenderCount(): number {
  return tooltipRenders;
}

/** Where a tooltip of size (w, h) goes beside a grid at `grid` (viewport px), in the hovered row:
 *  right of the grid, else left of it, else below, else above; always clamped inside the viewport. */
export function placeTooltip(
  grid: { left: number; top: number; right: number; bottom: number },
  rowTop: number,
  w: number,
  h: number,
  vw: number,
  vh: number,
  gap = 10,
): { left: number; top: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)));
  const sideTop = clamp(rowTop, 4, vh - h - 4);
  if (grid.right + gap + w <= vw - 4) return { left: grid.right + gap, top: sideTop };
  if (grid.left - gap - w >= 4) return { left: grid.left - gap - w, top: sideTop };
  const left = clamp(grid.left, 4, vw - w - 4);
  if (grid.bottom + gap + h <= vh - 4) return { left, top: grid.bottom + gap };
  if (grid.top - gap - h >= 4) return { left, top: grid.top - gap - h };
  return { left, top: clamp(grid.bottom + gap, 4, vh - h - 4) };
}

/** The tooltip: shown for the hovered cell (or the focus cell while the grid has focus); stays while the
 *  pointer is over it; Esc hides it until the cursor moves. Fixed to the viewport, so no scrolling
 *  panel clips it; it flips to the side with room and is clamped inside the window. */
export function CursorTooltip({
  store,
  cellH,
  idPrefix,
  gridRef,
  content,
}: CursorProps & {
  gridRef: React.RefObject<HTMLDivElement | null>;
  content: (c: Cell) => ReactNode;
}) {
  const s = useCursor(store);
  const shown = tooltipCell(s);
  const ref = useRef<HTMLDivElement>(null);
  const renders = useRef(0);
  useEffect(() => {
    renders.current++;
    tooltipRenders++;
    if (ref.current) ref.current.dataset.renders = String(renders.current);
  });
  // Esc dismisses even when the focus is elsewhere (pure hover).
  useEffect(() => {
    if (!shown) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') store.set({ dismissed: true, hover: null, overTip: false });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [shown, store]);
  // Beside the grid (never over its cells, so the pointer can keep moving across the map).
  useLayoutEffect(() => {
    const tip = ref.current;
    const grid = gridRef.current;
    if (!shown || !tip || !grid) return;
    const place = () => {
      const g = grid.getBoundingClientRect();
      const t = tip.getBoundingClientRect();
      const p = placeTooltip(g, g.top + shown.row * cellH, t.width, t.height, window.innerWidth, window.innerHeight);
      tip.style.left = `${p.left}px`;
      tip.style.top = `${p.top}px`;
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [shown, cellH, gridRef]);
  if (!shown) return <div ref={ref} hidden data-testid="tooltip-anchor" />;
  return (
    <div
      ref={ref}
      role="tooltip"
      id={`${idPrefix}-tip`}
      className="viz-tooltip"
      data-testid="tooltip"
      style={{ position: 'fixed', left: 0, top: 0 }}
      onPointerEnter={() => store.set({ overTip: true })}
      onPointerLeave={() => store.set({ overTip: false, hover: null })}
    >
      {content(shown)}
    </div>
  );
}
