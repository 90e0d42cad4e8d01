// The bench's baseline: what a plain MapLibre page does with the same archive, no static first paint,
// no code splitting — MapLibre, its worker and its CSS load before anything shows.
import 'maplibre-gl/dist/maplibre-gl.css';
import { addProtocol, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';

setWorkerUrl(workerUrl);
addProtocol('pmtiles', new Protocol({ metadata: true }).tile);

const archive = new URL('tiles/laichau-2020.pmtiles', location.href).href;
const map = new MapLibreMap({
  container: 'map',
  bounds: [102.3211, 21.6856, 103.985, 22.8113],
  fitBoundsOptions: { padding: 16 },
  style: {
    version: 8,
    sources: { units: { type: 'vector', url: `pmtiles://${archive}` } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f4' } },
      {
        id: 'communes',
        type: 'fill',
        source: 'units',
        'source-layer': 'communes',
        paint: { 'fill-color': '#4caf50', 'fill-outline-color': '#ffffff' },
      },
    ],
  },
});
map.once('idle', () => document.documentElement.setAttribute('data-map', 'idle'));

/**
 * The plain way to recolour: a new `match` paint expression over the feature ids (what a page without
 * feature-state does). `npm run bench` times it from the call to the map's next idle.
 */
function recolour(colours: Record<number, string>): Promise<{ main: number; toIdle: number }> {
  const t0 = performance.now();
  const pairs = Object.entries(colours).flatMap(([id, colour]) => [Number(id), colour]);
  map.setPaintProperty('communes', 'fill-color', ['match', ['id'], ...pairs, '#bdbdbd'] as unknown as string);
  const main = performance.now() - t0;
  return new Promise((resolve) => {
    map.once('idle', () => resolve({ main, toIdle: performance.now() - t0 }));
    map.triggerRepaint();
  });
}
(window as unknown as { __baseline: unknown }).__baseline = { map, recolour };
