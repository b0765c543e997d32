// Subscribes React to `location.hash` so the router re-renders on navigation.
import { useSyncExternalStore } from 'react';
import { parseHash, type Location } from './router';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, getHash, () => '');
  return parseHash(hash);
}
