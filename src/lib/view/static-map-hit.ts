/**
 * Tap-through on the static map: its wards are 2–6 px wide on a phone, far below a 44 px finger. A tap
 * therefore also offers the small units whose box lies near it, and the user picks one from a short list.
 * Pure geometry, in the map's own (viewBox) units; the caller converts pixels with the SVG's scale.
 */

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export interface UnitBox {
  code: string;
  box: Box;
}

/**
 * The bounding box of an SVG path written by the tile build (tiles/build/static-map.ts): absolute M/L and
 * relative l/m moves, with H/V/h/v for straight runs. Other commands do not occur there.
 */
export function pathBox(d: string): Box {
  const box: Box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const tokens = d.match(/[MLHVZmlhvz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let command = 'M';
  let i = 0;
  const next = () => Number(tokens[i++]);
  const take = () => {
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (/[A-Za-z]/.test(token)) {
      command = token;
      i++;
      if (command === 'Z' || command === 'z') {
        x = startX;
        y = startY;
      }
      continue;
    }
    switch (command) {
      case 'M':
      case 'L':
        x = next();
        y = next();
        break;
      case 'm':
      case 'l':
        x += next();
        y += next();
        break;
      case 'H':
        x = next();
        break;
      case 'h':
        x += next();
        break;
      case 'V':
        y = next();
        break;
      case 'v':
        y += next();
        break;
      default:
        i++;
        continue;
    }
    if (command === 'M' || command === 'm') {
      startX = x;
      startY = y;
      // Further pairs after a move are lines (SVG's rule).
      command = command === 'M' ? 'L' : 'l';
    }
    take();
  }
  return box;
}

/** Distance from a point to a box (0 inside it). */
export function distanceToBox(point: { x: number; y: number }, box: Box): number {
  const dx = Math.max(box.minX - point.x, 0, point.x - box.maxX);
  const dy = Math.max(box.minY - point.y, 0, point.y - box.maxY);
  return Math.hypot(dx, dy);
}

export interface NearOptions {
  /** How far from the tap a small unit's box may lie, in map units (22 px at the current scale). */
  radius: number;
  /** A unit whose box is narrower and shorter than this (44 px) is "small": hard to hit with a finger. */
  small: number;
  /** The unit under the finger, if any: always first. */
  tapped: string | null;
  /** At most this many units (the list must fit on a phone). */
  limit?: number;
}

/**
 * The units a tap may have meant: the one under the finger, then the small units near it, nearest first.
 * One code (or none) means: select it at once; more means: let the user choose.
 */
export function unitsNearTap(
  units: readonly UnitBox[],
  point: { x: number; y: number },
  o: NearOptions,
): string[] {
  const near = units
    .filter((u) => u.code !== o.tapped)
    .filter((u) => Math.max(u.box.maxX - u.box.minX, u.box.maxY - u.box.minY) < o.small)
    .map((u) => ({ code: u.code, distance: distanceToBox(point, u.box) }))
    .filter((u) => u.distance <= o.radius)
    .sort((a, b) => a.distance - b.distance || a.code.localeCompare(b.code))
    .map((u) => u.code);
  const all = o.tapped ? [o.tapped, ...near] : near;
  return all.slice(0, o.limit ?? 8);
}
