// MapLibre v6 loads its worker from a separate file. Under Vite the URL must be resolved at build time,
// or the built app shows a blank map with "Worker failed to load". Do it once, before any new Map().
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let done = false;

export function ensureWorkerUrl(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  done = true;
}
