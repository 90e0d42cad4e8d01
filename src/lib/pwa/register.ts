/**
 * Registers the service worker (built apps only) once the page has loaded, so it never competes
 * with the first paint. Then asks it to cache what the page fetched before it took control (the data
 * files, tile archives and lazy chunks of this first visit): after one visit, the same view works offline.
 * Sets <html data-offline-ready="true"> when that is done (the offline test waits for it).
 * Injected into index.html by build/pwa-plugin.ts; nothing else needs to import it.
 */

function fetchedUrls(base: string): string[] {
  const root = new URL(base, location.href).href;
  return performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => ['tiles/', 'data/', 'assets/'].some((dir) => url.startsWith(`${root}${dir}`)));
}

function warm(worker: ServiceWorker, base: string): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    worker.postMessage({ type: 'warm', urls: fetchedUrls(base) }, [channel.port2]);
  });
}

export async function registerServiceWorker(base: string = import.meta.env.BASE_URL): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  if (document.readyState !== 'complete') {
    await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  }
  try {
    await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    if (registration.active) await warm(registration.active, base);
    document.documentElement.dataset.offlineReady = 'true';
  } catch (error) {
    // Without a service worker the app still works online; say why in the console only.
    console.warn('Service worker not registered:', error);
  }
}

// No import.meta.env.PROD guard: the plugin injects this module into builds only (never into `vite` dev),
// and a build made under vitest (NODE_ENV=test, as the e2e setup does) must register the worker too.
void registerServiceWorker();
