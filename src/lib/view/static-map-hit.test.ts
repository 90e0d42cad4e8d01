import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { distanceToBox, pathBox, unitsNearTap, type UnitBox } from './static-map-hit';

describe('pathBox', () => {
  it('follows absolute and relative moves, lines and straight runs', () => {
    expect(pathBox('M529 223l8-1-1-3 2 0-2-4 3-2-1-1-3 3-4-3-1 2-5 2z')).toEqual({
      minX: 525,
      minY: 212,
      maxX: 539,
      maxY: 223,
    });
    expect(pathBox('M10 10H20V30h-5v-25z m100 100l1 1')).toEqual({ minX: 10, minY: 5, maxX: 111, maxY: 111 });
  });

  it('gives every unit of the committed static maps a box inside the viewBox', () => {
    for (const vintage of ['2016', '2020', '2025']) {
      const map = JSON.parse(readFileSync(`public/tiles/laichau-${vintage}.static.json`, 'utf8')) as {
        viewBox: string;
        units: { code: string; d: string }[];
      };
      const [, , w, h] = map.viewBox.split(' ').map(Number);
      for (const unit of map.units) {
        const b = pathBox(unit.d);
        expect(b.minX).toBeGreaterThanOrEqual(-1);
        expect(b.minY).toBeGreaterThanOrEqual(-1);
        expect(b.maxX).toBeLessThanOrEqual(w! + 1);
        expect(b.maxY).toBeLessThanOrEqual(h! + 1);
        expect(b.maxX).toBeGreaterThan(b.minX);
      }
    }
  });
});

describe('unitsNearTap', () => {
  const box = (minX: number, minY: number, maxX: number, maxY: number) => ({ minX, minY, maxX, maxY });
  const units: UnitBox[] = [
    { code: 'big', box: box(0, 0, 100, 100) },
    { code: 'ward1', box: box(50, 50, 53, 53) },
    { code: 'ward2', box: box(58, 50, 61, 54) },
    { code: 'far', box: box(90, 90, 92, 92) },
  ];

  it('offers the tapped unit first, then the small units within the radius, nearest first', () => {
    expect(unitsNearTap(units, { x: 52, y: 52 }, { radius: 10, small: 20, tapped: 'big' })).toEqual([
      'big',
      'ward1',
      'ward2',
    ]);
  });

  it('selects at once where no small unit is near', () => {
    expect(unitsNearTap(units, { x: 10, y: 10 }, { radius: 10, small: 20, tapped: 'big' })).toEqual(['big']);
  });

  it('finds the small units even when the finger landed between them', () => {
    expect(unitsNearTap(units, { x: 56, y: 60 }, { radius: 10, small: 20, tapped: null })).toEqual([
      'ward2',
      'ward1',
    ]);
  });

  it('keeps the list short', () => {
    expect(unitsNearTap(units, { x: 55, y: 55 }, { radius: 80, small: 20, tapped: 'big', limit: 2 })).toEqual(
      ['big', 'ward1'],
    );
  });

  it('measures 0 inside a box and the straight distance outside', () => {
    expect(distanceToBox({ x: 1, y: 1 }, box(0, 0, 2, 2))).toBe(0);
    expect(distanceToBox({ x: 5, y: 6 }, box(0, 0, 2, 2))).toBe(5);
  });
});
