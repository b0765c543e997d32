// The deck of a presentation: which steps of the lesson it shows (`?steps=3-7`), where each step's
// URL is, and clamping a requested step into the deck. Pure.

export interface Deck {
  /** First and last step of the deck, 1-based and inclusive. */
  first: number;
  last: number;
}

/**
 * The deck for a lesson of `nSteps` steps and a `steps` parameter ("3-7", "4", "3-", "-5").
 * Malformed or empty ranges give the whole lesson; ranges are clamped to the lesson.
 */
export function parseDeck(raw: string | null, nSteps: number): Deck {
  const whole = { first: 1, last: Math.max(1, nSteps) };
  if (raw === null) return whole;
  const m = /^\s*(\d{0,3})\s*(?:(-)\s*(\d{0,3}))?\s*$/.exec(raw);
  if (!m || (!m[1] && !m[3])) return whole;
  const a = m[1] ? Number(m[1]) : 1;
  const b = m[2] ? (m[3] ? Number(m[3]) : whole.last) : a;
  const first = Math.min(Math.max(1, Math.min(a, b)), whole.last);
  const last = Math.min(Math.max(first, Math.max(a, b)), whole.last);
  return { first, last };
}

/** A step moved into the deck. */
export function clampToDeck(step: number, deck: Deck): number {
  return Math.min(Math.max(Number.isFinite(step) ? Math.trunc(step) : deck.first, deck.first), deck.last);
}

/** The step an action moves to (the same step when it cannot move). */
export function moveInDeck(step: number, deck: Deck, action: 'next' | 'prev' | 'first' | 'last'): number {
  switch (action) {
    case 'next':
      return clampToDeck(step + 1, deck);
    case 'prev':
      return clampToDeck(step - 1, deck);
    case 'first':
      return deck.first;
    case 'last':
      return deck.last;
  }
}

/** Parameters kept while presenting (mode, range, controls), from the current ones. */
export function withMode(params: URLSearchParams, mode: 'present' | 'speaker' | 'handout' | null): URLSearchParams {
  const out = new URLSearchParams(params);
  if (mode) out.set('mode', mode);
  else {
    out.delete('mode');
    out.delete('controls');
  }
  return out;
}
