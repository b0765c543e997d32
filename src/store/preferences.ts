// Preferences access for components that only care about theme, colour map and motion.
// The state lives in the combined store (atlas.ts); this keeps `usePreferences(selector)` working.
import { useAtlas, type AtlasState } from './atlas';
import type { PreferencesSlice } from './slices/preferencesSlice';

export type { ThemeChoice, ColorMap, MotionChoice } from './types';
export type PreferencesState = PreferencesSlice;

/** Selects from the preferences slice; re-renders only when the selected value changes. */
export function usePreferences<T>(selector: (s: PreferencesState) => T): T {
  return useAtlas((s: AtlasState) => selector(s));
}
