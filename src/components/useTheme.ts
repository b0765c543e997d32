// Applies the theme choice to <html data-theme>, following prefers-color-scheme on 'auto', and the
// motion preference to <html data-motion>.
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
  const motion = usePreferences((s) => s.motion);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  // An explicit motion preference overrides the system's (styles.css reads data-motion).
  useEffect(() => {
    if (motion === 'system') delete document.documentElement.dataset.motion;
    else document.documentElement.dataset.motion = motion;
  }, [motion]);
  return theme;
}
