// The national archive (tiles/build/build-national.ts) from tiles/national-2025/, built into a temporary
// folder and read back through the official pmtiles reader, every tile decoded. A full z5–12 build takes
// tens of seconds on this machine, so the test builds z5–8 (provinces from 5, communes from 7, so both the
// outline-only zooms and two commune zooms are checked); geojson-vt's tolerance shrinks with the zoom, so a
// unit present at 7 and 8 stays present above, and the full build refuses an archive where it is not
// (build-national.ts checkPresence). The same build is made twice to compare bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VectorTile, VectorTileFeature } from '@mapbox/vector-tile';
import type { Header } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNational, NATIONAL_LAYERS, type NationalResult } from '../../tiles/build/build-national.ts';
import { ALWAYS_SHOWN_UNITS } from '../../tiles/build/national-layers.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';
import { nationalUnitProps, provinceProps } from '../../tiles/build/schema.ts';
import { NATIONAL_COMMUNE_MINZOOM, NATIONAL_ZOOM } from '../../tiles/build/zoom.ts';
import { decodeTile, openArchiveFile, readAllTiles } from './archive-reader.ts';

const TEST_MAX_ZOOM = 8;
const tmp = mkdtempSync(path.join(tmpdir(), 'national-tiles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The unit list, read here independently of the build's reader. */
const UNITS = readFileSync(path.join(REPO_ROOT, 'tiles/national-2025/units-2025.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [code = '', full_name = '', kind = '', province_code = ''] = line.split(',');
    return { code, full_name, kind, province_code };
  });
const PROVINCE_CODES = [...new Set(UNITS.map((u) => u.province_code))].sort();

interface IndexFile {
  archive: string;
  layers: string[];
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
  commune_minzoom: number;
  provinces: { code: string; id: number; label: [number, number]; bbox: number[]; unit_count: number }[];
  units: {
    code: string;
    id: number;
    name: string;
    kind: string;
    province_code: string;
    label: [number, number];
    bbox: [number, number, number, number];
  }[];
  order: string[];
}

let built: NationalResult;
let header: Header;
let metadata: { vector_layers: { id: string; minzoom: number }[]; bounds: number[] };
let tiles: { z: number; x: number; y: number; tile: VectorTile }[];
let index: IndexFile;

beforeAll(async () => {
  built = buildNational({ outDir: path.join(tmp, 'a'), maxZoom: TEST_MAX_ZOOM });
  const archive = openArchiveFile(built.archiveFile);
  header = await archive.getHeader();
  metadata = (await archive.getMetadata()) as typeof metadata;
  tiles = (await readAllTiles(archive, header)).map((t) => ({ ...t, tile: decodeTile(t.bytes) }));
  index = JSON.parse(readFileSync(built.indexFile, 'utf8')) as IndexFile;
}, 300_000);

function features(tile: VectorTile, layer: string): VectorTileFeature[] {
  const l = tile.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

function idsAt(layer: string, z: number): Set<number> {
  return new Set(
    tiles.filter((t) => t.z === z).flatMap((t) => features(t.tile, layer).map((f) => f.id ?? -1)),
  );
}

function tileOf([lon, lat]: [number, number], z: number): { x: number; y: number } {
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lon + 180) / 360) * 2 ** z),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z),
  };
}

describe('national archive', () => {
  it('reads every tile the header addresses, z5 to the built maxzoom', () => {
    expect(tiles.length).toBe(header.numAddressedTiles);
    expect([header.minZoom, header.maxZoom]).toEqual([NATIONAL_ZOOM.minZoom, TEST_MAX_ZOOM]);
  });

  it('has the four layers, by name, in the metadata and in the tiles', () => {
    expect(metadata.vector_layers.map((l) => l.id)).toEqual([...NATIONAL_LAYERS]);
    expect(index.layers).toEqual([...NATIONAL_LAYERS]);
    const seen = new Set(tiles.flatMap((t) => Object.keys(t.tile.layers)));
    expect([...seen].sort()).toEqual([...NATIONAL_LAYERS].sort());
    const communesMin = metadata.vector_layers.find((l) => l.id === 'communes')?.minzoom;
    expect(communesMin).toBe(NATIONAL_COMMUNE_MINZOOM);
  });

  it('has every province at every zoom and every unit from its first zoom on', () => {
    const provinceIds = PROVINCE_CODES.map(Number);
    const unitIds = UNITS.map((u) => Number(u.code));
    const always = ALWAYS_SHOWN_UNITS.map(Number);
    expect(provinceIds).toHaveLength(34);
    expect(unitIds).toHaveLength(3321);
    for (let z = NATIONAL_ZOOM.minZoom; z <= TEST_MAX_ZOOM; z++) {
      expect(
        [...idsAt('provinces', z)].sort((a, b) => a - b),
        `provinces z${z}`,
      ).toEqual(provinceIds);
      expect(
        [...idsAt('province_labels', z)].sort((a, b) => a - b),
        `province labels z${z}`,
      ).toEqual(provinceIds);
      const want = z >= NATIONAL_COMMUNE_MINZOOM ? unitIds : always;
      for (const layer of ['communes', 'labels']) {
        const got = idsAt(layer, z);
        const missing = want.filter((id) => !got.has(id));
        expect(missing, `${layer} missing at z${z}`).toEqual([]);
        expect(got.size, `${layer} at z${z}`).toBe(want.length);
      }
    }
  });

  it('has non-negative integer ids, unique in each tile layer, equal to the index and the properties', () => {
    const byId = new Map(index.units.map((u) => [u.id, u]));
    const provinceById = new Map(index.provinces.map((p) => [p.id, p]));
    let checked = 0;
    for (const t of tiles) {
      for (const layer of NATIONAL_LAYERS) {
        const fs = features(t.tile, layer);
        const ids = fs.map((f) => f.id);
        expect(new Set(ids).size, `${layer} ${t.z}/${t.x}/${t.y}`).toBe(ids.length);
        for (const f of fs) {
          expect(Number.isInteger(f.id) && (f.id ?? -1) >= 0).toBe(true);
          const props = f.properties as Record<string, string>;
          if (layer === 'provinces' || layer === 'province_labels') {
            expect(provinceProps.safeParse(props).success).toBe(true);
            expect(provinceById.get(f.id ?? -1)?.code).toBe(props.code);
          } else {
            expect(nationalUnitProps.safeParse(props).success, JSON.stringify(props)).toBe(true);
            const row = byId.get(f.id ?? -1);
            expect(row?.code).toBe(props.code);
            expect(row?.province_code).toBe(props.province_code);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(3321);
  });

  it('writes an index with one row per unit and province, id = Number(code), unique', () => {
    expect(index.units.map((u) => u.code)).toEqual(UNITS.map((u) => u.code));
    expect(index.units.every((u) => u.id === Number(u.code))).toBe(true);
    expect(new Set(index.units.map((u) => u.id)).size).toBe(3321);
    expect(index.units.filter((u) => u.kind === 'dac_khu')).toHaveLength(13);
    expect(index.provinces.map((p) => p.code)).toEqual(PROVINCE_CODES);
    expect(index.provinces.reduce((n, p) => n + p.unit_count, 0)).toBe(3321);
    expect([...index.order].sort()).toEqual(UNITS.map((u) => u.code).sort());
    expect(index.archive).toBe('national-2025.pmtiles');
  });

  it.each(ALWAYS_SHOWN_UNITS.map((code) => [code]))(
    'shows %s (Hoàng Sa, Trường Sa) at every zoom, with its province, in the tile under its label',
    (code) => {
      const unit = index.units.find((u) => u.code === code);
      expect(unit).toBeDefined();
      if (!unit) return;
      expect(unit.kind).toBe('dac_khu');
      for (let z = NATIONAL_ZOOM.minZoom; z <= TEST_MAX_ZOOM; z++) {
        const { x, y } = tileOf(unit.label, z);
        const t = tiles.find((c) => c.z === z && c.x === x && c.y === y);
        expect(t, `tile ${z}/${x}/${y}`).toBeDefined();
        if (!t) continue;
        for (const layer of ['communes', 'labels']) {
          const ids = features(t.tile, layer).map((f) => f.id);
          expect(ids, `${layer} ${z}/${x}/${y}`).toContain(Number(code));
        }
        const province = features(t.tile, 'provinces').map((f) => f.id);
        expect(province, `provinces ${z}/${x}/${y}`).toContain(Number(unit.province_code));
      }
    },
  );

  it('has bounds that cover every unit, the islands included', () => {
    const [w, s, e, n] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
    expect(metadata.bounds).toEqual([w, s, e, n]);
    expect(index.bounds).toEqual([w, s, e, n]);
    for (const u of index.units) {
      const [uw, us, ue, un] = u.bbox;
      expect(uw >= w && us >= s && ue <= e && un <= n, u.code).toBe(true);
    }
    // Trường Sa reaches past 114.5° E and south of 9° N, Hoàng Sa past 111° E: not only the mainland.
    expect(e).toBeGreaterThan(114.5);
    expect(s).toBeLessThan(9);
  });

  it('is deterministic: a second build gives the same bytes', () => {
    const again = buildNational({ outDir: path.join(tmp, 'b'), maxZoom: TEST_MAX_ZOOM });
    expect(readFileSync(again.archiveFile).equals(readFileSync(built.archiveFile))).toBe(true);
    expect(readFileSync(again.indexFile, 'utf8')).toBe(readFileSync(built.indexFile, 'utf8'));
  }, 300_000);
});
