// Persistence of preferences: zustand's persist over safeStorage, with a version, a migration from
// older shapes, and a merge that keeps only valid values — so missing, corrupted or hostile storage,
// and storage that throws (sandboxed frames), all fall back to defaults without an error.
import type { PersistOptions, PersistStorage, StorageValue } from 'zustand/middleware';
import { safeStorage, type SafeStorage } from './safeStorage';
import { DEFAULT_PREFERENCES, type Preferences } from './slices/preferencesSlice';

export const PREFERENCES_KEY = 'attention-atlas:preferences';
/** v1: { theme } (the first app shell); v2: { theme, colorMap, motion }. */
export const PREFERENCES_VERSION = 2;

const THEMES = new Set(['auto', 'light', 'dark']);
const COLOR_MAPS = new Set(['viridis', 'cividis']);
const MOTIONS = new Set(['system', 'reduce', 'full']);

/** Keeps the valid fields of an untrusted object; anything else falls back to the default. */
export function sanitizePreferences(raw: unknown): Preferences {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pick = <K extends keyof Preferences>(key: K, allowed: Set<string>): Preferences[K] =>
    typeof r[key] === 'string' && allowed.has(r[key] as string) ? (r[key] as Preferences[K]) : DEFAULT_PREFERENCES[key];
  return { theme: pick('theme', THEMES), colorMap: pick('colorMap', COLOR_MAPS), motion: pick('motion', MOTIONS) };
}

/** Upgrades a stored state of an older version (unknown versions keep only what still validates). */
export function migratePreferences(persisted: unknown, version: number): Preferences {
  if (version < 2) {
    // v1 had only the theme.
    const theme = (persisted as { theme?: unknown } | null)?.theme;
    return sanitizePreferences({ theme });
  }
  return sanitizePreferences(persisted);
}

/** A PersistStorage that never throws: unreadable or unparsable values read as "nothing stored". */
export function jsonStorage(storage: SafeStorage = safeStorage): PersistStorage<Preferences> {
  return {
    getItem(name) {
      const raw = storage.getItem(name);
      if (raw === null) return null;
      try {
        const value = JSON.parse(raw) as unknown;
        if (typeof value !== 'object' || value === null) return null;
        const v = value as Partial<StorageValue<unknown>>;
        return { state: v.state as Preferences, version: typeof v.version === 'number' ? v.version : 0 };
      } catch {
        return null; // corrupted JSON: start from the defaults
      }
    },
    setItem(name, value) {
      storage.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      storage.removeItem(name);
    },
  };
}

/** The persist options for the combined store (only preferences are stored). */
export function preferencesPersistOptions<S extends Preferences>(storage?: SafeStorage): PersistOptions<S, Preferences> {
  return {
    name: PREFERENCES_KEY,
    version: PREFERENCES_VERSION,
    storage: jsonStorage(storage),
    partialize: (s) => ({ theme: s.theme, colorMap: s.colorMap, motion: s.motion }),
    migrate: (persisted, version) => migratePreferences(persisted, version),
    merge: (persisted, current) => ({ ...current, ...sanitizePreferences(persisted) }),
  };
}
