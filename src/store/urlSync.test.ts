// URL sync: the URL wins on load; store changes are written with replaceState at most once a second;
// other routes are left alone; navigation re-applies the URL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAtlasStore } from './atlas';
import { startUrlSync } from './urlSync';
import type { SafeStorage } from './safeStorage';

const noStorage: SafeStorage = { getItem: () => null, setItem: () => {}, removeItem: () => {} };

function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const win = {
    location: { hash },
    history: {
      state: null,
      replaceState: vi.fn((_s: unknown, _t: string, url: string) => {
        win.location.hash = url;
      }),
    },
    addEventListener: (_: string, f: () => void) => void listeners.add(f),
    removeEventListener: (_: string, f: () => void) => void listeners.delete(f),
    navigate(h: string) {
      win.location.hash = h;
      listeners.forEach((f) => f());
    },
  };
  return win;
}

describe('url sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies the URL on start, then mirrors changes with throttled replaceState', () => {
    const store = createAtlasStore(noStorage);
    const win = fakeWindow('#/playground?model=dates&layer=2&mask=causal&mode=present');
    const stop = startUrlSync(store, { win: win as never });
    expect(store.getState()).toMatchObject({ modelName: 'dates', layer: 2, mask: 'causal' });

    for (let i = 0; i < 50; i++) store.getState().setHead(i % 4);
    vi.advanceTimersByTime(0);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 50; i++) store.getState().setLayer(i % 3);
    vi.advanceTimersByTime(500);
    expect(win.history.replaceState).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600);
    expect(win.history.replaceState).toHaveBeenCalledTimes(2);
    const hash = win.location.hash;
    expect(hash.startsWith('#/playground?mode=present&')).toBe(true);
    expect(hash).toContain(`layer=${49 % 3}`);
    expect(hash).toContain(`head=${49 % 4}`);
    stop();
  });

  it('re-applies the URL on navigation and leaves other routes alone', () => {
    const store = createAtlasStore(noStorage);
    const win = fakeWindow('#/');
    const stop = startUrlSync(store, { win: win as never });
    store.getState().setLayer(1);
    vi.advanceTimersByTime(2000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    win.navigate('#/learn/masking/2?mask=prefix&prefix=3');
    expect(store.getState()).toMatchObject({ mask: 'prefix', prefix: 3 });
    stop();
  });

  it('never writes history when writing is off (embeds)', () => {
    const store = createAtlasStore(noStorage);
    const win = fakeWindow('#/playground?layer=1');
    const stop = startUrlSync(store, { win: win as never, write: false });
    expect(store.getState().layer).toBe(1);
    store.getState().setHead(1);
    vi.advanceTimersByTime(2000);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    stop();
  });

  it('keeps the texts of a link while its model is still loading', () => {
    const store = createAtlasStore(noStorage);
    const win = fakeWindow('#/playground?model=reverse&src=xyz&tgt=z&head=1');
    const stop = startUrlSync(store, { win: win as never });
    store.getState().setLayer(0);
    store.getState().setHead(1);
    store.getState().setStage('scores');
    vi.advanceTimersByTime(1500);
    expect(win.history.replaceState).toHaveBeenCalled();
    const params = new URLSearchParams(win.location.hash.split('?')[1]);
    expect(params.get('src')).toBe('xyz');
    expect(params.get('tgt')).toBe('z');
    expect(params.get('model')).toBe('reverse');
    stop();
  });
});
