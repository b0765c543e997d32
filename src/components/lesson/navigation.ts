// Step navigation: a new history entry per step (pushState). The view's own parameters (model,
// text, layer, …) are dropped, since the new step sets its state and the URL sync writes the view
// back; other parameters (presentation mode, step ranges, …) are kept.
import { hashOf, parseHash } from '../router';
import { VIEW_PARAMS } from '../../store/urlCodec';

/** The hash of a lesson step with the given query parameters. */
export function stepHref(slug: string, step: number, params?: URLSearchParams): string {
  return hashOf({ name: 'lesson', slug, step }, params);
}

/** The current parameters without the view's own (what a step link should carry). */
export function nonViewParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const p of VIEW_PARAMS) out.delete(p);
  return out;
}

/** Goes to a step: pushes a history entry and tells the router (pushState fires no hashchange). */
export function goToStep(slug: string, step: number): void {
  const { params } = parseHash(window.location.hash);
  const hash = stepHref(slug, step, nonViewParams(params));
  if (hash === window.location.hash) return;
  window.history.pushState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
