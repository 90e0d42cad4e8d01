// Điện Biên (provinces/dien-bien): built by the same tile build as Lai Châu, from its folder alone, into a
// temporary folder, and checked as archives.test.ts checks Lai Châu's committed archives: every unit at every
// zoom (the minimum included), integer ids equal to the GSO codes, the layer names, valid properties.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { VectorTile } from '@mapbox/vector-tile';
import { Compression, TileType, type Header } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTiles } from '../../tiles/build/build-tiles.ts';
import { loadConfig } from '../../tiles/build/config.ts';
import { REPO_ROOT } from '../../tiles/build/paths.ts';
import { contextProps, schemaFor, type LayerName } from '../../tiles/build/schema.ts';
import { decodeTile, openArchiveFile, readAllTiles } from './archive-reader.ts';
import { MAX_ARCHIVE_BYTES } from './fixtures.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'dien-bien-tiles-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CONFIG = loadConfig('dien-bien');

/** The unit list, read here independently of the build's reader. */
const UNITS = readFileSync(path.join(REPO_ROOT, 'provinces/dien-bien/units-2025.csv'), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [code = '', fullName = '', kind = ''] = line.split(',');
    return { code, full_name: fullName, kind };
  });
const CODES = UNITS.map((u) => Number(u.code)).sort((a, b) => a - b);

interface Opened {
  header: Header;
  metadata: Record<string, unknown>;
  tiles: { z: number; x: number; y: number; tile: VectorTile }[];
}

async function open(file: string): Promise<Opened> {
  const archive = openArchiveFile(path.join(tmp, 'out', file));
  const header = await archive.getHeader();
  const metadata = (await archive.getMetadata()) as Record<string, unknown>;
  const tiles = (await readAllTiles(archive, header)).map((t) => ({ ...t, tile: decodeTile(t.bytes) }));
  return { header, metadata, tiles };
}

function featuresAt(a: Opened, layer: string, z: number) {
  return a.tiles
    .filter((t) => t.z === z)
    .flatMap((t) => {
      const l = t.tile.layers[layer];
      return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
    });
}

const sortedIds = (features: { id?: number }[]) =>
  [...new Set(features.map((f) => f.id ?? -1))].sort((x, y) => x - y);

let files: string[];
beforeAll(() => {
  files = buildTiles(CONFIG, { outDir: path.join(tmp, 'out') })
    .files.map((f) => f.file)
    .sort();
});

describe('Điện Biên from its folder', () => {
  it('builds one period (2025), its context and attribution, with its own prefix', () => {
    expect(CONFIG.vintageIds).toEqual(['2025']);
    expect(files).toEqual([
      'attribution.json',
      'dienbien-2025.index.json',
      'dienbien-2025.pmtiles',
      'dienbien-2025.static.json',
      'dienbien-context.pmtiles',
    ]);
    expect(readdirSync(path.join(tmp, 'out')).sort()).toEqual(files);
  });

  it('gives identical bytes when built again', () => {
    buildTiles(CONFIG, { outDir: path.join(tmp, 'again') });
    for (const file of files)
      expect(
        readFileSync(path.join(tmp, 'again', file)).equals(readFileSync(path.join(tmp, 'out', file))),
        file,
      ).toBe(true);
  });
});

describe('archive dienbien-2025.pmtiles', () => {
  let a: Opened;
  beforeAll(async () => {
    a = await open('dienbien-2025.pmtiles');
  });

  it(`is at most ${MAX_ARCHIVE_BYTES} bytes, MVT with gzip, zoom 6–12, bounds around Điện Biên`, () => {
    expect(statSync(path.join(tmp, 'out', 'dienbien-2025.pmtiles')).size).toBeLessThanOrEqual(
      MAX_ARCHIVE_BYTES,
    );
    const h = a.header;
    expect([h.specVersion, h.tileType, h.tileCompression, h.minZoom, h.maxZoom]).toEqual([
      3,
      TileType.Mvt,
      Compression.Gzip,
      6,
      12,
    ]);
    // Điện Biên lies within ≈102.1–103.6 E, 20.9–22.6 N.
    expect(h.minLon).toBeGreaterThan(102);
    expect(h.minLon).toBeLessThan(102.3);
    expect(h.maxLon).toBeGreaterThan(103.4);
    expect(h.maxLon).toBeLessThan(103.8);
    expect(h.minLat).toBeGreaterThan(20.7);
    expect(h.minLat).toBeLessThan(21.0);
    expect(h.maxLat).toBeGreaterThan(22.4);
    expect(h.maxLat).toBeLessThan(22.7);
  });

  it('names its layers communes, province and labels, in the metadata and in the tiles', () => {
    const layers = (a.metadata.vector_layers as { id: string; description: string }[]).map((l) => l.id);
    expect(layers).toEqual(['communes', 'province', 'labels']);
    expect([...new Set(a.tiles.flatMap((t) => Object.keys(t.tile.layers)))].sort()).toEqual([
      'communes',
      'labels',
      'province',
    ]);
    expect(a.metadata).toMatchObject({
      name: 'dienbien-2025',
      vintage: '2025',
      unit_count: 45,
      description: 'Điện Biên: Boundaries from 1 Jul 2025 (45 commune-level units)',
    });
    expect(a.tiles.length).toBe(a.header.numAddressedTiles);
  });

  it('has the 45 units of its list at every zoom, the minimum zoom included', () => {
    expect(CODES).toHaveLength(45);
    for (let z = a.header.minZoom; z <= a.header.maxZoom; z++)
      for (const layer of ['communes', 'labels'])
        expect(sortedIds(featuresAt(a, layer, z)), `${layer} at z${z}`).toEqual(CODES);
  });

  it('gives each feature its GSO code as id and valid properties from the unit list', () => {
    const byCode = new Map(UNITS.map((u) => [u.code, u]));
    let checked = 0;
    for (const t of a.tiles)
      for (const [name, layer] of Object.entries(t.tile.layers))
        for (let i = 0; i < layer.length; i++) {
          const f = layer.feature(i);
          const props = schemaFor(name as LayerName, false).parse(f.properties);
          expect(f.id).toBe(Number(props.code));
          if (name !== 'province') {
            expect(props.full_name).toBe(byCode.get(props.code)?.full_name);
            expect(f.properties.kind).toBe(byCode.get(props.code)?.kind);
          }
          checked++;
        }
    expect(checked).toBeGreaterThan(45);
  });

  it('has the province outline with id 11', () => {
    const outline = featuresAt(a, 'province', a.header.minZoom);
    expect(sortedIds(outline)).toEqual([11]);
    expect(outline[0]?.properties).toEqual({ code: '11', name: 'Điện Biên', full_name: 'Tỉnh Điện Biên' });
  });
});

describe('archive dienbien-context.pmtiles and the attribution file', () => {
  it('has Lai Châu and Sơn La from July 2025, China and Laos', async () => {
    const a = await open('dienbien-context.pmtiles');
    expect([a.header.minZoom, a.header.maxZoom]).toEqual([4, 10]);
    const features = featuresAt(a, 'context', a.header.minZoom);
    const byId = new Map(features.map((f) => [f.id, contextProps.parse(f.properties)]));
    expect([...byId.keys()].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual([1, 2, 212, 214]);
    expect(byId.get(212)).toMatchObject({ code: '12', name: 'Lai Châu', period: 'post2025' });
    expect(a.metadata.description).toBe(
      'Context outlines around Điện Biên: neighbouring provinces from July 2025, China, Laos',
    );
  });

  it('credits the 2025 reference map (not restricted) and mledoze/countries', () => {
    const attr = JSON.parse(readFileSync(path.join(tmp, 'out', 'attribution.json'), 'utf8')) as Record<
      string,
      { file: string; vi: string[]; en: string[]; restricted: boolean }
    >;
    expect(Object.keys(attr).sort()).toEqual(['dienbien-2025', 'dienbien-context']);
    expect(attr['dienbien-2025']).toMatchObject({ file: 'dienbien-2025.pmtiles', restricted: false });
    expect(attr['dienbien-2025']?.vi.join(' ')).toMatch(/sapnhap\.bando\.com\.vn/);
    expect(attr['dienbien-context']?.en.join(' ')).toMatch(/ODbL/);
  });
});
