// "Embed" and "Copy link": a small dialog with the ready-to-paste <iframe> for exactly the current
// view and the full app's link, each with a copy button. Shown as text in a read-only textarea.
import { useEffect, useId, useRef, useState } from 'react';
import { useAtlas } from '../store/atlas';
import { viewOf } from '../store/urlSync';
import { encodeView } from '../store/urlCodec';
import { hashOf, parseHash } from '../components/router';
import type { EmbedConfig, WidgetName } from './params';
import { embedUrl, iframeSnippet } from './snippet';
import { WIDGET_TITLES } from './widgetTitles';
import './dialog.css';

/** The embed config for the store's current view (model, text or src/tgt, layer, head, mask, prefix). */
export function currentEmbedConfig(widget: WidgetName, extra: Partial<EmbedConfig> = {}): Partial<EmbedConfig> & { widget: WidgetName } {
  const v = viewOf(useAtlas.getState());
  return { widget, model: v.model, text: v.text, src: v.src, tgt: v.tgt, layer: v.layer, head: v.head, mask: v.mask, prefix: v.prefix, ablate: v.ablate, ...extra };
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

/** A button that opens the embed dialog for the current view. */
export function EmbedButton({ widget, extra, appLink, what, label = 'Embed', className = 'btn viz-btn' }: EmbedButtonProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const [snap, setSnap] = useState<{ snippet: string; link: string; src: string } | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  const title = `${WIDGET_TITLES[widget]}${what ? `: ${what}` : ''} — Attention Atlas`;
  const show = () => {
    const src = embedUrl(currentEmbedConfig(widget, extra));
    setSnap({ src, snippet: iframeSnippet(src, title, widget === 'lesson' ? 720 : 520), link: appLink ?? currentAppLink() });
    setOpen(true);
  };
  return (
    <>
      <button type="button" className={className} onClick={show} data-testid="embed-button" aria-label={`Embed ${what ?? WIDGET_TITLES[widget]} in another page`}>
        {label}
      </button>
      {open && snap && (
        <dialog ref={dialog} className="embed-dialog" aria-label="Embed this view" data-testid="embed-dialog" onClose={() => setOpen(false)}>
          <h2>Embed this view</h2>
          <p>Paste the frame into any page (it works sandboxed, sizes itself with a host script, and stores nothing).</p>
          <CopyField label="HTML to paste" value={snap.snippet} testId="embed-snippet" />
          <CopyField label="Link to this view in the full app" value={snap.link} testId="embed-link" />
          <p>
            <a href={snap.src} target="_blank" rel="noopener noreferrer">
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
