// Whether the user asked for reduced motion (system setting or the app's data-motion="reduce").
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-reduced-motion: reduce)');

function subscribe(cb: () => void) {
  const q = query();
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
}

/** True when animations should be avoided or slowed. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query().matches || document.documentElement.dataset.motion === 'reduce',
    () => false,
  );
}
