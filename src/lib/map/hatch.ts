// A diagonal hatch for the map's fill patterns: the below-threshold marker must not rely on colour alone.
//
// WHY NO CANVAS: the pixels are computed here, in plain JavaScript. Drawing 12 px on a 2D canvas and reading
// it back (getImageData) made the browser set up its canvas renderer and wait for a read-back: about half a
// second of a throttled phone's main thread, between the tap and the first frame of the map.
export const HATCH_IMAGE = 'below-hatch';
/** Lighter hatch for "no data": not assessed must never read as a low value. */
export const NODATA_IMAGE = 'nodata-hatch';

/** What MapLibre's addImage takes: straight (not premultiplied) RGBA rows, top to bottom. */
export interface HatchImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export type Rgba = readonly [r: number, g: number, b: number, a: number];

/**
 * A `size`×`size` tile crossed by lines running from bottom left to top right (x + y = k·size), `lineWidth`
 * pixels wide and anti-aliased, in `colour` (alpha 0–1). It tiles seamlessly: a line leaving one edge
 * enters the next tile where it left.
 */
export function makeHatchImage(size = 12, colour: Rgba = [20, 20, 20, 0.85], lineWidth = 2): HatchImage {
  const data = new Uint8Array(size * size * 4);
  const [r, g, b, a] = colour;
  const half = lineWidth / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance from the pixel's centre to the nearest line, measured across the lines.
      const along = (x + 0.5 + (y + 0.5)) % size;
      const distance = Math.min(along, size - along) / Math.SQRT2;
      // Full inside the line, fading over the pixel at its edge.
      const coverage = Math.min(1, Math.max(0, half + 0.5 - distance));
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = Math.round(255 * a * coverage);
    }
  }
  return { width: size, height: size, data };
}
