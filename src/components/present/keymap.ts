// Presentation keys (reveal.js conventions), active only in presentation mode so that single-key
// shortcuts never surprise anyone elsewhere. Pure: a key event's fields in, an action out.

export type PresentAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'black'
  | 'overview'
  | 'pointer'
  | 'speaker'
  | 'help'
  | 'close';

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const MAP: Record<string, PresentAction> = {
  ArrowRight: 'next',
  ' ': 'next',
  Spacebar: 'next',
  PageDown: 'next',
  n: 'next',
  N: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  p: 'prev',
  P: 'prev',
  Home: 'first',
  End: 'last',
  f: 'fullscreen',
  F: 'fullscreen',
  b: 'black',
  B: 'black',
  '.': 'black',
  o: 'overview',
  O: 'overview',
  l: 'pointer',
  L: 'pointer',
  s: 'speaker',
  S: 'speaker',
  '?': 'help',
};

/**
 * The action for a key, or null. With an overlay open (help, overview, black screen) Esc closes it;
 * otherwise Esc opens the overview. Keys with Ctrl, Meta or Alt belong to the browser.
 */
export function presentAction(e: KeyLike, overlayOpen = false): PresentAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'Escape') return overlayOpen ? 'close' : 'overview';
  return MAP[e.key] ?? null;
}

/** The key list shown by the `?` overlay. */
export const KEY_HELP: readonly { keys: string; does: string }[] = [
  { keys: '→  Space  PageDown  N', does: 'next step' },
  { keys: '←  PageUp  P', does: 'previous step' },
  { keys: 'Home  End', does: 'first and last step' },
  { keys: 'F', does: 'full screen on or off' },
  { keys: 'B  .', does: 'black screen on or off' },
  { keys: 'O  Esc', does: 'overview of the steps (Esc closes any overlay)' },
  { keys: 'L', does: 'pointer: a spotlight that follows the mouse' },
  { keys: 'S', does: 'speaker window: notes, the next step, a timer' },
  { keys: '?', does: 'this list' },
];

/** True when a key event should be left to the element that has focus (typing, grids, sliders…). */
export function belongsToFocus(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  const arrows = key.startsWith('Arrow') || key === 'Home' || key === 'End' || key === 'PageUp' || key === 'PageDown';
  if (arrows && target.closest('[role=grid], [role=slider], [role=listbox], [role=tablist], [role=radiogroup], [role=tree], [role=application], [role=toolbar]')) return true;
  if ((key === ' ' || key === 'Enter') && target.closest('button, a[href], summary, [role=button]')) return true;
  return false;
}
