// One widget with no app chrome, configured from embed.html's query string: notices for whatever was
// ignored, the widget (lazy), and a link to the full app. Starts the model runtime without URL writes.
import { Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useAtlas } from '../store/atlas';
import { startAtlasRuntime } from '../store/runtime';
import { encodeView } from '../store/urlCodec';
import { viewOfConfig } from './authorState';
import { viewOf } from '../store/urlSync';
import { FitFigure } from '../components/present/FitFigure';
import { isOpaqueOrigin } from './scriptTransport';
import { acceptMessage, parentOriginOf, startAutoHeight } from './messages';
import type { EmbedConfig, ParsedEmbed } from './params';
import { WIDGET_COMPONENTS, WIDGET_TITLES } from './widgets';
import { appUrl } from './snippet';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { formatHeadRef } from '../model/interventions';
import { InterventionBanner } from '../visualizations/interventions/InterventionBanner';
import '../visualizations/interventions/interventions.css';

/** An embed that knocks heads out says so, with one click back to the clean model. */
function EmbedInterventionBanner() {
  const ablate = useAtlas((s) => s.ablate);
  return <InterventionBanner heads={ablate.map(formatHeadRef)} onRestore={() => useAtlas.getState().restoreClean()} />;
}


const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const subscribeDark = (cb: () => void) => {
  const q = darkQuery();
  q.addEventListener('change', cb);
  return () => q.removeEventListener('change', cb);
};

/** Sets <html data-theme> from the embed's theme (never the stored preference: nothing is persisted). */
function useEmbedTheme(theme: EmbedConfig['theme']) {
  const systemDark = useSyncExternalStore(subscribeDark, () => darkQuery().matches, () => false);
  const resolved = theme === 'auto' ? (systemDark ? 'dark' : 'light') : theme;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
}

/** window.open without 'noopener' (with it, null would also mean success); null when refused. */
function tryOpen(url: string): Window | null {
  try {
    return window.open(url, '_blank');
  } catch {
    return null;
  }
}

/** Full screen for the widget, or back (a refusal is ignored: the button is a convenience). */
function toggleFullscreen(el: HTMLElement | null) {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  else el?.requestFullscreen?.().catch(() => {});
}

/**
 * Starts the engine bridge, URL writes off, with the config's view applied first (without a model
 * the bridge picks the catalog's first). Call once, before the first render.
 */
export function startEmbedRuntime(config: EmbedConfig): void {
  useAtlas.getState().applyView(viewOfConfig(config));
  startAtlasRuntime({ writeUrl: false, canChooseModel: false });
  // `text` on an encoder-decoder model means its source, unless the author gave `src` too.
  if (config.text !== undefined && config.src === undefined) {
    const stop = useAtlas.subscribe((s) => {
      if (!s.modelInfo) return;
      stop();
      if (s.modelInfo.arch === 'encoder-decoder') s.setSource(config.text ?? '');
    });
  }
}

export function EmbedApp({ parsed }: { parsed: ParsedEmbed }) {
  const { config, notices } = parsed;
  const rootRef = useRef<HTMLDivElement>(null);
  const [theme, setTheme] = useState(config.theme);
  useEmbedTheme(theme);

  // Auto-height and the host's messages.
  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const height = startAutoHeight(el);
    const ctx = { parent: window.parent, self: window, parentOrigin: parentOriginOf(window) };
    const onMessage = (e: MessageEvent) => {
      const msg = acceptMessage(e, ctx);
      if (!msg) return;
      if (msg.type === 'atlas.requestHeight') height.post();
      else setTheme(msg.theme);
    };
    window.addEventListener('message', onMessage);
    return () => {
      height.stop();
      window.removeEventListener('message', onMessage);
    };
  }, []);

  // What the host's sandbox forbids is said in one line, never silently ignored.
  const [said, setSaid] = useState('');
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  /** Opens a link in a new tab; in a frame that forbids pop-ups, says so and shows the link. */
  const openTab = (url: string) => {
    const w = tryOpen(url);
    if (w) w.opener = null;
    else setSaid(`This page’s frame does not allow new tabs (its sandbox lacks allow-popups). Copy the link: ${url}`);
  };

  // Links inside the widget that point into the app (#/glossary/…), and "Open in Attention Atlas",
  // open the full app in a new tab instead of moving this frame's history. Exports say why nothing
  // was saved where the frame may forbid downloads.
  const onClickCapture = (e: React.MouseEvent) => {
    const target = e.target as Element;
    const a = target.closest?.('a[href^="#"], a[data-open-app]');
    if (a) {
      e.preventDefault();
      openTab(a.hasAttribute('data-open-app') ? (a.getAttribute('href') ?? '') : appUrl(a.getAttribute('href') ?? '#/'));
      return;
    }
    if (isOpaqueOrigin() && target.closest?.('.viz-export button'))
      setSaid('If no file was saved, this page’s frame does not allow downloads (its sandbox lacks allow-downloads): open the widget in Attention Atlas to export.');
  };

  // Only where the host allows it (allow="fullscreen" on the iframe).
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled;
  const Widget = WIDGET_COMPONENTS[config.widget];
  const title = WIDGET_TITLES[config.widget];
  // The live view (the reader may have typed): on an encoder-decoder model `text` became its source.
  const view = useAtlas((s) => encodeView(viewOf(s)).toString());
  const fullApp = appUrl(config.widget === 'lesson' ? `#/learn/${config.lesson}/${config.step ?? 1}` : `#/playground${view ? `?${view}` : ''}`);
  return (
    <div ref={rootRef} className="embed" data-controls={config.controls} data-widget={config.widget} data-testid="embed-root" onClickCapture={onClickCapture}>
      <h1 className="visually-hidden">{title} — Attention Atlas</h1>
      {notices.length > 0 && (
        <ul className="embed-notices" data-testid="embed-notices" aria-label="Parameters ignored">
          {notices.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <EmbedInterventionBanner />
      <main className="embed-main">
        <ErrorBoundary what={`The ${title.toLowerCase()} widget`}>
          <Suspense fallback={<p role="status">Loading {title.toLowerCase()}…</p>}>
            {fullscreen ? (
              <FitFigure step="fullscreen">
                <Widget config={config} />
              </FitFigure>
            ) : (
              <Widget config={config} />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      {config.controls !== 'none' && (
        <p className="embed-credit">
          {canFullscreen && (
            <button type="button" className="btn viz-btn" onClick={() => toggleFullscreen(rootRef.current)} data-testid="embed-fullscreen">
              Full screen
            </button>
          )}{' '}
          <a href={fullApp} target="_blank" rel="noopener noreferrer" data-open-app data-testid="embed-open-app">
            Open in Attention Atlas ↗
          </a>
        </p>
      )}
      <p className="embed-said" role="status" data-testid="embed-said">
        {said}
      </p>
    </div>
  );
}
