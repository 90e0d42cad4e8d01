import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { HATCH_IMAGE, NODATA_IMAGE } from './hatch';
import { NO_DATA_COLOR } from '../domain/legend';

/** Source and layer ids shared by the map component, the feature-state sync and the tests. */
export const UNITS_SOURCE = 'units';
export const CONTEXT_SOURCE = 'context';
export const LAYER = {
  contextFill: 'context-fill',
  contextLine: 'context-line',
  communeFill: 'commune-fill',
  communeHatch: 'commune-below-hatch',
  communeNoData: 'commune-nodata-hatch',
  communeLine: 'commune-line',
  communeHighlight: 'commune-highlight',
  districtLine: 'district-line',
  provinceLine: 'province-line',
  labels: 'commune-labels',
} as const;

export const LABEL_FONT = 'Noto Sans';

export interface StyleOptions {
  /** URL of the vintage's archive, e.g. `/tiles/laichau-2020.pmtiles` (absolute or relative to the page). */
  unitsUrl: string;
  contextUrl: string;
  hasDistricts: boolean;
  /** Neighbours as they were in the vintage's years: 'pre2025' (63 provinces) or 'post2025' (34). */
  contextPeriod: 'pre2025' | 'post2025';
  /** Feature-state class id → colour; unknown or missing classes draw as "no data". */
  palette: Record<string, string>;
  /** Optional external basemap style: its sources and layers are drawn under ours. */
  basemap?: StyleSpecification | null;
}

function absolute(url: string): string {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').href;
}

/** The fill colour: a `match` over the feature-state class, so recolouring never touches the style. */
export function fillColourExpression(palette: Record<string, string>): ExpressionSpecification {
  const pairs = Object.entries(palette).flat();
  if (pairs.length === 0) return ['literal', NO_DATA_COLOR] as unknown as ExpressionSpecification;
  return [
    'match',
    ['coalesce', ['feature-state', 'cls'], 'none'],
    ...pairs,
    NO_DATA_COLOR,
  ] as unknown as ExpressionSpecification;
}

/** Neighbours of the right period, and never Lai Châu's own outline (the context layer holds it too). */
function contextFilter(period: StyleOptions['contextPeriod']): ExpressionSpecification {
  return ['all', ['!=', ['get', 'code'], '12'], ['in', ['get', 'period'], ['literal', [period, 'any']]]];
}

/**
 * Every fill here lies under a line layer that draws its edges (context-line, commune-line), so MapLibre's
 * own one-pixel outline of each fill is drawn over and never seen. Without it the first frame compiles
 * three shader programs fewer and each frame makes one draw call fewer per fill and tile: on a phone the
 * programs are compiled on the main thread, between the tap and the first map.
 */
const NO_FILL_OUTLINE = { 'fill-antialias': false } as const;

const flag = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

export function buildStyle(options: StyleOptions): StyleSpecification {
  const base = options.basemap;
  const layers: LayerSpecification[] = [
    ...(base?.layers ?? [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f4' } }]),
    {
      id: LAYER.contextFill,
      type: 'fill',
      source: CONTEXT_SOURCE,
      'source-layer': 'context',
      filter: contextFilter(options.contextPeriod),
      paint: { 'fill-color': '#cfd4d8', 'fill-opacity': base ? 0.35 : 1, ...NO_FILL_OUTLINE },
    },
    {
      id: LAYER.contextLine,
      type: 'line',
      source: CONTEXT_SOURCE,
      'source-layer': 'context',
      filter: contextFilter(options.contextPeriod),
      paint: { 'line-color': '#9aa3aa', 'line-width': 0.8 },
    },
    {
      id: LAYER.communeFill,
      type: 'fill',
      source: UNITS_SOURCE,
      'source-layer': 'communes',
      paint: {
        'fill-color': fillColourExpression(options.palette),
        'fill-opacity': ['case', flag('dim'), 0.25, flag('hover'), 0.75, 0.92],
        ...NO_FILL_OUTLINE,
      },
    },
    {
      id: LAYER.communeNoData,
      type: 'fill',
      source: UNITS_SOURCE,
      'source-layer': 'communes',
      paint: {
        'fill-pattern': NODATA_IMAGE,
        'fill-opacity': ['case', flag('nodata'), 0.6, 0],
        ...NO_FILL_OUTLINE,
      },
    },
    {
      id: LAYER.communeHatch,
      type: 'fill',
      source: UNITS_SOURCE,
      'source-layer': 'communes',
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': ['case', flag('below'), 1, 0],
        ...NO_FILL_OUTLINE,
      },
    },
    {
      id: LAYER.communeLine,
      type: 'line',
      source: UNITS_SOURCE,
      'source-layer': 'communes',
      paint: {
        'line-color': ['case', flag('below'), '#b00020', '#ffffff'],
        'line-width': ['case', flag('below'), 1.6, 0.6],
      },
    },
    ...(options.hasDistricts
      ? [
          {
            id: LAYER.districtLine,
            type: 'line',
            source: UNITS_SOURCE,
            'source-layer': 'districts',
            paint: { 'line-color': '#37474f', 'line-width': 1.4 },
          } satisfies LayerSpecification,
        ]
      : []),
    {
      id: LAYER.provinceLine,
      type: 'line',
      source: UNITS_SOURCE,
      'source-layer': 'province',
      paint: { 'line-color': '#1b262c', 'line-width': 2.2 },
    },
    {
      id: LAYER.communeHighlight,
      type: 'line',
      source: UNITS_SOURCE,
      'source-layer': 'communes',
      paint: {
        'line-color': ['case', flag('selected'), '#000000', '#1f4e79'],
        'line-width': ['case', flag('selected'), 3.5, flag('hover'), 2.5, 0],
      },
    },
    {
      id: LAYER.labels,
      type: 'symbol',
      source: UNITS_SOURCE,
      'source-layer': 'labels',
      minzoom: 8,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10, 11, 13],
        'text-max-width': 7,
        'text-padding': 2,
      },
      paint: { 'text-color': '#1b262c', 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.4 },
    },
  ];
  return {
    version: 8,
    ...(base?.sprite ? { sprite: base.sprite } : {}),
    ...(base?.glyphs ? { glyphs: base.glyphs } : {}),
    sources: {
      ...(base?.sources ?? {}),
      [CONTEXT_SOURCE]: { type: 'vector', url: `pmtiles://${absolute(options.contextUrl)}` },
      [UNITS_SOURCE]: { type: 'vector', url: `pmtiles://${absolute(options.unitsUrl)}` },
    },
    layers,
  };
}
