/**
 * A PNG of the map for the printed report, read from the MapLibre canvas.
 *
 * WHY INSIDE A RENDER CALLBACK: WebGL clears its drawing buffer after each frame unless the map was made
 * with `preserveDrawingBuffer`, so `canvas.toDataURL()` at an arbitrary moment gives a blank image. Right
 * after a frame is drawn (the map's 'render' event) the buffer still holds the picture: we ask for a repaint
 * and read the canvas in that callback. No flag on the map is needed.
 *
 * Structural types only: this file does not import maplibre-gl (the map is lazy-loaded elsewhere).
 */

export interface CapturableMap {
  once(type: 'render' | 'idle', listener: () => void): unknown;
  triggerRepaint(): void;
  getCanvas(): HTMLCanvasElement;
  loaded(): boolean;
  areTilesLoaded?(): boolean;
}

/** A data: URL shorter than this is no picture (an empty or failed canvas gives ~100 bytes). */
const MIN_PNG_LENGTH = 1000;

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

/**
 * The map as a PNG data: URL, or null when there is no map (no WebGL, not created yet), the canvas is
 * empty or the browser refuses to read it. Waits (up to `timeoutMs`) for the tiles being loaded.
 */
export async function captureMapImage(
  map: CapturableMap | null | undefined,
  timeoutMs = 8000,
): Promise<string | null> {
  if (!map) return null;
  try {
    if (!map.loaded() || map.areTilesLoaded?.() === false) {
      await withTimeout(
        new Promise<void>((resolve) => map.once('idle', () => resolve())),
        timeoutMs,
        undefined,
      );
    }
    const url = await withTimeout(
      new Promise<string | null>((resolve) => {
        map.once('render', () => {
          try {
            resolve(map.getCanvas().toDataURL('image/png'));
          } catch {
            resolve(null); // A tainted canvas (cross-origin basemap without CORS) cannot be read.
          }
        });
        map.triggerRepaint();
      }),
      timeoutMs,
      null,
    );
    return url && url.startsWith('data:image/png') && url.length > MIN_PNG_LENGTH ? url : null;
  } catch {
    return null;
  }
}

/**
 * The static SVG map drawn by StaticMap.svelte (no WebGL, or a tiles error), as a data: URL, or null when
 * none is on the page. Fills are attributes on the paths, so the picture keeps its colours out of the page.
 */
export function staticMapImage(root: ParentNode = document): string | null {
  const svg = root.querySelector<SVGSVGElement>('svg.static-map');
  if (!svg) return null;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const markup = new XMLSerializer().serializeToString(clone);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
}

/**
 * The app's map as a picture: the MapLibre map handed over by the map view (MapHandle), or else the
 * static SVG map when one is shown; null when there is neither.
 */
export async function captureAppMap(
  map: CapturableMap | null | undefined,
  timeoutMs?: number,
): Promise<string | null> {
  const png = await captureMapImage(map, timeoutMs);
  if (png) return png;
  return typeof document === 'undefined' ? null : staticMapImage();
}

/** Where the map view leaves its map for the printed report (passed down as a prop, no global). */
export class MapHandle {
  map: CapturableMap | null = null;
  readonly capture = (): Promise<string | null> => captureAppMap(this.map);
}
