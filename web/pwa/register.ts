/**
 * Registers the service worker of the built app (web/pwa/service-worker.js), so the app and the
 * patrol queue open without signal after one visit online. Called once a grid worker is signed
 * in: the phones that go on patrol get it; office desktops do not download the whole app into a
 * cache they never need. Not in `vite` dev, where files change on every save. Browsers allow
 * service workers only on HTTPS or localhost. Registering again is a no-op.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

/** Sign-out: drop the API reads the worker cached for the session that ends. */
export function forgetCachedReads(): void {
  navigator.serviceWorker?.controller?.postMessage('gh:signed-out');
}
