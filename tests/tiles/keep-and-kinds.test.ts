// The pieces the national archive added to the shared tile build: features kept at every zoom (tiny islands
// that geojson-vt would otherwise drop), the unit kind "đặc khu", and gzip-compressed boundary sources.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, describe, expect, it } from 'vitest';
import { readFeatures } from '../../tiles/build/features.ts';
import { gzip } from '../../tiles/build/gzip.ts';
import { readNationalUnits } from '../../tiles/build/national-layers.ts';
import { readReferenceUnits } from '../../tiles/build/reference-units.ts';
import { nationalUnitProps } from '../../tiles/build/schema.ts';
import { buildPyramid } from '../../tiles/build/tile-pyramid.ts';
import { decodeTile } from './archive-reader.ts';
import { gunzipSync } from 'node:zlib';

const tmp = mkdtempSync(path.join(tmpdir(), 'keep-kinds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A square of `d` degrees at (lon, lat). */
function square(lon: number, lat: number, d: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  };
}

const props = { code: '20333', name: 'Hoàng Sa', full_name: 'Đặc khu Hoàng Sa', kind: 'dac_khu' };
// ≈ 0.1 km², like an island of Hoàng Sa: far below geojson-vt's drop threshold at zoom 5 (≈ 0.8 km²).
const islet = square(112.3, 16.5, 0.003);
const mainland = square(108.0, 16.0, 0.5);
const bounds: [number, number, number, number] = [107.9, 15.9, 112.4, 16.6];

function idsAtZoom5(tiles: ReturnType<typeof buildPyramid>): number[][] {
  return tiles
    .filter((t) => t.z === 5)
    .map((t) => {
      const l = decodeTile(gunzipSync(t.data)).layers.provinces;
      return l ? Array.from({ length: l.length }, (_, i) => l.feature(i).id ?? -1) : [];
    });
}

describe('kept features', () => {
  const o = { minZoom: 5, maxZoom: 6, tolerance: 3 };

  it('geojson-vt drops an islet at zoom 5 when it is not kept', () => {
    const tiles = buildPyramid(
      [{ name: 'provinces', features: [{ id: 48, properties: props, geometry: islet }] }],
      bounds,
      o,
    );
    expect(idsAtZoom5(tiles).flat()).toEqual([]);
  });

  it('keeps it at every zoom, as one feature with the mainland of the same id', () => {
    const tiles = buildPyramid(
      [
        {
          name: 'provinces',
          features: [{ id: 48, properties: props, geometry: mainland }],
          keep: [{ id: 48, properties: props, geometry: islet }],
          minZoom: 6,
        },
      ],
      bounds,
      o,
    );
    // zoom 5 is below the layer's minzoom: only the kept islet is there, in its own tile.
    expect(idsAtZoom5(tiles).flat()).toEqual([48]);
    const z5 = tiles.filter((t) => t.z === 5);
    expect(z5).toHaveLength(1);
    // where the islet and the mainland meet in one tile, id 48 is listed once.
    for (const t of tiles.filter((x) => x.z === 6)) {
      const l = decodeTile(gunzipSync(t.data)).layers.provinces;
      const ids = l ? Array.from({ length: l.length }, (_, i) => l.feature(i).id) : [];
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('đặc khu', () => {
  it('is a unit kind of the unit lists and of the tile properties', () => {
    const csv = path.join(tmp, 'units.csv');
    writeFileSync(csv, 'code,name,kind\n20333,Đặc khu Hoàng Sa,dac_khu\n00004,Phường Ba Đình,phuong\n');
    expect(readReferenceUnits(csv).map((u) => [u.code, u.name, u.kind])).toEqual([
      ['00004', 'Ba Đình', 'phuong'],
      ['20333', 'Hoàng Sa', 'dac_khu'],
    ]);
    expect(nationalUnitProps.safeParse({ ...props, province_code: '48' }).success).toBe(true);
    expect(
      nationalUnitProps.safeParse({ ...props, full_name: 'Xã Hoàng Sa', province_code: '48' }).success,
    ).toBe(false);
  });

  it('is read from the national list: 13 special zones, Hoàng Sa in Đà Nẵng, Trường Sa in Khánh Hoà', () => {
    const { units, provinces } = readNationalUnits('tiles/national-2025/units-2025.csv');
    expect(units.filter((u) => u.kind === 'dac_khu')).toHaveLength(13);
    expect(units.find((u) => u.code === '20333')).toMatchObject({ name: 'Hoàng Sa', province_code: '48' });
    expect(units.find((u) => u.code === '22736')).toMatchObject({ name: 'Trường Sa', province_code: '56' });
    expect(provinces.find((p) => p.code === '48')?.name).toBe('Đà Nẵng');
  });

  it('refuses an unknown kind, naming the known ones', () => {
    const csv = path.join(tmp, 'bad.csv');
    writeFileSync(csv, 'code,name,kind\n20333,Huyện Hoàng Sa,huyen\n');
    expect(() => readReferenceUnits(csv)).toThrow(/unknown kind "huyen" \(xa, phuong, thi_tran, dac_khu\)/);
  });
});

describe('boundary sources', () => {
  it('reads a gzip-compressed GeoJSON file as the plain one', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code: '1' }, geometry: islet }],
    };
    const plain = path.join(tmp, 'a.geojson');
    writeFileSync(plain, JSON.stringify(fc));
    writeFileSync(`${plain}.gz`, gzip(Buffer.from(JSON.stringify(fc))));
    expect(readFeatures(`${plain}.gz`)).toEqual(readFeatures(plain));
  });
});
