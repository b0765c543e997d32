// Registers the offline service worker in production builds. Where service workers are not
// allowed (sandboxed iframes, file://, some private modes) the app simply stays online-only.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD) return;
  try {
    if (!('serviceWorker' in navigator) || window.self !== window.top) return;
    window.addEventListener('load', () => {
      navigator.serviceWorker.register('./sw.js').catch(() => {
        /* not allowed here: stay online-only */
      });
    });
  } catch {
    /* navigator.serviceWorker can throw in opaque origins */
  }
}
