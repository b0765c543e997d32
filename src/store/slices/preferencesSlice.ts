// Preferences slice: theme, colour map and motion — the only state persisted in localStorage.
import type { StateCreator } from 'zustand';
import type { ColorMap, MotionChoice, ThemeChoice } from '../types';
import type { AtlasState } from '../atlas';

export interface PreferencesSlice {
  theme: ThemeChoice;
  colorMap: ColorMap;
  /** 'system' follows prefers-reduced-motion; 'reduce' and 'full' override it. */
  motion: MotionChoice;
  setTheme: (t: ThemeChoice) => void;
  setColorMap: (c: ColorMap) => void;
  setMotion: (m: MotionChoice) => void;
}

export type Preferences = Pick<PreferencesSlice, 'theme' | 'colorMap' | 'motion'>;

export const DEFAULT_PREFERENCES: Preferences = { theme: 'auto', colorMap: 'viridis', motion: 'system' };

export const createPreferencesSlice: StateCreator<AtlasState, [], [], PreferencesSlice> = (set) => ({
  ...DEFAULT_PREFERENCES,
  setTheme: (theme) => set({ theme }),
  setColorMap: (colorMap) => set({ colorMap }),
  setMotion: (motion) => set({ motion }),
});
