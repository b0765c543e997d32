// Keeps the shareable view in the URL hash: the URL wins on load and on navigation; store changes are
// written back with history.replaceState at most once per interval (Safari throws beyond 100 calls in
// 30 s). Moving to another lesson or step is a navigation (a link or `navigate`), which pushes history.
import { hashOf, parseHash, type Route } from '../components/router';
import type { AtlasState, AtlasStore } from './atlas';
import { decodeView, encodeView, type ViewState } from './urlCodec';

/** The part of the state that belongs in a shared link. */
export function viewOf(s: AtlasState): ViewState {
  const view: ViewState = {};
  if (s.modelName && s.modelSource === 'shipped') view.model = s.modelName;
  if (s.modelName && s.modelSource === 'hub') view.hf = s.modelName;
  const arch = s.modelInfo?.arch;
  if (arch === 'encoder-decoder') {
    view.src = s.src;
    view.tgt = s.tgt;
  } else if (arch) view.text = s.text;
  else {
    // No model loaded yet: keep every text the link carried (the model decides which it reads).
    if (s.text) view.text = s.text;
    if (s.src) view.src = s.src;
    if (s.tgt) view.tgt = s.tgt;
  }
  view.layer = s.layer;
  view.head = s.head;
  if (s.mask) view.mask = s.mask;
  if (s.mask === 'prefix') view.prefix = s.prefix;
  if (s.positional) view.positional = s.positional;
  if (s.stage !== 'weights') view.stage = s.stage;
  if (s.step > 0) view.step = s.step;
  if (arch === 'encoder-decoder') {
    view.stack = s.stack;
    view.attention = s.attention;
  }
  if (s.ablate.length) view.ablate = s.ablate;
  if (s.corrupt) view.corrupt = s.corrupt;
  return view;
}

/** Routes whose URL carries the view. */
const SYNCED: ReadonlySet<Route['name']> = new Set(['playground', 'lesson']);

export interface UrlSyncOptions {
  /** Write the view back to the URL (false in embeds: history is never written there). */
  write?: boolean;
  minIntervalMs?: number;
  win?: Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;
}

/** Applies the URL to the store now and on every navigation; mirrors the store into the URL. Returns a stop function. */
export function startUrlSync(store: AtlasStore, options: UrlSyncOptions = {}): () => void {
  const win = options.win ?? window;
  const minInterval = options.minIntervalMs ?? 1000;
  const write = options.write ?? true;

  const applyFromUrl = () => {
    const { route, params } = parseHash(win.location.hash);
    if (!SYNCED.has(route.name)) return;
    const view = decodeView(params);
    if (Object.keys(view).length) store.getState().applyView(view);
  };
  applyFromUrl();
  win.addEventListener('hashchange', applyFromUrl);

  let lastWrite = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const writeNow = () => {
    timer = undefined;
    const { route, params } = parseHash(win.location.hash);
    if (!SYNCED.has(route.name)) return;
    const hash = hashOf(route, encodeView(viewOf(store.getState()), params));
    if (hash === win.location.hash) return;
    lastWrite = Date.now();
    try {
      win.history.replaceState(win.history.state, '', hash);
    } catch {
      /* too many history calls or a sandboxed frame: the URL just lags behind */
    }
  };

  const schedule = () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastWrite + minInterval - Date.now());
    timer = setTimeout(writeNow, wait);
  };

  const unsubscribe = write
    ? store.subscribe((s, prev) => {
        const a = viewOf(s);
        const b = viewOf(prev);
        if (JSON.stringify(a) !== JSON.stringify(b)) schedule();
      })
    : () => {};

  return () => {
    unsubscribe();
    clearTimeout(timer);
    win.removeEventListener('hashchange', applyFromUrl);
  };
}

/** Goes to a route with a view (pushes a history entry, as any link does). */
export function navigate(route: Route, view: ViewState = {}): void {
  window.location.hash = hashOf(route, encodeView(view));
}
