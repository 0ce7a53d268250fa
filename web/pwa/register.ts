/**
 * Registers the service worker of the built app (web/pwa/service-worker.js), so the app and the
 * patrol queue open without signal after one visit online. Not in `vite` dev: there the files
 * change on every save. Browsers allow service workers only on HTTPS or localhost.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

/** Sign-out: drop the API reads the worker cached for the session that ends. */
export function forgetCachedReads(): void {
  navigator.serviceWorker?.controller?.postMessage('gh:signed-out');
}
