/**
 * Side effect: the service worker that keeps certbench usable offline. Registered only in the
 * production build (dev mode's HMR must reach the server) and only where the browser allows it.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.PROD) {
    // The web app manifest (install as an app); linked here because index.html is shared.
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = './manifest.webmanifest';
    document.head.append(link);
  }
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return;
  // A relative URL, so certbench works from any sub-path; failures only cost offline use.
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}
