// "Embed" and "Copy link": a small dialog with the ready-to-paste <iframe> for exactly the current
// view and the full app's link, each with a copy button. Shown as text in a read-only textarea.
import { useEffect, useId, useRef, useState } from 'react';
import { useAtlas } from '../store/atlas';
import { viewOf } from '../store/urlSync';
import { encodeView } from '../store/urlCodec';
import { hashOf, parseHash } from '../components/router';
import type { EmbedConfig, WidgetName } from './params';
import { embedUrl, hostScriptUrl, iframeSnippet } from './snippet';
import { WIDGET_TITLES } from './widgetTitles';
import './dialog.css';

/** The embed config for the store's current view (model, text or src/tgt, layer, head, mask, prefix). */
export function currentEmbedConfig(widget: WidgetName, extra: Partial<EmbedConfig> = {}): Partial<EmbedConfig> & { widget: WidgetName } {
  const v = viewOf(useAtlas.getState());
  return { widget, model: v.model, text: v.text, src: v.src, tgt: v.tgt, stack: v.stack, attn: v.attention, layer: v.layer, head: v.head, mask: v.mask, prefix: v.prefix, ablate: v.ablate, ...extra };
}

/** The app's URL for the current view, now (the address bar may lag up to a second behind). */
export function currentAppLink(): string {
  const { route, params } = parseHash(window.location.hash);
  const hash = route.name === 'lesson' || route.name === 'playground' ? hashOf(route, encodeView(viewOf(useAtlas.getState()), params)) : window.location.hash;
  return new URL(hash || '#/', window.location.href).href;
}

/** Copies text to the clipboard; falls back to selecting it for Ctrl+C where the clipboard is closed. */
async function copy(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [said, setSaid] = useState('');
  return (
    <div className="embed-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={ref} readOnly value={value} rows={value.length > 120 ? 4 : 2} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" className="btn" onClick={() => void copy(value, ref.current).then((ok) => setSaid(ok ? 'Copied.' : 'Press Ctrl+C (⌘C) to copy the selected text.'))}>
        Copy
      </button>
      <span role="status" className="embed-said">
        {said}
      </span>
    </div>
  );
}

export interface EmbedButtonProps {
  widget: WidgetName;
  /** Extra embed parameters (e.g. lesson and step for the lesson widget, show=scores). */
  extra?: Partial<EmbedConfig>;
  /** The full app's link for this view (default: the current URL). */
  appLink?: string;
  /** Accessible name suffix, e.g. the panel's title. */
  what?: string;
  /** Visible text (default "Embed"). */
  label?: string;
  /** Button classes (default the panels' small export-button style). */
  className?: string;
}

/** The height a frame starts at: what the reader sees in the app (the panel or step), plus the embed's controls. */
export function startHeight(el: Element | null, widget: WidgetName): number {
  const around = el?.closest('.lesson-panel, .lesson-step, .viz-panel, main');
  const measured = around ? Math.ceil(around.getBoundingClientRect().height) + 140 : 0;
  return Math.min(2400, Math.max(measured, widget === 'lesson' ? 900 : 560));
}

type Theme = EmbedConfig['theme'];
type Controls = EmbedConfig['controls'];

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void }) {
  const id = useId();
  return (
    <span className="embed-choice">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </span>
  );
}

/** A button that opens the embed dialog for the current view. */
export function EmbedButton({ widget, extra, appLink, what, label = 'Embed', className = 'btn viz-btn' }: EmbedButtonProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [snap, setSnap] = useState<{ config: Partial<EmbedConfig> & { widget: WidgetName }; link: string; height: number } | null>(null);
  const [theme, setTheme] = useState<Theme>('auto');
  const [controls, setControls] = useState<Controls>('full');
  const [hostScript, setHostScript] = useState(true);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  const title = `${WIDGET_TITLES[widget]}${what ? `: ${what}` : ''} — Attention Atlas`;
  const show = () => {
    setSnap({ config: currentEmbedConfig(widget, extra), link: appLink ?? currentAppLink(), height: startHeight(button.current, widget) });
    setOpen(true);
  };
  const src = snap ? embedUrl({ ...snap.config, theme, controls }) : '';
  const snippet = snap ? iframeSnippet(src, title, snap.height) + (hostScript ? `\n<script src="${hostScriptUrl()}" defer></script>` : '') : '';
  return (
    <>
      <button ref={button} type="button" className={className} onClick={show} data-testid="embed-button" aria-label={`Embed ${what ?? WIDGET_TITLES[widget]} in another page`}>
        {label}
      </button>
      {open && snap && (
        <dialog ref={dialog} className="embed-dialog" aria-label="Embed this view" data-testid="embed-dialog" onClose={() => setOpen(false)}>
          <h2>Embed this view</h2>
          <p>Paste this into any page: the frame shows exactly this view (model, input, layer, head, mask, stack, attention).</p>
          <div className="embed-options">
            <Choice label="Theme" value={theme} options={['auto', 'light', 'dark'] as const} onChange={setTheme} />
            <Choice label="Controls" value={controls} options={['full', 'min', 'none'] as const} onChange={setControls} />
            <span className="embed-choice">
              <label>
                <input type="checkbox" checked={hostScript} onChange={(e) => setHostScript(e.target.checked)} data-testid="embed-host-script" /> the line that sizes the frame
              </label>
            </span>
          </div>
          <CopyField label="HTML to paste" value={snippet} testId="embed-snippet" />
          <CopyField label="Link to this view in the full app" value={snap.link} testId="embed-link" />
          <details className="embed-requirements">
            <summary>What the host page needs</summary>
            <ul>
              <li>Nothing on the server: the widget is classic scripts and data files, so any static host works (no CORS header needed), sandboxed or not.</li>
              <li>The frame needs <code>allow-scripts</code>. <code>allow-popups allow-popups-to-escape-sandbox</code> lets “Open in Attention Atlas” open the app; <code>allow-downloads</code> lets readers save figures. Without them those buttons say why they cannot work.</li>
              <li>The <code>&lt;script&gt;</code> line sizes the frame to its content (any page that allows external scripts). Where scripts are stripped (some course platforms), the frame keeps its starting height ({snap.height} px here) and scrolls inside; Canvas and other LTI hosts size it by themselves.</li>
              <li>The widget stores nothing and sends nothing anywhere; it runs the model in the reader’s browser.</li>
            </ul>
          </details>
          <p>
            <a href={src} target="_blank" rel="noopener noreferrer">
              Preview the widget ↗
            </a>
          </p>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </dialog>
      )}
    </>
  );
}
