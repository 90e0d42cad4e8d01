import polylabel from 'polylabel';
import type { Position } from 'geojson';
import { largestPolygon, round, type Areal } from './geo.ts';

/**
 * Label point of a unit: the pole of inaccessibility (polylabel) of its largest part, i.e. the interior
 * point farthest from any edge, so a label sits well inside even for crescent-shaped communes (a centroid
 * can fall outside). Longitudes are scaled by cos(latitude) first so "farthest" is measured on the ground,
 * not in degrees. Rounded to 5 decimals (≈1 m).
 */
export function labelPoint(geom: Areal): [number, number] {
  const poly = largestPolygon(geom);
  const outer = poly[0];
  if (!outer || outer.length < 4) throw new Error('label for a degenerate polygon');
  const midLat = outer.reduce((acc, p) => acc + (p[1] ?? 0), 0) / outer.length;
  const k = Math.cos((midLat * Math.PI) / 180);
  const scaled: Position[][] = poly.map((ring) => ring.map(([x = 0, y = 0]) => [x * k, y]));
  // 0.0001° ≈ 11 m: finer than the GADM source precision, fast enough for 108 units.
  const [x, y] = polylabel(scaled, 0.0001);
  return [round(x / k), round(y)];
}
