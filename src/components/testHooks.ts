// Test-only hooks, on only with `?testhooks=1` in the URL (search or hash): e2e tests use them to
// force failures a user cannot (a crashed worker, a panel that throws).

function params(): URLSearchParams {
  if (typeof location === 'undefined') return new URLSearchParams();
  return new URLSearchParams(location.search.slice(1) + '&' + location.hash.replace(/^[^?]*\??/, ''));
}

export function testHooksOn(): boolean {
  return params().get('testhooks') === '1';
}

const healed = new Set<string>();

/**
 * Throws for the panel named by `throwpanel=<id>` (with testhooks=1) until "Try again" is pressed
 * (healPanelForTest): the e2e test sees the panel's own error message, the rest of the page
 * working, and Try again drawing it. (Throwing only once would be hidden by React's own retry.)
 */
export function maybeThrowForTest(panel: string): void {
  const p = params();
  if (p.get('testhooks') !== '1' || p.get('throwpanel') !== panel || healed.has(panel)) return;
  throw new Error(`Forced failure of the ${panel} panel (test hook)`);
}

export function healPanelForTest(panel: string): void {
  healed.add(panel);
}
