// User preferences (theme, reduced motion): the only state kept in localStorage.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { safeStorage } from './safeStorage';

export type ThemeChoice = 'auto' | 'light' | 'dark';

export interface PreferencesState {
  theme: ThemeChoice;
  setTheme: (t: ThemeChoice) => void;
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'auto',
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: 'attention-atlas:preferences',
      version: 1,
      storage: createJSONStorage(() => safeStorage),
      partialize: (s) => ({ theme: s.theme }),
    },
  ),
);
