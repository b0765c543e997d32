// Step navigation: a new history entry per step (pushState), keeping the view's parameters.
import { hashOf, parseHash } from '../router';

/** The hash of a lesson step, keeping the current query parameters (model, text, …). */
export function stepHref(slug: string, step: number, params?: URLSearchParams): string {
  return hashOf({ name: 'lesson', slug, step }, params);
}

/** Goes to a step: pushes a history entry and tells the router (pushState fires no hashchange). */
export function goToStep(slug: string, step: number): void {
  const { params } = parseHash(window.location.hash);
  const hash = stepHref(slug, step, params);
  if (hash === window.location.hash) return;
  window.history.pushState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
