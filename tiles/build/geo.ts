import { area, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Areal = Polygon | MultiPolygon;
export type BBox = [number, number, number, number];

/** The polygons of a Polygon or MultiPolygon as coordinate arrays. */
export function polygonsOf(geom: Areal): Position[][][] {
  return geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
}

export function bboxOf(geoms: readonly Areal[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const g of geoms) {
    for (const poly of polygonsOf(g)) {
      for (const ring of poly) {
        for (const [x, y] of ring) {
          if (x === undefined || y === undefined) continue;
          if (x < w) w = x;
          if (x > e) e = x;
          if (y < s) s = y;
          if (y > n) n = y;
        }
      }
    }
  }
  if (!Number.isFinite(w)) throw new Error('bbox of an empty geometry');
  return [w, s, e, n];
}

/** Round to `digits` decimals (5 decimals ≈ 1 m at this latitude). */
export function round(x: number, digits = 5): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A bbox rounded outwards so the rounded box still contains the unit. */
export function roundBBoxOutwards([w, s, e, n]: BBox, digits = 5): BBox {
  const f = 10 ** digits;
  return [Math.floor(w * f) / f, Math.floor(s * f) / f, Math.ceil(e * f) / f, Math.ceil(n * f) / f];
}

function ringArea(ring: Position[]): number {
  return area({ type: 'Polygon', coordinates: [ring] });
}

/** The part with the largest area (labels go on the main part of a unit). */
export function largestPolygon(geom: Areal): Position[][] {
  let best: Position[][] | undefined;
  let bestArea = -1;
  for (const poly of polygonsOf(geom)) {
    const outer = poly[0];
    if (!outer) continue;
    const a = ringArea(outer);
    if (a > bestArea) {
      bestArea = a;
      best = poly;
    }
  }
  if (!best) throw new Error('geometry without polygons');
  return best;
}

/**
 * Drop holes and parts below `minAreaM2`. Dissolving GADM communes leaves slivers (gaps up to 0.14 km²
 * between neighbours, see provinces/lai-chau/boundaries/SOURCES.md) as holes in district and province outlines.
 */
export function dropSmallRings(geom: Areal, minAreaM2: number): Areal {
  const polys = polygonsOf(geom)
    .filter((p) => p[0] !== undefined && ringArea(p[0]) >= minAreaM2)
    .map((p) => [p[0] as Position[], ...p.slice(1).filter((hole) => ringArea(hole) >= minAreaM2)]);
  if (polys.length === 0) throw new Error('every part of the geometry is below the minimum area');
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] as Position[][] }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** Union of polygons (turf/polyclip), inputs in the given order so the result is reproducible. */
export function unionAll(geoms: readonly Areal[]): Areal {
  if (geoms.length === 0) throw new Error('union of nothing');
  if (geoms.length === 1) return geoms[0] as Areal;
  const fc = featureCollection(
    geoms.map((g): Feature<Areal> => ({ type: 'Feature', properties: {}, geometry: g })),
  );
  const u = union(fc);
  if (!u) throw new Error('union produced an empty geometry');
  return u.geometry;
}

/** Merge several geometries of one unit (e.g. a code split into two source polygons) into one. */
export function asSingleGeometry(geoms: readonly Areal[]): Areal {
  if (geoms.length === 1) return geoms[0] as Areal;
  return { type: 'MultiPolygon', coordinates: geoms.flatMap(polygonsOf) };
}
