import type { Position } from 'geojson';
import { polygonsOf, type Areal, type BBox } from './geo.ts';

/**
 * The first-paint map: each unit's boundary as compact SVG path data, written at tile-build time next to
 * the archives (`<prefix>-<period>.static.json` in the province's output folder). The page draws it as an <svg> at once,
 * before MapLibre (~445 KB gzip) has loaded, and keeps it on devices without WebGL.
 *
 * Web Mercator (the projection MapLibre draws) into a fixed viewBox, so the static map lines up with the
 * interactive map fitted to the same bounds. Coordinates are simplified (Douglas–Peucker in viewBox
 * units) and rounded to integers; paths use relative moves ("l-3 5") because small deltas are short.
 */

/** Width of the viewBox; the height follows the province's aspect ratio. */
export const STATIC_WIDTH = 800;
/** Douglas–Peucker tolerance in viewBox units (≈ 250 m at this width). */
export const STATIC_TOLERANCE = 1.2;
/** Margin around the province, in viewBox units (MapLibre fits its bounds with a 16 px padding). */
export const STATIC_MARGIN = 8;

export interface StaticUnit {
  code: string;
  /** SVG path data in viewBox units: one closed subpath per kept ring. */
  d: string;
}

export interface StaticMap {
  vintage: string;
  /** "0 0 width height". */
  viewBox: string;
  width: number;
  height: number;
  /** The lon/lat bounds the viewBox maps (before the margin). */
  bounds: BBox;
  units: StaticUnit[];
}

type XY = [number, number];

function mercatorY(lat: number): number {
  const phi = (lat * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/** A projection from lon/lat to viewBox units (y down), fitted to `bounds` with a margin. */
export function fitProjection(bounds: BBox, width = STATIC_WIDTH, margin = STATIC_MARGIN) {
  const [w, s, e, n] = bounds;
  const x0 = (w * Math.PI) / 180;
  const x1 = (e * Math.PI) / 180;
  const yTop = mercatorY(n);
  const yBottom = mercatorY(s);
  const scale = (width - 2 * margin) / (x1 - x0);
  const height = Math.ceil((yTop - yBottom) * scale + 2 * margin);
  const project = ([lon, lat]: Position): XY => [
    margin + (((lon ?? 0) * Math.PI) / 180 - x0) * scale,
    margin + (yTop - mercatorY(lat ?? 0)) * scale,
  ];
  return { project, width, height };
}

function perpendicularDistance([px, py]: XY, [ax, ay]: XY, [bx, by]: XY): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return Math.hypot(px - ax, py - ay);
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open polyline (iterative: rings have thousands of points). */
export function simplifyLine(points: readonly XY[], tolerance: number): XY[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let worst = -1;
    let worstAt = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i] as XY, points[first] as XY, points[last] as XY);
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worst > tolerance && worstAt > 0) {
      keep[worstAt] = 1;
      stack.push([first, worstAt], [worstAt, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Signed area of an integer ring (shoelace), in squared viewBox units. */
function ringArea(ring: readonly XY[]): number {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as XY;
    const [x2, y2] = ring[(i + 1) % ring.length] as XY;
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

/**
 * One ring, projected, simplified and rounded; null when nothing of it is left. A closed ring is split at
 * its point farthest from the start so Douglas–Peucker (which keeps both ends) does not pin one corner.
 */
export function simplifyRing(ring: readonly XY[], tolerance: number): XY[] | null {
  const open = ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1];
  const pts = open ? ring.slice(0, -1) : [...ring];
  if (pts.length < 3) return null;
  const start = pts[0] as XY;
  let far = 0;
  let farD = -1;
  pts.forEach(([x, y], i) => {
    const d = Math.hypot(x - start[0], y - start[1]);
    if (d > farD) {
      farD = d;
      far = i;
    }
  });
  const a = simplifyLine(pts.slice(0, far + 1), tolerance);
  const b = simplifyLine([...pts.slice(far), start], tolerance);
  const rounded: XY[] = [];
  for (const [x, y] of [...a, ...b.slice(1, -1)]) {
    const p: XY = [Math.round(x), Math.round(y)];
    const prev = rounded.at(-1);
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) rounded.push(p);
  }
  while (
    rounded.length > 1 &&
    rounded[0]?.[0] === rounded.at(-1)?.[0] &&
    rounded[0]?.[1] === rounded.at(-1)?.[1]
  )
    rounded.pop();
  if (rounded.length < 3 || Math.abs(ringArea(rounded)) < 1) return null;
  return rounded;
}

/** "M12 34l5-3 2 1z": absolute start, then relative integer steps (a minus sign separates numbers). */
export function ringToPath(ring: readonly XY[]): string {
  const [first, ...rest] = ring;
  if (!first) return '';
  let d = `M${first[0]} ${first[1]}l`;
  let [px, py] = first;
  rest.forEach(([x, y], i) => {
    const dx = x - px;
    const dy = y - py;
    d += `${i > 0 && dx >= 0 ? ' ' : ''}${dx}${dy < 0 ? '' : ' '}${dy}`;
    px = x;
    py = y;
  });
  return `${d}z`;
}

/** Path data of a unit: every ring of every part that survives simplification. */
export function unitPath(geom: Areal, project: (p: Position) => XY, tolerance = STATIC_TOLERANCE): string {
  const parts: string[] = [];
  for (const [outer, ...holes] of polygonsOf(geom)) {
    const shell = outer ? simplifyRing(outer.map(project), tolerance) : null;
    // A part too small to draw takes its holes with it; a hole too small to draw is just skipped.
    if (!shell) continue;
    parts.push(ringToPath(shell));
    for (const hole of holes) {
      const h = simplifyRing(hole.map(project), tolerance);
      if (h) parts.push(ringToPath(h));
    }
  }
  return parts.join('');
}

export function buildStaticMap(
  vintage: string,
  bounds: BBox,
  units: readonly { code: string; geometry: Areal }[],
): StaticMap {
  const { project, width, height } = fitProjection(bounds);
  return {
    vintage,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    bounds,
    units: units.map((u) => ({ code: u.code, d: unitPath(u.geometry, project) })),
  };
}
