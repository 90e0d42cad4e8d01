/**
 * Fetch the interactive map ahead of the tap. On a phone the page shows the static map and a button;
 * the tap then had to download MapLibre (~500 KB gzip with its worker and CSS), the labels' font and the
 * first tiles before anything moved: about 5 s on slow 4G. When the page has loaded and the device is
 * idle, and the connection allows it (no Save-Data, not 2G), this module fetches those files into the HTTP
 * cache, network only: nothing is parsed or run before the tap. The fetching runs in a worker of its own
 * (prefetch.worker.ts), so the page's main thread only starts it: reading the archives' directories and
 * the downloads stay off the thread that answers the reader. (Run on the main thread, the same prefetch
 * right after load cost Lighthouse's blocking time about 1 s, and it had to wait for the reader to engage;
 * from the worker it starts at load and the mobile median stays at 97: scripts/bench/lighthouse.ts.)
 *
 * - the map's code, CSS, worker and font: the files the build lists in index.html
 *   (build/map-files-plugin.ts), fetched at low priority;
 * - the tiles: the archive's header and directories, and the tiles the map will draw first, through the
 *   same pmtiles reader the map uses, so the Range requests match the map's own.
 * It never imports maplibre-gl.
 */
import type { PMTiles } from 'pmtiles';
import { serialSource } from './serial-source';

export interface NetworkInfo {
  saveData?: boolean;
  effectiveType?: string;
}

/** Whether the connection allows fetching what was not asked for: not with Save-Data, not on (slow-)2G. */
export function connectionAllows(info: NetworkInfo | undefined): boolean {
  return !info?.saveData && !/(^|-)2g$/.test(info?.effectiveType ?? '');
}

export function networkInfo(): NetworkInfo | undefined {
  return (navigator as Navigator & { connection?: NetworkInfo }).connection;
}

export interface PrefetchTiming {
  connection: NetworkInfo | undefined;
  /** Resolves once the page has loaded (the load event). */
  loaded(): Promise<void>;
  /** Resolves when the main thread is next idle. */
  idle(): Promise<void>;
}

const browserTiming = (): PrefetchTiming => ({
  connection: networkInfo(),
  loaded: () =>
    document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise((resolve) => addEventListener('load', () => resolve(), { once: true })),
  idle: idleCallback,
});

function idleCallback(): Promise<void> {
  return new Promise((resolve) =>
    'requestIdleCallback' in window
      ? requestIdleCallback(() => resolve(), { timeout: 10_000 })
      : setTimeout(resolve, 200),
  );
}

/**
 * Resolves true once prefetching may start (loaded, then idle), false at once when the connection does
 * not allow it.
 */
export async function prefetchMoment(timing: PrefetchTiming): Promise<boolean> {
  if (!connectionAllows(timing.connection)) return false;
  await timing.loaded();
  await timing.idle();
  return true;
}

export type LonLatBounds = [west: number, south: number, east: number, north: number];

export interface TileRange {
  z: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const mercX = (lon: number) => (lon + 180) / 360;
const mercY = (lat: number) => {
  const r = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
};

/**
 * The tiles (512 px, as the map's vector sources) a map of `width`×`height` CSS pixels draws when it fits
 * `bounds` with `padding`, as MapLibre's fitBounds does, at the zoom it loads (the integer part), kept
 * within `minZoom`…`maxZoom` of the archive.
 */
export function tilesInView(
  bounds: LonLatBounds,
  width: number,
  height: number,
  minZoom: number,
  maxZoom: number,
  padding = 16,
): TileRange {
  const [w, s, e, n] = bounds;
  const spanX = Math.max(mercX(e) - mercX(w), 1e-9);
  const spanY = Math.max(mercY(s) - mercY(n), 1e-9);
  const scale = Math.min((width - 2 * padding) / (spanX * 512), (height - 2 * padding) / (spanY * 512));
  const fit = Math.log2(Math.max(scale, 1e-9));
  const z = Math.min(maxZoom, Math.max(minZoom, Math.floor(fit)));
  // The view, centred on the bounds, in world units at the fitted zoom.
  const cx = (mercX(w) + mercX(e)) / 2;
  const cy = (mercY(n) + mercY(s)) / 2;
  const halfX = width / 2 / (512 * 2 ** fit);
  const halfY = height / 2 / (512 * 2 ** fit);
  const n2 = 2 ** z;
  const tile = (v: number) => Math.min(n2 - 1, Math.max(0, Math.floor(v * n2)));
  return { z, x0: tile(cx - halfX), x1: tile(cx + halfX), y0: tile(cy - halfY), y1: tile(cy + halfY) };
}

/** The built map files named in index.html (empty under `vite` dev, which has no such list). */
export function listedMapFiles(doc: Document = document): string[] {
  try {
    const list = JSON.parse(doc.getElementById('ntm-map-files')?.textContent ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Into the HTTP cache, at low priority. A plain fetch (same origin: the same cache entry the module import,
 * the worker and the font use), not <link rel="prefetch">: when the tap comes while it is still under way,
 * Chromium lets the map's request wait for it instead of downloading the file a second time.
 */
function prefetchFile(href: string): Promise<unknown> {
  return fetch(href, { priority: 'low' } as RequestInit).then((r) => r.arrayBuffer());
}

async function fetchTiles(archive: PMTiles, view: (min: number, max: number) => TileRange): Promise<void> {
  const header = await archive.getHeader();
  const { z, x0, x1, y0, y1 } = view(header.minZoom, header.maxZoom);
  // The map reads each archive's metadata too (pmtiles-protocol.ts asks for it): the same Range request.
  const tiles: Promise<unknown>[] = [archive.getMetadata()];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push(archive.getZxy(z, x, y));
  await Promise.all(tiles);
}

/** What the prefetch worker is asked to fetch: absolute URLs, and the size of the map's box. */
export interface PrefetchJob {
  files: string[];
  unitsUrl: string;
  contextUrl: string;
  width: number;
  height: number;
}

/**
 * The job itself (run in prefetch.worker.ts): the files, then each archive's first tiles for the box. Each
 * archive's ranges are asked one at a time (serial-source.ts), so the browser caches every one of them.
 */
export async function runPrefetch(job: PrefetchJob): Promise<void> {
  const files = Promise.all(job.files.map(prefetchFile));
  const { PMTiles, FetchSource } = await import('pmtiles');
  const archive = (url: string) => new PMTiles(serialSource(new FetchSource(url)));
  const units = archive(job.unitsUrl);
  const header = await units.getHeader();
  const bounds: LonLatBounds = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  const view = (min: number, max: number) => tilesInView(bounds, job.width, job.height, min, max);
  await Promise.all([files, fetchTiles(units, view), fetchTiles(archive(job.contextUrl), view)]);
}

export interface MapPrefetch {
  /** URL of the units archive the map opens with. */
  unitsUrl: string;
  contextUrl: string;
  /** The box the interactive map will fill. */
  box: HTMLElement;
  /** Base URL of the built files (import.meta.env.BASE_URL). */
  base: string;
}

/**
 * Prefetches the interactive map when the moment comes (see prefetchMoment). Returns a function that
 * cancels what has not started yet, e.g. when the map is opened first.
 */
export function prefetchInteractiveMap(what: MapPrefetch, timing = browserTiming()): () => void {
  let cancelled = false;
  void (async () => {
    if (!(await prefetchMoment(timing)) || cancelled || typeof Worker === 'undefined') return;
    const root = new URL(what.base, location.href);
    const { width, height } = what.box.getBoundingClientRect();
    const job: PrefetchJob = {
      files: listedMapFiles().map((file) => new URL(file, root).href),
      unitsUrl: new URL(what.unitsUrl, location.href).href,
      contextUrl: new URL(what.contextUrl, location.href).href,
      width,
      height,
    };
    // This exact form lets Vite bundle the worker (with pmtiles) as its own file.
    const worker = new Worker(new URL('./prefetch.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ntm-prefetch',
    });
    const stop = () => worker.terminate();
    worker.addEventListener('message', stop); // done (or failed: a prefetch that fails costs nothing)
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop();
    });
    worker.postMessage(job);
  })().catch(() => undefined);
  return () => {
    cancelled = true;
  };
}
