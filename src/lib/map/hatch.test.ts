import { describe, expect, it } from 'vitest';
import { makeHatchImage } from './hatch';

const alphaAt = (img: ReturnType<typeof makeHatchImage>, x: number, y: number) =>
  img.data[(y * img.width + x) * 4 + 3] as number;

describe('makeHatchImage', () => {
  it('is a size×size RGBA tile in the given colour', () => {
    const img = makeHatchImage(10, [20, 30, 40, 0.85]);
    expect(img.width).toBe(10);
    expect(img.height).toBe(10);
    expect(img.data.length).toBe(10 * 10 * 4);
    expect([...img.data.slice(0, 3)]).toEqual([20, 30, 40]);
  });

  it('draws opaque diagonal lines (x + y = size) and leaves the space between them clear', () => {
    const img = makeHatchImage(10, [0, 0, 0, 1]);
    // On the line: the pixel whose centre lies on x + y = 10 ... (4.5 + 4.5 = 9 ≈ one pixel off the line
    // centre; 4,5 and 5,4 straddle it).
    expect(alphaAt(img, 4, 5)).toBe(255);
    expect(alphaAt(img, 5, 4)).toBe(255);
    // Half a tile away from every line: clear.
    expect(alphaAt(img, 2, 2)).toBe(0);
    expect(alphaAt(img, 7, 7)).toBe(0);
  });

  it('tiles seamlessly: the lines run on across the edges', () => {
    const size = 8;
    const img = makeHatchImage(size, [0, 0, 0, 1]);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        // Along a line's direction (x + 1, y − 1) the coverage is the same, wrapping at the edges.
        const nx = (x + 1) % size;
        const ny = (y - 1 + size) % size;
        expect(alphaAt(img, nx, ny), `${x},${y}`).toBe(alphaAt(img, x, y));
      }
  });

  it("scales the alpha by the colour's opacity", () => {
    const img = makeHatchImage(10, [255, 255, 255, 0.5]);
    expect(Math.max(...[...img.data].filter((_, i) => i % 4 === 3))).toBe(128);
  });
});
