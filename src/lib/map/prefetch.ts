/**
 * Fetch the interactive map ahead of the tap. On a phone the page shows the static map and a button;
 * the tap then had to download MapLibre (~500 KB gzip with its worker and CSS), the labels' font and the
 * first tiles before anything moved: about 5 s on slow 4G. When the page has loaded and the device is
 * idle, and the connection allows it (no Save-Data, not 2G), this module fetches those files into the HTTP
 * cache, network only: nothing is parsed or run before the tap, so the page's own start is untouched.
 *
 * - the map's code, CSS, worker and font: the files the build lists in index.html
 *   (build/map-files-plugin.ts), fetched at low priority;
 * - the tiles: the archive's header and directories, and the tiles the map will draw first, through the
 *   same pmtiles reader the map uses, so the Range requests match the map's own.
 * It never imports maplibre-gl.
 */
import type { PMTiles } from 'pmtiles';

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
  idle: () => settled().then(idleCallback),
});

/**
 * How long after load the page must have been left alone before the prefetch starts, unless the reader
 * touches, scrolls or types first. Why wait: the prefetch downloads and unpacks about 600 KB, and right
 * after load that work lands in the page's start-up (Lighthouse's blocking time went from about 0.5 s to
 * 1.7 s, the score from 86 to 70). A reader who engages shows they are about to use the map.
 */
const QUIET_AFTER_LOAD_MS = 6000;
const ENGAGED = ['pointerdown', 'touchstart', 'scroll', 'keydown'] as const;

function settled(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const type of ENGAGED) removeEventListener(type, done, true);
      resolve();
    };
    const timer = setTimeout(done, QUIET_AFTER_LOAD_MS);
    for (const type of ENGAGED) addEventListener(type, done, { capture: true, passive: true });
  });
}

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
  const tiles: Promise<unknown>[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push(archive.getZxy(z, x, y));
  await Promise.all(tiles);
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
    if (!(await prefetchMoment(timing)) || cancelled) return;
    const root = new URL(what.base, location.href);
    const files = Promise.all(listedMapFiles().map((file) => prefetchFile(new URL(file, root).href)));
    const { PMTiles } = await import('pmtiles');
    const units = new PMTiles(new URL(what.unitsUrl, location.href).href);
    const header = await units.getHeader();
    const bounds: LonLatBounds = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    const { width, height } = what.box.getBoundingClientRect();
    const view = (min: number, max: number) => tilesInView(bounds, width, height, min, max);
    const context = new PMTiles(new URL(what.contextUrl, location.href).href);
    await Promise.all([files, fetchTiles(units, view), fetchTiles(context, view)]);
  })().catch(() => undefined); // A prefetch that fails costs nothing: the tap fetches again.
  return () => {
    cancelled = true;
  };
}
