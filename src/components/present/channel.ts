// Keeps the presentation and its speaker window on the same step over a BroadcastChannel (same
// origin, no server). Messages are checked for shape; where the channel cannot open, nothing syncs.

import { parseHash } from '../router';

export const CHANNEL_NAME = 'attention-atlas.present';

export interface StepMessage {
  type: 'atlas.present.step';
  slug: string;
  step: number;
}

/** A step message, or null for anything of another shape. */
export function parseStepMessage(data: unknown): StepMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (d.type !== 'atlas.present.step' || typeof d.slug !== 'string' || !/^[a-z0-9-]{1,64}$/.test(d.slug)) return null;
  if (!Number.isInteger(d.step) || (d.step as number) < 1 || (d.step as number) > 999) return null;
  return { type: 'atlas.present.step', slug: d.slug, step: d.step as number };
}

/** Opens the channel; `post` sends the current step, `close` stops listening. */
export function openStepChannel(onStep: (m: StepMessage) => void): { post: (slug: string, step: number) => void; close: () => void } {
  let ch: BroadcastChannel | null = null;
  try {
    ch = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
  } catch {
    ch = null; // e.g. an opaque-origin frame
  }
  if (ch)
    ch.onmessage = (e: MessageEvent) => {
      const m = parseStepMessage(e.data);
      if (m) onStep(m);
    };
  return {
    post: (slug, step) => ch?.postMessage({ type: 'atlas.present.step', slug, step } satisfies StepMessage),
    close: () => ch?.close(),
  };
}

/** The lesson step in the address bar now (0 elsewhere): a message for this step is only an echo. */
export function stepInUrl(): number {
  const { route } = parseHash(window.location.hash);
  return route.name === 'lesson' ? route.step : 0;
}
