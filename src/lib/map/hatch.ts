// A diagonal hatch drawn on a canvas: the below-threshold marker must not rely on colour alone.
export const HATCH_IMAGE = 'below-hatch';
/** Lighter hatch for "no data": not assessed must never read as a low value. */
export const NODATA_IMAGE = 'nodata-hatch';

export function makeHatchImage(size = 12, colour = 'rgba(20,20,20,0.85)'): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // Two segments so the pattern tiles seamlessly.
  ctx.moveTo(0, size);
  ctx.lineTo(size, 0);
  ctx.moveTo(-size / 2, size / 2);
  ctx.lineTo(size / 2, -size / 2);
  ctx.moveTo(size / 2, size * 1.5);
  ctx.lineTo(size * 1.5, size / 2);
  ctx.stroke();
  return ctx.getImageData(0, 0, size, size);
}
