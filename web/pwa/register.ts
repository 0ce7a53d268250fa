/**
 * Registers the service worker of the built app (web/pwa/service-worker.js), so the app and the
 * patrol queue open without signal after one visit online. Called once a grid worker is signed
 * in: the phones that go on patrol get it; office desktops do not download the whole app into a
 * cache they never need. Browsers allow service workers only on HTTPS or localhost; registering
 * again is a no-op. Not gated on import.meta.env.PROD: a build made under a test runner
 * (NODE_ENV=test, the e2e harness) is not "production" yet serves sw.js, while `vite` dev has no
 * sw.js (the plugin runs at build only), so there the registration simply fails.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}

/** Sign-out: drop the API reads the worker cached for the session that ends. */
export function forgetCachedReads(): void {
  navigator.serviceWorker?.controller?.postMessage('gh:signed-out');
}
