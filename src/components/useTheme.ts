// Applies the theme choice to <html data-theme>, following prefers-color-scheme on 'auto'.
import { useEffect, useSyncExternalStore } from 'react';
import { usePreferences } from '../store/preferences';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(cb: () => void) {
  const q = darkQuery();
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
}

/** The theme actually shown: the user's choice, or the system's on 'auto'. */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = usePreferences((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches, () => false);
  return choice === 'auto' ? (systemDark ? 'dark' : 'light') : choice;
}

export function useApplyTheme(): 'light' | 'dark' {
  const theme = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}
