// Ready-to-paste embed snippets and share links: the iframe for exactly the current view, with every
// attribute value escaped, and the full app's URL.
import { embedQuery, type EmbedConfig, type WidgetName } from './params';

/** Escapes a string for an HTML attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}

/** The app's base URL (the folder holding index.html and embed.html). */
export function appBase(): string {
  return new URL('./', document.baseURI).href;
}

/** The full app at a hash route, e.g. appUrl('#/learn/masking/2'). */
export function appUrl(hash: string, base: string = appBase()): string {
  return new URL(hash.startsWith('#') ? hash : `#${hash}`, base).href;
}

/** embed.html's URL for a configuration. */
export function embedUrl(config: Partial<EmbedConfig> & { widget: WidgetName }, base: string = appBase()): string {
  return new URL(`embed.html?${embedQuery(config)}`, base).href;
}

/** embed-host.js, the few lines that size frames from their posted height. */
export function hostScriptUrl(base: string = appBase()): string {
  return new URL('embed-host.js', base).href;
}

/** The sandbox a snippet asks for: scripts, new tabs that are not sandboxed (the full app), downloads. */
export const SNIPPET_SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';

/** The <iframe> to paste into a page: sandboxed, lazy, full-screen capable, titled, auto-sized by the host script. */
export function iframeSnippet(src: string, title: string, height = 560): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" ` +
    `style="border:0;width:100%;max-width:100%" loading="lazy" allow="fullscreen" sandbox="${SNIPPET_SANDBOX}"></iframe>`
  );
}
