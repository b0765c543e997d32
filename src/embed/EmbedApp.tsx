// One widget with no app chrome, configured from embed.html's query string: notices for whatever was
// ignored, the widget (lazy), and a link to the full app. Starts the model runtime without URL writes.
import { Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useAtlas } from '../store/atlas';
import { startAtlasRuntime } from '../store/runtime';
import { encodeView } from '../store/urlCodec';
import { viewOfConfig } from './authorState';
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

  // Links inside the widget that point into the app (#/glossary/…) open the full app instead of
  // moving this frame's history.
  const onClickCapture = (e: React.MouseEvent) => {
    const a = (e.target as Element).closest?.('a[href^="#"]');
    if (!a) return;
    e.preventDefault();
    try {
      window.open(appUrl(a.getAttribute('href') ?? '#/'), '_blank', 'noopener');
    } catch {
      /* popups not allowed in this frame */
    }
  };

  // Only where the host allows it (allow="fullscreen" on the iframe).
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled;
  const Widget = WIDGET_COMPONENTS[config.widget];
  const title = WIDGET_TITLES[config.widget];
  const view = encodeView(viewOfConfig(config)).toString();
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
            <Widget config={config} />
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
          <a href={fullApp} target="_blank" rel="noopener noreferrer">
            Open in Attention Atlas ↗
          </a>
        </p>
      )}
    </div>
  );
}
