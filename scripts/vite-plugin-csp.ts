// Adds the Content-Security-Policy to every built HTML page as a <meta> tag. Build only: Vite's
// dev server injects inline scripts for hot reload. `frame-ancestors` cannot be set from a meta
// tag — hosts set it as a header (see docs/quality.md).
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets the model compile its WebAssembly SIMD kernel (src/model/kernels) and
  // nothing else: no eval, no inline scripts.
  "script-src 'self' 'wasm-unsafe-eval'",
  // The model worker is a module file of ours; blob: covers browsers that wrap workers.
  "worker-src 'self' blob:",
  // KaTeX writes style attributes into its markup; no scripts can ride on styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function cspPlugin(): Plugin {
  return {
    name: 'attention-atlas-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
