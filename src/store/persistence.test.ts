// Persistence: only preferences are stored; missing, corrupted, hostile or throwing storage gives the
// defaults without an error; the v1 shape (theme only) migrates.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAtlasStore } from './atlas';
import { PREFERENCES_KEY, PREFERENCES_VERSION } from './persistence';
import { DEFAULT_PREFERENCES } from './slices/preferencesSlice';
import type { SafeStorage } from './safeStorage';

const memory = (init: Record<string, string> = {}) => {
  const m = new Map(Object.entries(init));
  const storage: SafeStorage = { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
  return { storage, m };
};
const prefsOf = (s: ReturnType<ReturnType<typeof createAtlasStore>['getState']>) => ({ theme: s.theme, colorMap: s.colorMap, motion: s.motion });

describe('persistence', () => {
  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn');
  afterEach(() => {
    expect(errors).not.toHaveBeenCalled();
    expect(warnings).not.toHaveBeenCalled();
  });

  it('stores preferences only, with a version, and reads them back', () => {
    const { storage, m } = memory();
    const a = createAtlasStore(storage);
    a.getState().setTheme('dark');
    a.getState().setColorMap('cividis');
    a.getState().setText('not persisted');
    const stored = JSON.parse(m.get(PREFERENCES_KEY)!);
    expect(stored).toEqual({ state: { theme: 'dark', colorMap: 'cividis', motion: 'system' }, version: PREFERENCES_VERSION });
    const b = createAtlasStore(storage);
    expect(prefsOf(b.getState())).toEqual({ theme: 'dark', colorMap: 'cividis', motion: 'system' });
    expect(b.getState().text).toBe('');
  });

  it.each([
    ['corrupted JSON', '{"state": {"theme": "dark"'],
    ['not an object', '"dark"'],
    ['null state', '{"state": null, "version": 2}'],
    ['hostile values', '{"state": {"theme": "<script>", "colorMap": 5, "motion": {"x": 1}, "text": "injected"}, "version": 2}'],
    ['unknown future version', '{"state": {"theme": 42}, "version": 99}'],
  ])('%s → defaults', (_name, raw) => {
    const { storage } = memory({ [PREFERENCES_KEY]: raw });
    const s = createAtlasStore(storage).getState();
    expect(prefsOf(s)).toEqual(DEFAULT_PREFERENCES);
    expect(s.text).toBe('');
  });

  it('storage that throws on every call (sandboxed frames) → defaults, and writes do not throw', () => {
    const throwing: SafeStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    };
    // safeStorage never throws; this checks the store survives even a storage that does.
    const guarded: SafeStorage = {
      getItem: (k) => {
        try {
          return throwing.getItem(k);
        } catch {
          return null;
        }
      },
      setItem: (k, v) => {
        try {
          throwing.setItem(k, v);
        } catch {
          /* ignored */
        }
      },
      removeItem: () => {},
    };
    const store = createAtlasStore(guarded);
    expect(prefsOf(store.getState())).toEqual(DEFAULT_PREFERENCES);
    expect(() => store.getState().setTheme('light')).not.toThrow();
    expect(store.getState().theme).toBe('light');
  });

  it('the real safeStorage with a localStorage that throws on access → defaults', async () => {
    const desc = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The document is sandboxed', 'SecurityError');
      },
    });
    try {
      const { safeStorage } = await import('./safeStorage');
      const store = createAtlasStore(safeStorage);
      expect(prefsOf(store.getState())).toEqual(DEFAULT_PREFERENCES);
      expect(() => store.getState().setMotion('reduce')).not.toThrow();
    } finally {
      if (desc) Object.defineProperty(globalThis, 'localStorage', desc);
      else delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('migrates the v1 shape (theme only)', () => {
    const { storage, m } = memory({ [PREFERENCES_KEY]: '{"state":{"theme":"dark"},"version":1}' });
    const s = createAtlasStore(storage).getState();
    expect(prefsOf(s)).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark' });
    expect(JSON.parse(m.get(PREFERENCES_KEY)!).version).toBe(PREFERENCES_VERSION);
  });
});
