// The first-paint SVG map written by `npm run tiles` (tiles/build/static-map.ts): read the committed
// public/tiles/laichau-<vintage>.static.json back, parse its paths and check them against the tile index.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fitProjection, ringToPath, simplifyLine, type StaticMap } from '../../tiles/build/static-map.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';

const VINTAGES = { '2016': 108, '2020': 106, '2025': 38 } as const;
type XY = [number, number];

function read<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(REPO_ROOT, 'public', 'tiles', file), 'utf8')) as T;
}

/** Parses the path grammar the build writes ("M x y l dx dy ... z", integers) into absolute rings. */
function parsePath(d: string): XY[][] {
  const rings: XY[][] = [];
  const re = /M(-?\d+) (-?\d+)l((?:\s?-?\d+\s?-?\d+)*)z/g;
  let consumed = 0;
  for (const m of d.matchAll(re)) {
    expect(m.index, `unparsed text in ${d.slice(consumed, m.index)}`).toBe(consumed);
    consumed = m.index + m[0].length;
    let x = Number(m[1]);
    let y = Number(m[2]);
    const ring: XY[] = [[x, y]];
    const steps = (m[3] ?? '').match(/-?\d+/g)?.map(Number) ?? [];
    expect(steps.length % 2).toBe(0);
    for (let i = 0; i < steps.length; i += 2) {
      x += steps[i] as number;
      y += steps[i + 1] as number;
      ring.push([x, y]);
    }
    rings.push(ring);
  }
  expect(consumed).toBe(d.length);
  return rings;
}

/** Even-odd point-in-polygon over all rings (what fill-rule="evenodd" draws). */
function inside([px, py]: XY, rings: readonly XY[][]): boolean {
  let hit = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as XY;
      const [xj, yj] = ring[j] as XY;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) hit = !hit;
    }
  }
  return hit;
}

describe.each(Object.entries(VINTAGES))('static map of vintage %s', (vintage, count) => {
  const map = read<StaticMap>(`laichau-${vintage}.static.json`);
  const index = read<{ bounds: [number, number, number, number]; units: { code: string; label: XY }[] }>(
    `laichau-${vintage}.index.json`,
  );

  it('has one non-empty path per unit, the same codes as the tile index', () => {
    expect(map.units).toHaveLength(count);
    expect(map.units.map((u) => u.code)).toEqual(index.units.map((u) => u.code));
    for (const u of map.units) expect(u.d.length, u.code).toBeGreaterThan(10);
  });

  it('stays inside its viewBox and uses the index bounds', () => {
    expect(map.viewBox).toBe(`0 0 ${map.width} ${map.height}`);
    expect(map.bounds).toEqual(index.bounds);
    for (const u of map.units) {
      for (const [x, y] of parsePath(u.d).flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.width);
        expect(y).toBeLessThanOrEqual(map.height);
      }
    }
  });

  it('puts each unit where the map puts it: the projected label point falls inside its own path', () => {
    const { project } = fitProjection(map.bounds, map.width);
    const byCode = new Map(map.units.map((u) => [u.code, parsePath(u.d)]));
    const outside = index.units.filter((u) => !inside(project(u.label), byCode.get(u.code) ?? []));
    // Simplification may cut a label out of a very thin unit; none does today, and never many.
    expect(outside.map((u) => u.code)).toEqual([]);
  });

  it('is small: a few KB gzip', () => {
    const bytes = readFileSync(path.join(REPO_ROOT, 'public', 'tiles', `laichau-${vintage}.static.json`));
    expect(gzipSync(bytes).length).toBeLessThan(8 * 1024);
  });
});

describe('simplification and path writing', () => {
  it('keeps both ends and every dropped point within the tolerance', () => {
    const line: XY[] = Array.from({ length: 200 }, (_, i) => [i, Math.sin(i / 7) * 20]);
    const kept = simplifyLine(line, 1);
    expect(kept[0]).toEqual(line[0]);
    expect(kept.at(-1)).toEqual(line.at(-1));
    expect(kept.length).toBeLessThan(line.length / 3);
    for (const [x, y] of line) {
      const segment = kept.findIndex((p, i) => i + 1 < kept.length && p[0] <= x && x <= kept[i + 1]![0]);
      const [ax, ay] = kept[segment]!;
      const [bx, by] = kept[segment + 1]!;
      const yOnSegment = bx === ax ? ay : ay + ((by - ay) * (x - ax)) / (bx - ax);
      expect(Math.abs(y - yOnSegment)).toBeLessThanOrEqual(
        1.0001 * Math.hypot(1, (by - ay) / (bx - ax || 1)),
      );
    }
  });

  it('writes relative integer steps that parse back to the same ring', () => {
    const ring: XY[] = [
      [10, 10],
      [15, 7],
      [12, 20],
      [3, 25],
      [3, 12],
    ];
    const d = ringToPath(ring);
    expect(d).toBe('M10 10l5-3-3 13-9 5 0-13z');
    expect(parsePath(d)).toEqual([ring]);
  });
});
