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
  | 'zoom'
  | 'more'
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
  z: 'zoom',
  Z: 'zoom',
  m: 'more',
  M: 'more',
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
  { keys: 'PageDown  PageUp', does: 'always change the step (a clicker sends them), even with focus in a figure' },
  { keys: 'Home  End', does: 'first and last step' },
  { keys: 'Enter', does: 'on a figure (after Tab or a click): enter it, so the arrow keys move between its cells' },
  { keys: 'Esc', does: 'leave the figure you entered; otherwise the overview (and it closes any overlay)' },
  { keys: 'Z', does: 'zoom: the figure alone, filling the screen, or back' },
  { keys: 'M', does: 'more: the rest of the step (prose, formulas, questions) on or off' },
  { keys: 'F', does: 'full screen on or off' },
  { keys: 'B  .', does: 'black screen on or off' },
  { keys: 'O', does: 'overview of the steps' },
  { keys: 'L', does: 'pointer: a spotlight that follows the mouse' },
  { keys: 'S', does: 'speaker window: notes, this and the next slide, a timer and the clock' },
  { keys: '?', does: 'this list' },
];

/** Elements that use the arrow keys themselves: a presenter enters them with Enter. */
export const FIGURE_ROLES = '[role=grid], [role=slider], [role=listbox], [role=tablist], [role=radiogroup], [role=tree], [role=application], [role=toolbar]';

/** True while focus is in a text field (typing): only PageDown/PageUp change the step then. */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('input:not([type=radio]):not([type=checkbox]):not([type=range]), textarea, select, [contenteditable=""], [contenteditable="true"]');
}

/** The figure (grid, slider, …) focus is in, or null. */
export function figureOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(FIGURE_ROLES) : null;
}

/**
 * Who handles a key in presentation mode:
 * - `slide`: PageDown/PageUp always (clickers), and every slide key outside text fields and entered figures;
 * - `enter` / `leave`: Enter on a figure enters it, Esc in the entered figure leaves it;
 * - `focus`: the focused element (typing, an entered figure, Space/Enter on a button).
 */
export function keyOwner(target: EventTarget | null, key: string, entered: Element | null): 'slide' | 'enter' | 'leave' | 'focus' {
  if (key === 'PageDown' || key === 'PageUp') return 'slide';
  if (isTyping(target)) return 'focus';
  const figure = figureOf(target);
  if (figure && entered && entered.contains(target as Node)) return key === 'Escape' ? 'leave' : 'focus';
  if (figure && key === 'Enter') return 'enter';
  if ((key === ' ' || key === 'Enter') && target instanceof Element && target.closest('button, a[href], summary, [role=button], input, label')) return 'focus';
  return 'slide';
}
