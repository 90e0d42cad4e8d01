import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TileType, Compression, type Header } from 'pmtiles';
import type { VectorTile } from '@mapbox/vector-tile';
import { schemaFor, contextProps, type LayerName } from '../../tiles/build/schema.ts';
import { decodeTile, openArchiveFile, readAllTiles } from './archive-reader.ts';
import {
  EXPECTED_LAYERS,
  EXPECTED_UNIT_COUNT,
  MAX_ARCHIVE_BYTES,
  PUBLIC_TILES,
  referenceUnits,
  TILE_VINTAGES,
  type TileVintage,
} from './fixtures.ts';

interface Decoded {
  z: number;
  x: number;
  y: number;
  tile: VectorTile;
}

interface Opened {
  header: Header;
  metadata: Record<string, unknown>;
  tiles: Decoded[];
}

async function open(file: string): Promise<Opened> {
  const archive = openArchiveFile(path.join(PUBLIC_TILES, file));
  const header = await archive.getHeader();
  const metadata = (await archive.getMetadata()) as Record<string, unknown>;
  const tiles = (await readAllTiles(archive, header)).map((t) => ({ ...t, tile: decodeTile(t.bytes) }));
  return { header, metadata, tiles };
}

/** All features of a layer in the tiles of zoom z. */
function featuresAt(tiles: readonly Decoded[], layer: string, z: number) {
  return tiles
    .filter((t) => t.z === z)
    .flatMap((t) => {
      const l = t.tile.layers[layer];
      return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
    });
}

function checkHeader(h: Header, minZoom: number, maxZoom: number) {
  expect(h.specVersion).toBe(3);
  expect(h.tileType).toBe(TileType.Mvt);
  expect(h.tileCompression).toBe(Compression.Gzip);
  expect(h.internalCompression).toBe(Compression.Gzip);
  expect(h.minZoom).toBe(minZoom);
  expect(h.maxZoom).toBe(maxZoom);
  expect(h.clustered).toBe(true);
  // Zero bounds make MapLibre draw nothing; these must be Lai Châu's (≈102.3–104.0 E, 21.7–22.8 N) or wider.
  expect(h.minLon).toBeLessThan(102.4);
  expect(h.maxLon).toBeGreaterThan(103.9);
  expect(h.minLat).toBeLessThan(21.7);
  expect(h.maxLat).toBeGreaterThan(22.8);
  expect(h.centerLon).toBeGreaterThan(h.minLon);
  expect(h.centerLon).toBeLessThan(h.maxLon);
  expect(h.centerLat).toBeGreaterThan(h.minLat);
  expect(h.centerLat).toBeLessThan(h.maxLat);
}

describe.each(TILE_VINTAGES)('archive laichau-%s.pmtiles', (vintage: TileVintage) => {
  const file = `laichau-${vintage}.pmtiles`;
  const units = referenceUnits(vintage);
  const codes = units.map((u) => Number(u.code)).sort((a, b) => a - b);
  const hasDistricts = vintage !== '2025';
  let a: Opened;

  beforeAll(async () => {
    a = await open(file);
  });

  it(`is at most ${MAX_ARCHIVE_BYTES} bytes`, () => {
    expect(statSync(path.join(PUBLIC_TILES, file)).size).toBeLessThanOrEqual(MAX_ARCHIVE_BYTES);
  });

  it('has a valid header: MVT, gzip, zoom 6–12, real bounds', () => {
    checkHeader(a.header, 6, 12);
  });

  it('lists its source-layers with their fields in the metadata', () => {
    const layers = a.metadata.vector_layers as { id: string; fields: Record<string, string> }[];
    expect(layers.map((l) => l.id)).toEqual(EXPECTED_LAYERS[vintage]);
    const communes = layers.find((l) => l.id === 'communes');
    expect(Object.keys(communes?.fields ?? {}).sort()).toEqual(
      hasDistricts
        ? ['code', 'district_code', 'district_name', 'full_name', 'kind', 'name']
        : ['code', 'full_name', 'kind', 'name'],
    );
    expect(a.metadata.vintage).toBe(vintage);
    expect(String(a.metadata.attribution)).not.toBe('');
  });

  it('was read completely: every addressed tile was found and decodes', () => {
    expect(a.tiles.length).toBe(a.header.numAddressedTiles);
    expect(a.tiles.length).toBeGreaterThan(100);
    for (const t of a.tiles) expect(Object.keys(t.tile.layers).length).toBeGreaterThan(0);
  });

  it('only holds the expected layer names', () => {
    const seen = new Set(a.tiles.flatMap((t) => Object.keys(t.tile.layers)));
    expect([...seen].sort()).toEqual([...EXPECTED_LAYERS[vintage]].sort());
  });

  it(`has exactly the ${EXPECTED_UNIT_COUNT[vintage]} units of data/reference at every zoom, minimum zoom included`, () => {
    expect(codes.length).toBe(EXPECTED_UNIT_COUNT[vintage]);
    for (let z = a.header.minZoom; z <= a.header.maxZoom; z++) {
      for (const layer of ['communes', 'labels']) {
        const ids = [...new Set(featuresAt(a.tiles, layer, z).map((f) => f.id))].sort(
          (x, y) => (x ?? 0) - (y ?? 0),
        );
        expect(ids, `${layer} at z${z}`).toEqual(codes);
      }
    }
  });

  it('carries each unit at most once per tile, with valid NFC properties matching the unit list', () => {
    const byCode = new Map(units.map((u) => [u.code, u]));
    let checked = 0;
    for (const t of a.tiles) {
      for (const [name, layer] of Object.entries(t.tile.layers)) {
        const schema = schemaFor(name as LayerName, hasDistricts);
        const ids = new Set<number>();
        for (let i = 0; i < layer.length; i++) {
          const f = layer.feature(i);
          const where = `${name} ${t.z}/${t.x}/${t.y} #${i}`;
          expect(f.id, where).toBeTypeOf('number');
          expect(ids.has(f.id as number), `${where}: duplicate id`).toBe(false);
          ids.add(f.id as number);
          const props = schema.parse(f.properties);
          expect(f.id, where).toBe(Number(props.code));
          for (const v of Object.values(props)) expect(v).toBe(String(v).normalize('NFC'));
          if (name === 'communes' || name === 'labels') {
            const u = byCode.get(props.code);
            expect(u, where).toBeDefined();
            expect(props.full_name).toBe(u?.full_name.normalize('NFC'));
            expect(f.properties.kind).toBe(u?.kind);
            if (hasDistricts) {
              expect(f.properties.district_code).toBe(u?.district_code);
              expect(f.properties.district_name).toBe(u?.district_name?.normalize('NFC'));
            }
          }
          expect(f.type).toBe(name === 'labels' ? 1 : 3);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(codes.length);
  });

  it('has the province (id 12) and, where the vintage has them, the districts of the unit list', () => {
    const province = featuresAt(a.tiles, 'province', a.header.minZoom);
    expect([...new Set(province.map((f) => f.id))]).toEqual([12]);
    const districts = [
      ...new Set(featuresAt(a.tiles, 'districts', a.header.minZoom).map((f) => f.id)),
    ].sort();
    const expected = hasDistricts ? [...new Set(units.map((u) => Number(u.district_code)))].sort() : [];
    expect(districts).toEqual(expected);
  });
});

describe('archive laichau-context.pmtiles', () => {
  let a: Opened;
  beforeAll(async () => {
    a = await open('laichau-context.pmtiles');
  });

  it('has a valid header (zoom 4–10) and one `context` layer', () => {
    checkHeader(a.header, 4, 10);
    expect((a.metadata.vector_layers as { id: string }[]).map((l) => l.id)).toEqual(['context']);
    expect(a.tiles.length).toBe(a.header.numAddressedTiles);
    const seen = new Set(a.tiles.flatMap((t) => Object.keys(t.tile.layers)));
    expect([...seen]).toEqual(['context']);
    expect(statSync(path.join(PUBLIC_TILES, 'laichau-context.pmtiles')).size).toBeLessThanOrEqual(
      MAX_ARCHIVE_BYTES,
    );
  });

  it('has the neighbours before and after 2025, China and Laos, with stable small ids and periods', () => {
    const features = featuresAt(a.tiles, 'context', a.header.minZoom);
    const byId = new Map(features.map((f) => [f.id, contextProps.parse(f.properties)]));
    expect([...byId.keys()].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([
      1, 2, 110, 111, 112, 114, 115, 211, 214, 215,
    ]);
    expect(byId.get(1)).toMatchObject({ code: 'CHN', kind: 'country', period: 'any' });
    expect(byId.get(111)).toMatchObject({ code: '11', name: 'Điện Biên', period: 'pre2025' });
    expect(byId.get(215)).toMatchObject({ code: '15', name: 'Lào Cai', period: 'post2025' });
  });
});

describe('committed tile outputs', () => {
  it('attribution.json credits GADM with its licence terms for the GADM-derived archives', () => {
    const attr = JSON.parse(readFileSync(path.join(PUBLIC_TILES, 'attribution.json'), 'utf8')) as Record<
      string,
      { file: string; vi: string[]; en: string[]; restricted: boolean; html: string }
    >;
    expect(Object.keys(attr).sort()).toEqual([
      'laichau-2016',
      'laichau-2020',
      'laichau-2025',
      'laichau-context',
    ]);
    for (const key of ['laichau-2016', 'laichau-2020']) {
      const a = attr[key];
      expect(a?.restricted).toBe(true);
      expect(a?.en.join(' ')).toMatch(/GADM version 4\.1/);
      expect(a?.en.join(' ')).toMatch(/non-commercial/);
      expect(a?.en.join(' ')).toMatch(
        /redistribution or commercial use is not allowed without prior permission/,
      );
      expect(a?.vi.join(' ')).toMatch(/phi thương mại/);
    }
    expect(attr['laichau-2025']?.restricted).toBe(false);
    expect(attr['laichau-2025']?.vi.join(' ')).toMatch(/sapnhap\.bando\.com\.vn/);
    expect(attr['laichau-context']?.en.join(' ')).toMatch(/ODbL/);
  });
});
