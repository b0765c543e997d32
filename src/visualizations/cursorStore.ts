// Transient pointer/keyboard cursor state of one cell map (hover cell, focus cell, tooltip).
// Kept outside React state so moving the mouse re-renders only the cursor layer (the tooltip),
// never the map itself ("transient updates", as in the zustand docs).
import type { Cell } from './grid';

export interface CursorState {
  hover: Cell | null;
  focus: Cell;
  /** The grid element has keyboard focus. */
  focused: boolean;
  /** The pointer is over the tooltip (it stays while hovered). */
  overTip: boolean;
  /** Esc pressed: the tooltip stays hidden until the cursor moves. */
  dismissed: boolean;
}

export interface CursorStore {
  get(): CursorState;
  set(patch: Partial<CursorState>): void;
  subscribe(listener: () => void): () => void;
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  a === b || (!!a && !!b && a.row === b.row && a.col === b.col);

/** A tiny external store; `set` notifies only when something changed. */
export function createCursorStore(): CursorStore {
  let state: CursorState = {
    hover: null,
    focus: { row: 0, col: 0 },
    focused: false,
    overTip: false,
    dismissed: false,
  };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const next = { ...state, ...patch };
      if (
        sameCell(next.hover, state.hover) &&
        sameCell(next.focus, state.focus) &&
        next.focused === state.focused &&
        next.overTip === state.overTip &&
        next.dismissed === state.dismissed
      )
        return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The cell whose tooltip is shown: the hovered one, else the keyboard focus cell while focused. */
export function tooltipCell(s: CursorState): Cell | null {
  if (s.dismissed) return null;
  if (s.hover) return s.hover;
  return s.focused ? s.focus : null;
}
