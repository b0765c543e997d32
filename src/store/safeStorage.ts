// localStorage that never throws: sandboxed iframes (no same-origin) throw on any access,
// private modes may throw on write. Every failure degrades to "nothing persisted".

export interface SafeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

let disabled = false;

/** Turns storage off for this page: reads find nothing, writes are dropped (embeds persist nothing). */
export function disableStorage(): void {
  disabled = true;
}

function resolve(): Storage | null {
  if (disabled) return null;
  try {
    const s = globalThis.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export const safeStorage: SafeStorage = {
  getItem(key) {
    try {
      return resolve()?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  setItem(key, value) {
    try {
      resolve()?.setItem(key, value);
    } catch {
      /* storage full or unavailable: keep going without persistence */
    }
  },
  removeItem(key) {
    try {
      resolve()?.removeItem(key);
    } catch {
      /* unavailable */
    }
  },
};
