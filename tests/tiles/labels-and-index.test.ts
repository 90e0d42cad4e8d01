import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { vintageOf } from '../../tiles/build/config.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';
import { decodeTile, openArchiveFile, readAllTiles } from './archive-reader.ts';
import { CONFIG, PUBLIC_TILES, referenceUnits, TILE_VINTAGES, type TileVintage } from './fixtures.ts';

interface IndexUnit {
  code: string;
  name: string;
  full_name: string;
  kind: string;
  district_code: string | null;
  district_name: string | null;
  label: [number, number];
  bbox: [number, number, number, number];
}

interface IndexFile {
  vintage: string;
  bounds: [number, number, number, number];
  center: [number, number];
  minzoom: number;
  maxzoom: number;
  units: IndexUnit[];
  districts: { code: string; bbox: number[] }[];
}

/** The source polygons of a vintage, straight from the configured boundary file. */
function sourcePolygons(vintage: TileVintage): Map<string, Feature<Polygon | MultiPolygon>[]> {
  const spec = vintageOf(CONFIG, vintage).communes;
  const fc = JSON.parse(readFileSync(path.resolve(REPO_ROOT, spec.file), 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const out = new Map<string, Feature<Polygon | MultiPolygon>[]>();
  for (const f of fc.features) {
    const code = String(f.properties?.[spec.code_property]);
    out.set(code, [...(out.get(code) ?? []), f]);
  }
  return out;
}

const hasFiveDecimals = (x: number) => Math.abs(x * 1e5 - Math.round(x * 1e5)) < 1e-6;

describe.each(TILE_VINTAGES)('labels and index of vintage %s', (vintage: TileVintage) => {
  const index = JSON.parse(
    readFileSync(path.join(PUBLIC_TILES, `laichau-${vintage}.index.json`), 'utf8'),
  ) as IndexFile;
  const polygons = sourcePolygons(vintage);

  it('lists exactly the units of data/reference, sorted by code, with their names and districts', () => {
    const ref = referenceUnits(vintage).sort((a, b) => a.code.localeCompare(b.code));
    expect(index.vintage).toBe(vintage);
    expect(index.units.map((u) => u.code)).toEqual(ref.map((u) => u.code));
    index.units.forEach((u, i) => {
      const r = ref[i];
      expect(u.full_name).toBe(r?.full_name);
      expect(u.full_name.endsWith(` ${u.name}`)).toBe(true);
      expect(u.kind).toBe(r?.kind);
      expect(u.district_code).toBe(r?.district_code ?? null);
      expect(u.district_name).toBe(r?.district_name ?? null);
    });
    expect(index.districts.length).toBe(vintage === '2025' ? 0 : 8);
  });

  it('puts every label point inside its unit polygon (turf booleanPointInPolygon on the source)', () => {
    for (const u of index.units) {
      const parts = polygons.get(u.code) ?? [];
      expect(parts.length, u.code).toBeGreaterThan(0);
      const inside = parts.some((p) => booleanPointInPolygon(u.label, p, { ignoreBoundary: true }));
      expect(inside, `label of ${u.code} ${u.full_name} at ${u.label.join(',')}`).toBe(true);
    }
  });

  it('has bboxes that contain the label and lie within the bounds, 5-decimal coordinates', () => {
    const [W, S, E, N] = index.bounds;
    expect(W).toBeLessThan(E);
    expect(S).toBeLessThan(N);
    for (const u of index.units) {
      const [w, s, e, n] = u.bbox;
      expect(w <= u.label[0] && u.label[0] <= e && s <= u.label[1] && u.label[1] <= n, u.code).toBe(true);
      expect(w >= W && e <= E && s >= S && n <= N, u.code).toBe(true);
      for (const x of [...u.bbox, ...u.label]) expect(hasFiveDecimals(x)).toBe(true);
    }
    expect(index.center[0]).toBeGreaterThan(W);
    expect(index.center[1]).toBeLessThan(N);
  });

  describe('the labels layer', () => {
    let labelsAtMaxZoom: Map<number, [number, number]>;
    beforeAll(async () => {
      const archive = openArchiveFile(path.join(PUBLIC_TILES, `laichau-${vintage}.pmtiles`));
      const header = await archive.getHeader();
      labelsAtMaxZoom = new Map();
      for (const t of await readAllTiles(archive, header)) {
        if (t.z !== header.maxZoom) continue;
        const layer = decodeTile(t.bytes).layers.labels;
        for (let i = 0; layer && i < layer.length; i++) {
          const f = layer.feature(i);
          const g = f.toGeoJSON(t.x, t.y, t.z).geometry;
          if (g.type !== 'Point') throw new Error(`label ${f.id} is a ${g.type}`);
          const [lon = NaN, lat = NaN] = g.coordinates;
          // A point near a tile edge is repeated in the neighbour's buffer; keep the copy inside its own tile.
          const n = 2 ** t.z;
          const tx = ((lon + 180) / 360) * n;
          const r = (lat * Math.PI) / 180;
          const ty = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
          if (Math.floor(tx) !== t.x || Math.floor(ty) !== t.y) continue;
          labelsAtMaxZoom.set(f.id as number, [lon, lat]);
        }
      }
    });

    it('has one point per unit, at the index label (within tile precision) and inside the polygon', () => {
      expect(labelsAtMaxZoom.size).toBe(index.units.length);
      for (const u of index.units) {
        const p = labelsAtMaxZoom.get(Number(u.code));
        expect(p, u.code).toBeDefined();
        if (!p) continue;
        // z12 tile unit ≈ 0.000021°: the decoded point is the index point snapped to the tile grid.
        expect(Math.abs(p[0] - u.label[0])).toBeLessThan(5e-5);
        expect(Math.abs(p[1] - u.label[1])).toBeLessThan(5e-5);
        const inside = (polygons.get(u.code) ?? []).some((poly) => booleanPointInPolygon(p, poly));
        expect(inside, u.code).toBe(true);
      }
    });
  });
});
