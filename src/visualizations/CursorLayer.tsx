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
  cell: number;
  idPrefix: string;
}

/** Inside the role="grid" element: the one rendered row/cell (aria-activedescendant) and the outlines. */
export function GridCursor({
  store,
  cell,
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
  const box = (c: Cell) => ({ left: c.col * cell, top: c.row * cell, width: cell, height: cell });
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

/** The tooltip: shown for the hovered cell (or the focus cell while the grid has focus); stays while the
 *  pointer is over it; Esc hides it until the cursor moves. */
export function CursorTooltip({
  store,
  cell,
  idPrefix,
  left,
  top,
  gridWidth,
  gridHeight,
  available,
  content,
}: CursorProps & {
  left: number;
  top: number;
  gridWidth: number;
  gridHeight: number;
  available: number;
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
  if (!shown) return <div ref={ref} hidden data-testid="tooltip-anchor" />;
  // Beside the grid (never over its cells, so the pointer can keep moving across the map), in the
  // hovered row; below the grid when there is no room on the right.
  const right = left + gridWidth + 10;
  const style: React.CSSProperties =
    right + 240 <= available
      ? { left: right, top: top + Math.min(shown.row * cell, Math.max(0, gridHeight - 40)) }
      : { left, top: top + gridHeight + 10 };
  return (
    <div
      ref={ref}
      role="tooltip"
      id={`${idPrefix}-tip`}
      className="viz-tooltip"
      data-testid="tooltip"
      style={style}
      onPointerEnter={() => store.set({ overTip: true })}
      onPointerLeave={() => store.set({ overTip: false, hover: null })}
    >
      {content(shown)}
    </div>
  );
}
