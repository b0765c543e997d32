// Loads one of our classic scripts (once) and returns what it left on a global. A classic
// <script src> is not a CORS request, so this works from a sandboxed frame on a host that sends no
// CORS header, where import() and fetch() are refused (scripts/vite-plugin-classic.ts builds them).

const loading = new Map<string, Promise<unknown>>();

/** True when the page was built as classic scripts (embed.html, atlas-widgets.js). */
export const CLASSIC = import.meta.env.MODE === 'classic';

/** The URL of a file next to the page's entry (the site root). */
export function siteUrl(path: string, base: string = document.baseURI): string {
  return new URL(path, base).href;
}

/**
 * Appends `<script src=url>` and resolves with `read()` once it ran; rejects when the script fails
 * to load or `read()` returns undefined. The same URL is loaded once.
 */
export function loadScript<T>(url: string, read: () => T | undefined): Promise<T> {
  let p = loading.get(url) as Promise<T> | undefined;
  if (!p) {
    p = new Promise<T>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = () => {
        s.remove();
        const value = read();
        if (value === undefined) reject(new Error(`${url} did not define what it should`));
        else resolve(value);
      };
      s.onerror = () => {
        s.remove();
        reject(new Error(`${url} could not be loaded`));
      };
      document.head.appendChild(s);
    });
    loading.set(url, p);
    p.catch(() => loading.delete(url));
  }
  return p;
}

/** A global set by one of our classic scripts. */
export function globalOf<T>(name: string): T | undefined {
  return (self as unknown as Record<string, T | undefined>)[name];
}
