import { GeoJSONVT, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';
import type { BBox } from './geo.ts';
import { gzip } from './gzip.ts';
import type { TileFeature } from './layers.ts';
import type { TileInput } from './pmtiles-writer.ts';

export const TILE_EXTENT = 4096;
/** Tile buffer in tile units (64/4096 ≈ 1.6 %): enough for outline strokes to meet across tile edges. */
export const TILE_BUFFER = 64;

export interface PyramidOptions {
  minZoom: number;
  maxZoom: number;
  /** geojson-vt simplification tolerance in tile units (0 at maxZoom). */
  tolerance: number;
}

export interface PyramidLayer {
  /** The source-layer name: must equal the style's `source-layer` and the metadata vector_layers id. */
  name: string;
  features: readonly TileFeature[];
  /** Layers can start at a higher zoom than the archive (e.g. labels); default: the archive's range. */
  minZoom?: number;
}

function toCollection(features: readonly TileFeature[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({
      type: 'Feature',
      id: f.id,
      properties: { ...f.properties },
      geometry: f.geometry,
    })),
  };
}

function lonToX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

function latToY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}

/** Tile columns/rows touching the bbox, with one tile of margin for the buffer. */
export function tileRange(bounds: BBox, z: number): { x0: number; x1: number; y0: number; y1: number } {
  const max = 2 ** z - 1;
  const clamp = (v: number) => Math.min(max, Math.max(0, v));
  return {
    x0: clamp(Math.floor(lonToX(bounds[0], z)) - 1),
    x1: clamp(Math.floor(lonToX(bounds[2], z)) + 1),
    y0: clamp(Math.floor(latToY(bounds[3], z)) - 1),
    y1: clamp(Math.floor(latToY(bounds[1], z)) + 1),
  };
}

/**
 * Cut the layers into Mapbox Vector Tiles (geojson-vt → vt-pbf), gzip each, skip empty tiles.
 * Layers appear in each tile in the order given; ids are the features' integer ids.
 */
export function buildPyramid(layers: readonly PyramidLayer[], bounds: BBox, o: PyramidOptions): TileInput[] {
  const indexes = layers.map((l) => ({
    name: l.name,
    minZoom: l.minZoom ?? o.minZoom,
    index: new GeoJSONVT(toCollection(l.features), {
      maxZoom: o.maxZoom,
      indexMaxZoom: 0,
      tolerance: o.tolerance,
      extent: TILE_EXTENT,
      buffer: TILE_BUFFER,
    }),
  }));
  const tiles: TileInput[] = [];
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const r = tileRange(bounds, z);
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) {
        const parts: Record<string, GeoJSONVTTile> = {};
        for (const l of indexes) {
          if (z < l.minZoom) continue;
          const t = l.index.getTile(z, x, y);
          if (t && t.features.length > 0) parts[l.name] = t;
        }
        if (Object.keys(parts).length === 0) continue;
        tiles.push({ z, x, y, data: gzip(fromGeojsonVt(parts, { version: 2, extent: TILE_EXTENT })) });
      }
    }
  }
  return tiles;
}
