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
  /**
   * Features that must be in every tile they touch at every zoom of the archive, from the archive's
   * minzoom even when the layer starts later: they are cut without simplification, so geojson-vt's drop
   * of polygons smaller than its tolerance cannot remove them (Hoàng Sa and Trường Sa are tiny islands).
   * A kept feature may share its id with a feature of `features` (e.g. a province's islands and its
   * mainland): the tile then holds one feature with both geometries.
   */
  keep?: readonly TileFeature[];
}

/** Called for each tile and layer with the feature ids it holds (the build's presence checks). */
export type TileIdsListener = (
  z: number,
  x: number,
  y: number,
  layer: string,
  ids: readonly number[],
) => void;

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

type TileFeatureVT = GeoJSONVTTile['features'][number];

/**
 * The features of a tile and of its kept counterpart, one per id: a kept feature whose id is already there
 * adds its rings (or points) to that feature, so ids stay unique within a layer.
 */
function mergeById(a: GeoJSONVTTile | null, b: GeoJSONVTTile | null): GeoJSONVTTile | null {
  if (!b || b.features.length === 0) return a;
  if (!a || a.features.length === 0) return b;
  const byId = new Map<unknown, TileFeatureVT>();
  const features: TileFeatureVT[] = [];
  for (const f of [...a.features, ...b.features]) {
    const prev = byId.get(f.id);
    if (prev && prev.type === f.type) {
      const merged = { ...prev, geometry: [...prev.geometry, ...f.geometry] } as TileFeatureVT;
      features[features.indexOf(prev)] = merged;
      byId.set(f.id, merged);
    } else {
      byId.set(f.id, f);
      features.push(f);
    }
  }
  return { ...a, features };
}

function vtIndex(features: readonly TileFeature[], o: PyramidOptions, tolerance: number): GeoJSONVT {
  return new GeoJSONVT(toCollection(features), {
    maxZoom: o.maxZoom,
    indexMaxZoom: 0,
    tolerance,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
  });
}

/**
 * Cut the layers into Mapbox Vector Tiles (geojson-vt → vt-pbf), gzip each, skip empty tiles.
 * Layers appear in each tile in the order given; ids are the features' integer ids.
 */
export function buildPyramid(
  layers: readonly PyramidLayer[],
  bounds: BBox,
  o: PyramidOptions,
  onTileIds?: TileIdsListener,
): TileInput[] {
  const indexes = layers.map((l) => ({
    name: l.name,
    minZoom: l.minZoom ?? o.minZoom,
    index: l.features.length > 0 ? vtIndex(l.features, o, o.tolerance) : null,
    keep: l.keep && l.keep.length > 0 ? vtIndex(l.keep, o, 0) : null,
  }));
  const tiles: TileInput[] = [];
  for (let z = o.minZoom; z <= o.maxZoom; z++) {
    const r = tileRange(bounds, z);
    for (let x = r.x0; x <= r.x1; x++) {
      for (let y = r.y0; y <= r.y1; y++) {
        const parts: Record<string, GeoJSONVTTile> = {};
        for (const l of indexes) {
          const t = mergeById(
            z < l.minZoom ? null : (l.index?.getTile(z, x, y) ?? null),
            l.keep?.getTile(z, x, y) ?? null,
          );
          if (t && t.features.length > 0) {
            parts[l.name] = t;
            onTileIds?.(
              z,
              x,
              y,
              l.name,
              t.features.map((f) => Number(f.id)),
            );
          }
        }
        if (Object.keys(parts).length === 0) continue;
        tiles.push({ z, x, y, data: gzip(fromGeojsonVt(parts, { version: 2, extent: TILE_EXTENT })) });
      }
    }
  }
  return tiles;
}
