// Everything that needs maplibre-gl lives behind this module, which the UI loads with a dynamic import():
// the first paint of the public page never waits for MapLibre's ~220 KB gzip of JavaScript.
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type StyleSpecification,
} from 'maplibre-gl';
import { ensureWorkerUrl } from './worker';
import { ensurePmtilesProtocol } from './pmtiles-protocol';
import { FeatureStateSync } from './feature-state-sync';
import type { FeatureStates } from './state-diff';
import { HATCH_IMAGE, NODATA_IMAGE, makeHatchImage } from './hatch';
import { buildStyle, LABEL_FONT, LAYER, UNITS_SOURCE } from './style';
import { mapLocale, pageLang } from './locale';
import type { Lang } from '../i18n/messages';
// The labels' face comes with the map, not with the page: the page's text uses the phone's own font.
import '../../styles/fonts.css';

export type Bounds = [number, number, number, number];

export interface MapOptions {
  unitsUrl: string;
  contextUrl: string;
  hasDistricts: boolean;
  palette: Record<string, string>;
  bounds: Bounds;
  attribution: string[];
  basemapUrl?: string | null;
  /** Phones: one finger scrolls the page, two fingers move the map. */
  cooperativeGestures: boolean;
  /** Language of MapLibre's own text; by default the page's (<html lang>), followed when it changes. */
  lang?: Lang;
  onSelect(code: string | null): void;
  onHover(code: string | null): void;
  onTilesError(message: string): void;
}

export interface MapController {
  readonly map: MapLibreMap;
  /** Resolves when the map has first become idle (listened for from the start: it may come before load returns). */
  readonly firstIdle: Promise<void>;
  setUnits(unitsUrl: string, hasDistricts: boolean, bounds: Bounds): Promise<void>;
  applyStates(states: FeatureStates): number;
  setSelected(code: string | null): void;
  /** Drops the hover outline (a phone's tap leaves one: no pointer ever leaves the unit). */
  clearHover(): void;
  /**
   * Moves to a box (a unit, a district): `inset` is the map's lower part a phone's sheet covers (the box
   * fits above it); `context`, the province's box, caps the zoom so the province stays recognisable.
   */
  flyTo(bbox: Bounds, view?: { inset?: number; context?: Bounds }): void;
  /** Pans (no zoom) so the box's middle is in the map's part above `inset`, if it is not there already. */
  reveal(bbox: Bounds, inset: number): void;
  /** Ids of the commune features drawn on screen now. */
  renderedUnitIds(): number[];
  destroy(): void;
}

/**
 * A unit chosen from the list is shown at most this many zoom levels closer than the whole province (4×):
 * a ward of a few hundred metres would otherwise fill the screen and the province be lost.
 */
const CONTEXT_ZOOM = 2;

const moveDuration = () => (matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 800);

const codeOf = (feature: MapGeoJSONFeature | undefined): string | null =>
  feature?.id === undefined ? null : String(feature.id).padStart(5, '0');
const idOf = (code: string): number => Number.parseInt(code, 10);

async function loadBasemap(url: string | null | undefined): Promise<StyleSpecification | null> {
  if (!url) return null;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return null;
    return (await response.json()) as StyleSpecification;
  } catch {
    return null; // The map works without a basemap: it is an optional backdrop.
  }
}

type Controls = [NavigationControl, AttributionControl];

/**
 * Zoom buttons, and the credits folded behind their "i" button: open, they cover the south of the
 * province on a phone or at 200 % zoom. The full credits stay one tap away, and in the page's Credits.
 */
function addControls(map: MapLibreMap, attribution: string[]): Controls {
  const navigation = new NavigationControl({ showCompass: false });
  const credits = new AttributionControl({ compact: true, customAttribution: attribution });
  map.addControl(navigation, 'top-right');
  map.addControl(credits);
  // MapLibre opens a compact attribution until the first drag ("maplibregl-compact-show"); fold it now.
  const box = map.getContainer().querySelector('.maplibregl-ctrl-attrib');
  if (box?.classList.contains('maplibregl-compact-show')) {
    box.classList.remove('maplibregl-compact-show');
    box.setAttribute('open', '');
  }
  return [navigation, credits];
}

/**
 * MapLibre reads its text table when a control is built and has no public way to change it later: set the
 * table (a private field, checked to exist) and rebuild the controls and the two-finger hint.
 */
function relabel(map: MapLibreMap, lang: Lang, controls: Controls, options: MapOptions): Controls {
  const internal = map as unknown as { _locale?: Record<string, string> };
  if (!internal._locale) return controls;
  internal._locale = { ...mapLocale(lang) };
  for (const control of controls) map.removeControl(control);
  if (options.cooperativeGestures) {
    map.cooperativeGestures.disable();
    map.cooperativeGestures.enable();
  }
  map.getCanvas().setAttribute('aria-label', internal._locale['Map.Title'] ?? '');
  return addControls(map, options.attribution);
}

export async function createMap(container: HTMLElement, options: MapOptions): Promise<MapController> {
  ensureWorkerUrl();
  ensurePmtilesProtocol();
  // Labels are drawn locally from the self-hosted web font: load both subsets (Latin and Vietnamese)
  // before the first label is drawn.
  await document.fonts?.load(`14px "${LABEL_FONT}"`, 'Lai Châu Mường Tè').catch(() => undefined);
  const basemap = await loadBasemap(options.basemapUrl);

  let hasDistricts = options.hasDistricts;
  let unitsUrl = options.unitsUrl;
  const styleFor = () =>
    buildStyle({
      unitsUrl,
      contextUrl: options.contextUrl,
      hasDistricts,
      // The 38-unit vintage is the only one after the July 2025 reorganisation (no districts).
      contextPeriod: hasDistricts ? 'pre2025' : 'post2025',
      palette: options.palette,
      basemap,
    });

  const map = new MapLibreMap({
    container,
    style: styleFor(),
    bounds: options.bounds,
    fitBoundsOptions: { padding: 16 },
    attributionControl: false,
    cooperativeGestures: options.cooperativeGestures,
    dragRotate: false,
    pitchWithRotate: false,
    maxZoom: 14,
    minZoom: 5,
    locale: mapLocale(options.lang ?? pageLang()),
  });
  const firstIdle = new Promise<void>((resolve) => map.once('idle', () => resolve()));
  // The controller is handed over once the style is in (its sources exist), not at 'load', when the first
  // tiles have already been drawn: the page's colours and selection (feature states) then reach the tiles
  // as they arrive, instead of repainting them all once more before the map is idle.
  const styled = new Promise<void>((resolve) => map.once('style.load', () => resolve()));
  map.touchZoomRotate.disableRotation();
  let controls = addControls(map, options.attribution);
  // The page switches languages without rebuilding the map: follow <html lang> unless a language was given.
  const langWatch = new MutationObserver(() => {
    if (options.lang) return;
    controls = relabel(map, pageLang(), controls, options);
  });
  langWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  // MapLibre v6 asks this resolver (and waits for it) when a layer needs an image the style lacks:
  // the hatch patterns are made on first use, after every style change too.
  map.setMissingStyleImageResolver((id) => {
    if (map.hasImage(id)) return;
    if (id === HATCH_IMAGE) map.addImage(HATCH_IMAGE, makeHatchImage(10, [20, 20, 20, 0.85]));
    if (id === NODATA_IMAGE) map.addImage(NODATA_IMAGE, makeHatchImage(8, [255, 255, 255, 0.9]));
  });
  map.on('error', (e) => {
    const sourceId = (e as { sourceId?: string }).sourceId;
    if (sourceId) options.onTilesError(e.error?.message ?? String(e.error));
  });

  const sync = new FeatureStateSync(map, UNITS_SOURCE, 'communes');
  let hovered: string | null = null;
  let selected: string | null = null;
  const target = (code: string) => ({ source: UNITS_SOURCE, sourceLayer: 'communes', id: idOf(code) });

  const setHover = (code: string | null) => {
    if (code === hovered) return;
    if (hovered) map.removeFeatureState(target(hovered), 'hover');
    hovered = code;
    if (code) map.setFeatureState(target(code), { hover: true });
    map.getCanvas().style.cursor = code ? 'pointer' : '';
    options.onHover(code);
  };
  map.on('mousemove', LAYER.communeFill, (e) => setHover(codeOf(e.features?.[0])));
  map.on('mouseleave', LAYER.communeFill, () => setHover(null));
  map.on('click', (e) => {
    const [feature] = map.queryRenderedFeatures(e.point, { layers: [LAYER.communeFill] });
    options.onSelect(codeOf(feature));
  });

  await styled;

  const controller: MapController = {
    map,
    firstIdle,
    async setUnits(url, districts, bounds) {
      if (url === unitsUrl && districts === hasDistricts) return;
      unitsUrl = url;
      hasDistricts = districts;
      hovered = null;
      selected = null;
      sync.reset();
      // Listen before setStyle: a diffed style can announce itself before setStyle returns.
      const styled = new Promise<void>((resolve) => map.once('styledata', () => resolve()));
      map.setStyle(styleFor(), { diff: true });
      await styled;
      map.fitBounds(bounds as LngLatBoundsLike, { padding: 16, animate: false });
    },
    applyStates: (states) => sync.apply(states),
    clearHover: () => setHover(null),
    setSelected(code) {
      if (code === selected) return;
      if (selected) map.removeFeatureState(target(selected), 'selected');
      selected = code;
      if (code) map.setFeatureState(target(code), { selected: true });
    },
    flyTo(bbox, view = {}) {
      const inset = view.inset ?? 0;
      const province = view.context
        ? map.cameraForBounds(view.context as LngLatBoundsLike, { padding: 16 })?.zoom
        : undefined;
      map.fitBounds(bbox as LngLatBoundsLike, {
        padding: { top: 48, left: 48, right: 48, bottom: 48 + inset },
        maxZoom: Math.min(11, province === undefined ? 11 : province + CONTEXT_ZOOM),
        duration: moveDuration(),
      });
    },
    reveal(bbox, inset) {
      const [west, south, east, north] = bbox;
      const middle: [number, number] = [(west + east) / 2, (south + north) / 2];
      const at = map.project(middle);
      const { clientWidth: width, clientHeight: height } = map.getContainer();
      const margin = 24;
      const seen = at.x > margin && at.x < width - margin && at.y > margin && at.y < height - inset - margin;
      if (seen) return;
      // The middle of the part still in view: `offset` is from the container's middle.
      map.easeTo({ center: middle, offset: [0, -inset / 2], duration: moveDuration() });
    },
    renderedUnitIds() {
      const ids = new Set<number>();
      for (const f of map.queryRenderedFeatures({ layers: [LAYER.communeFill] })) {
        if (typeof f.id === 'number') ids.add(f.id);
      }
      return [...ids].sort((a, b) => a - b);
    },
    destroy() {
      langWatch.disconnect();
      map.remove();
    },
  };
  return controller;
}
