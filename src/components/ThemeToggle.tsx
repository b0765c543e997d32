import { usePreferences, type ThemeChoice } from '../store/preferences';

const NEXT: Record<ThemeChoice, ThemeChoice> = { auto: 'light', light: 'dark', dark: 'auto' };
const LABEL: Record<ThemeChoice, string> = { auto: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles system → light → dark; the label says the current choice. */
export function ThemeToggle() {
  const theme = usePreferences((s) => s.theme);
  const setTheme = usePreferences((s) => s.setTheme);
  return (
    <button type="button" className="btn" data-testid="theme-toggle" onClick={() => setTheme(NEXT[theme])}>
      {LABEL[theme]}
    </button>
  );
}
