// Our own model files, read without CORS. A sandboxed frame (origin "null") makes every fetch() a
// CORS request, which a plain static host refuses; a classic <script src> is not one. The build
// writes each file of public/models/ also as `models/<file>.js`, a script that stores the file's
// bytes (base64) in `self.atlasModelData` (scripts/vite-plugin-classic.ts). In such a frame the
// embed routes fetch() of those files through their scripts; every other request is untouched.

import { globalOf, loadScript } from './classic/loadScript';

const GLOBAL = 'atlasModelData';

/** The file name under `<base>models/` a URL points at (e.g. "reverse.safetensors"), or null. */
export function modelFileOf(url: string, base: string): string | null {
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    return null;
  }
  const dir = new URL('models/', base).href;
  if (!u.href.startsWith(dir) || u.search || u.hash) return null;
  const name = u.href.slice(dir.length);
  return /^(?:[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.safetensors|index\.json)$/.test(name) ? decodeURIComponent(name) : null;
}

/** Base64 → bytes (atob gives a binary string; one byte per character). */
export function bytesOfBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Loads `models/<file>.js` once and returns the file's bytes (the global's copy is dropped after). */
function loadByScript(file: string, base: string): Promise<Uint8Array<ArrayBuffer>> {
  const url = new URL(`models/${encodeURIComponent(file)}.js`, base).href;
  return loadScript(url, () => globalOf<Record<string, string | undefined>>(GLOBAL)?.[file]).then((b64) => {
    const store = globalOf<Record<string, string | undefined>>(GLOBAL);
    if (store) delete store[file];
    return bytesOfBase64(b64);
  });
}

/** True in a frame whose origin is opaque (sandboxed without allow-same-origin). */
export function isOpaqueOrigin(win: Window = window): boolean {
  return win.origin === 'null';
}

/**
 * Routes fetch() of our model files through their classic scripts (only in an opaque origin, where
 * fetch would be refused without a CORS header). Responses look like the server's: status 200 with
 * the bytes, or 404 when the script is missing.
 */
export function installScriptTransport(win: Window = window, base: string = document.baseURI): void {
  if (!isOpaqueOrigin(win)) return;
  const nativeFetch = win.fetch.bind(win);
  win.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const file = (init?.method ?? 'GET').toUpperCase() === 'GET' ? modelFileOf(url, base) : null;
    if (!file) return nativeFetch(input, init);
    const type = file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
    return loadByScript(file, base).then(
      (bytes) => new Response(bytes.slice(), { status: 200, headers: { 'content-type': type } }),
      () => new Response(null, { status: 404, statusText: 'Not Found' }),
    );
  };
}
